"""The shortlist ("ma sélection") for everyone: add, remove, clear, and its page. No JavaScript needed."""

from flask import Blueprint
from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for
from flask_babel import gettext

from desk.navigation import local_path
from desk.shortlist import SHORTLIST_LIMIT
from desk.shortlist import add_to_shortlist
from desk.shortlist import clear_shortlist
from desk.shortlist import remove_from_shortlist
from desk.shortlist import shortlist_ids
from desk.visit import visit_language_code
from directory import storage
from directory.db import get_db
from web.i18n import current_language
from web.languages import LANGUAGES

bp = Blueprint("shortlist", __name__, url_prefix="/<lang:lang>/shortlist")


@bp.get("")
def page():
    """The shortlist: its resources, the sheet to print, "Effacer"."""
    ids = shortlist_ids(session)
    resources = storage.get_resources(get_db(), ids)
    return render_template(
        "desk/shortlist.html",
        resources=resources,
        languages=LANGUAGES,
        family_lang=visit_language_code(session) or current_language().code,
    )


@bp.post("/add")
def add():
    """Add a resource, then go back to the page the form was on."""
    resource_id = request.form.get("resource_id", "")
    if storage.get_resource(get_db(), resource_id) is None:
        abort(404)
    if not add_to_shortlist(session, resource_id):
        flash(
            gettext(
                "Votre sélection est pleine (%(limit)s lieux). Retirez-en un pour en ajouter un autre.", limit=SHORTLIST_LIMIT
            ),
            "error",
        )
    return _back()


@bp.post("/remove")
def remove():
    """Remove a resource, then go back to the page the form was on."""
    remove_from_shortlist(session, request.form.get("resource_id", ""))
    return _back()


@bp.post("/clear")
def clear():
    """« Effacer »: empty the shortlist."""
    clear_shortlist(session)
    flash(gettext("Votre sélection est vide."))
    return redirect(url_for("shortlist.page"))


def _back():
    return redirect(local_path(request.form.get("next"), url_for("shortlist.page")))
