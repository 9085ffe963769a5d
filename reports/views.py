"""« Signaler une erreur » on every resource page, and the editors' queue of reports."""

import datetime

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for
from flask_babel import gettext

from desk.auth import current_account
from desk.auth import role_required
from directory import storage
from directory.db import get_db
from directory.views import render_resource_page
from reports import limits
from reports import storage as reports_storage
from reports.models import TOPICS
from reports.models import Report

bp = Blueprint("reports", __name__, url_prefix="/<lang:lang>")

EDITOR_ROLES = ("editor", "admin")


def _now():
    return datetime.datetime.now(datetime.UTC)


@bp.post("/resources/<resource_id>/report")
def send(resource_id):
    """Take a report about a resource; nothing personal is required, nothing about the sender is kept."""
    db = get_db()
    resource = storage.get_resource(db, resource_id)
    if resource is None:
        return render_template("web/error.html", code=404), 404
    form = limits.read_report_form(request.form)
    if form.problem:
        return _resource_page_with_form(resource_id, form, gettext(form.problem))
    now = _now()
    sent_last_minute = reports_storage.count_reports_since(db, now - datetime.timedelta(minutes=1))
    if not limits.may_send(session.get(limits.SESSION_KEY), sent_last_minute, now):
        message = gettext(
            "Trop de signalements en peu de temps. Réessayez plus tard, ou appelez le Relais Information Familles de votre mairie."
        )
        return _resource_page_with_form(resource_id, form, message, status=429)
    reports_storage.insert_report(db, Report(None, resource_id, now, form.topic, form.message, form.contact or None))
    session[limits.SESSION_KEY] = [*limits.recent_sends(session.get(limits.SESSION_KEY), now), now.isoformat()]
    flash(gettext("Merci : votre signalement a été transmis à l'équipe de l'annuaire."))
    return redirect(url_for("directory.resource", resource_id=resource_id) + "#report")


def _resource_page_with_form(resource_id, form, message, status=400):
    return render_resource_page(resource_id, report_form=form, report_error=message, status=status)


@bp.get("/staff/reports/")
@role_required(*EDITOR_ROLES)
def queue():
    """The open reports, oldest first, each with its resource; the handled ones below."""
    db = get_db()
    open_reports = reports_storage.list_reports(db, "open")
    names = {
        resource.id: resource for resource in storage.get_resources(db, sorted({report.resource_id for report in open_reports}))
    }
    return render_template(
        "reports/queue.html",
        open_reports=open_reports,
        resources=names,
        handled=reports_storage.list_reports(db, "done")[:20] + reports_storage.list_reports(db, "dismissed")[:20],
    )


@bp.post("/staff/reports/<report_id>/close")
@role_required(*EDITOR_ROLES)
def close(report_id):
    """Mark a report done (the record was corrected or checked) or dismissed; its contact is erased."""
    status = "dismissed" if request.form.get("outcome") == "dismissed" else "done"
    closed = report_id.isdigit() and reports_storage.close_report(
        get_db(), int(report_id), status, current_account().username, _now()
    )
    if closed:
        flash(gettext("Signalement traité."))
    else:
        flash(gettext("Ce signalement n'existe pas ou a déjà été traité."), "error")
    return redirect(url_for("reports.queue"))


def report_topic_label(code):
    """Return the French message id of a report's topic."""
    return TOPICS.get(code, code)


def init_app(app):
    """Give templates the topics' labels."""
    app.jinja_env.globals.update(report_topic_label=report_topic_label)
