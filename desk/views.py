"""Staff pages under /<lang>/staff/: login, logout, the staff home and the desk mode.

The desk mode's questionnaire is the public one (orientation/views.py) run with DESK_PAGES:
the same views and answers, the staff's endpoints and layout, and each question in the
family's language and in French side by side.
"""

import functools

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
from orientation import display
from orientation.answers import SESSION_KEY as ANSWERS_KEY
from orientation.views import Pages
from orientation.views import current_state
from orientation.views import first_question
from orientation.views import get_catalog
from orientation.views import keep_answers_private
from orientation.views import question_url
from orientation.views import show_question
from orientation.views import show_results
from orientation.views import show_summary
from web.languages import LANGUAGES
from web.languages import get_language
from web.languages import with_french

bp = Blueprint("staff", __name__, url_prefix="/<lang:lang>/staff")
# Staff pages show a family's answers and shortlist, and a signed-in account: never cached.
bp.after_request(keep_answers_private)

DESK_ROLES = ("desk", "admin")  # who may receive families in the desk mode
DESK_PAGES = Pages(
    question="staff.desk_question",
    summary="staff.desk_summary",
    results="staff.desk_results",
    index="staff.desk_home",
    clear="staff.desk_clear_answers",
    start=None,
    layout="desk/_visit_layout.html",
    side_by_side=True,
)


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


def visit_language():
    """Return the family's language of the visit under way, or None."""
    return get_language(visit_language_code(session))


def visit_required(view):
    """Send the staff member to « Nouvelle famille » when no family's visit is under way."""

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        if visit_language() is None:
            flash(gettext("Commencez d'abord une nouvelle famille : choisissez sa langue."), "error")
            return redirect(url_for("staff.desk_home"))
        return view(*args, **kwargs)

    return guarded


@bp.get("/desk/")
@role_required(*DESK_ROLES)
def desk_home():
    """The desk mode: start a family's visit, then its questionnaire, its shortlist, its sheet, and « Terminer »."""
    language = visit_language()
    if language is None:
        return render_template("desk/desk.html", family_language=None, languages=LANGUAGES)
    languages = with_french(language)
    events = [
        (questionnaire, [(shown_in, display.questionnaire_texts(questionnaire, shown_in.locale)[0]) for shown_in in languages])
        for questionnaire in get_catalog().questionnaires
    ]
    return render_template(
        "desk/desk.html",
        family_language=language,
        events=events,
        answered=bool(current_state().events),
        resources=storage.get_resources(get_db(), shortlist_ids(session)),
        languages=LANGUAGES,
    )


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


@bp.get("/desk/questionnaires/<event_id>/")
@role_required(*DESK_ROLES)
@visit_required
def desk_questionnaire(event_id):
    """Begin a questionnaire with the family: its first question."""
    return redirect(question_url(DESK_PAGES, event_id, first_question(event_id)))


@bp.route("/desk/questionnaires/<event_id>/questions/<question_id>", methods=["GET", "POST"])
@role_required(*DESK_ROLES)
@visit_required
def desk_question(event_id, question_id):
    """A question in the family's language and in French side by side, answered as on the public pages."""
    return show_question(DESK_PAGES, visit_language(), event_id, question_id)


@bp.get("/desk/questionnaires/<event_id>/summary")
@role_required(*DESK_ROLES)
@visit_required
def desk_summary(event_id):
    """The family's answers to a questionnaire, in its language and in French, each one with a link to change it."""
    return show_summary(DESK_PAGES, visit_language(), event_id)


@bp.get("/desk/results")
@role_required(*DESK_ROLES)
@visit_required
def desk_results():
    """The recommendations for the family's answers: each place can join its shortlist."""
    return show_results(DESK_PAGES, visit_language())


@bp.post("/desk/answers/clear")
@role_required(*DESK_ROLES)
@visit_required
def desk_clear_answers():
    """Forget the family's answers; its language and its shortlist stay."""
    session.pop(ANSWERS_KEY, None)
    flash(gettext("Les réponses de la famille sont effacées."))
    return redirect(url_for("staff.desk_home"))
