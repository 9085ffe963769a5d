"""Staff pages under /<lang>/staff/: login, logout, the staff home and the desk mode."""

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for
from flask_babel import format_time
from flask_babel import gettext

from desk import accounts
from desk.auth import current_account
from desk.auth import public_staff_page
from desk.auth import role_required
from desk.auth import sign_in
from desk.auth import sign_out
from desk.navigation import local_path
from desk.shortlist import shortlist_ids
from desk.visit import end_visit
from desk.visit import start_visit
from desk.visit import visit_language_code
from directory import storage
from directory.db import get_db
from web.languages import LANGUAGES
from web.languages import get_language

bp = Blueprint("staff", __name__, url_prefix="/<lang:lang>/staff")

DESK_ROLES = ("desk", "admin")  # who may receive families in the desk mode


@bp.route("/login", methods=["GET", "POST"])
@public_staff_page
def login():
    """The login form; the same message for a wrong password and an unknown account."""
    if request.method == "GET":
        if current_account() is not None:
            return redirect(url_for("staff.home"))
        return render_template("desk/login.html", username="", next=request.args.get("next", ""))
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    back = request.form.get("next", "")
    if not username.strip() or not password:
        return _login_refused(username, back, gettext("Saisissez votre identifiant et votre mot de passe."))
    now = accounts.utc_now()
    outcome = accounts.authenticate(get_db(), username, password, now)
    if outcome.locked_until is not None:
        # I18N: %(time)s is a time of day, e.g. 14:35.
        message = gettext(
            "Trop d'essais avec cet identifiant. Réessayez après %(time)s.", time=format_time(outcome.locked_until, "short")
        )
        return _login_refused(username, back, message, status=429)
    if outcome.account is None:
        return _login_refused(username, back, gettext("Identifiant ou mot de passe incorrect."))
    sign_in(outcome.account, now)
    return redirect(local_path(back, url_for("staff.home")))


def _login_refused(username, back, message, status=400):
    return render_template("desk/login.html", username=username, next=back, error=message), status


@bp.post("/logout")
@role_required(*accounts.ROLES)
def logout():
    """Sign out and forget the session, a family's visit included."""
    sign_out()
    flash(gettext("Session fermée."))
    return redirect(url_for("staff.login"))


@bp.get("/")
@role_required(*accounts.ROLES)
def home():
    """The staff home: the account, its desk, and what its role gives access to."""
    account = current_account()
    desk_resource = storage.get_resource(get_db(), account.desk_resource_id) if account.desk_resource_id else None
    return render_template(
        "desk/home.html",
        account=account,
        role_label=gettext(accounts.ROLE_LABELS[account.role]),
        desk_resource=desk_resource,
        desk_roles=DESK_ROLES,
    )


@bp.get("/desk/")
@role_required(*DESK_ROLES)
def desk_home():
    """The desk mode: start a family's visit, then its shortlist, its sheet, and « Terminer »."""
    language = get_language(visit_language_code(session))
    resources = storage.get_resources(get_db(), shortlist_ids(session)) if language else []
    return render_template("desk/desk.html", family_language=language, resources=resources, languages=LANGUAGES)


@bp.post("/desk/family")
@role_required(*DESK_ROLES)
def start_family():
    """« Nouvelle famille »: forget the previous family and start with the chosen language."""
    language = get_language(request.form.get("family_lang"))
    if language is None:
        flash(gettext("Choisissez la langue de la famille dans la liste."), "error")
        return redirect(url_for("staff.desk_home"))
    start_visit(session, language.code)
    return redirect(url_for("staff.desk_home"))


@bp.post("/desk/finish")
@role_required(*DESK_ROLES)
def finish_family():
    """« Terminer »: forget everything of the family, its language and its shortlist."""
    end_visit(session)
    flash(gettext("Visite terminée : les informations de la famille sont effacées."))
    return redirect(url_for("staff.desk_home"))
