"""The guided questionnaires: one question per page, a summary, the results, and leaving at once.

Every page works without JavaScript: a question is a GET page and its answer a POST that
redirects (303) to the next question, so the browser's back button shows the previous
question with its answer. The answers live only in the signed session cookie (key
answers.SESSION_KEY); the pages are never cached. The questionnaires are loaded and checked
once, when the app starts (`init_app`).

The desk mode runs the same pages under /<lang>/staff/desk/ (desk/views.py): `show_question`,
`show_summary` and `show_results` take the `Pages` of the run (its endpoints, its layout, and
whether French stands beside each question) and the family's language.
"""

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for

from directory.db import get_db
from directory.hours import now_in_paris
from orientation import answers
from orientation import display
from orientation.answers import SESSION_KEY
from orientation.questionnaires import load_catalog
from orientation.results import first_places
from orientation.results import recommendations_for_session
from orientation.results import speaks_of_danger
from orientation.results import urgent_help
from stats import counters
from stats import service as stats_service
from web.i18n import current_language
from web.languages import with_french

bp = Blueprint("orientation", __name__, url_prefix="/<lang:lang>/orientation")

AGE_FIELDS = 6  # empty age boxes offered; one more appears for each age already given
NEUTRAL_SITE = "https://meteofrance.com/"  # where "Quitter rapidement" goes: a site nobody questions


@dataclass(frozen=True)
class Pages:
    """Where a run of the questionnaires lives: its endpoints, and the layout its pages extend."""

    question: str  # a question page (event_id, question_id)
    summary: str  # a questionnaire's answers (event_id)
    results: str  # the recommendations
    index: str  # where another life event is chosen
    clear: str  # the POST that forgets the answers
    start: str | None  # a questionnaire's first page (event_id); None when the questions begin at once
    layout: str  # the template the pages extend
    side_by_side: bool  # each question also in French, beside the family's language


PUBLIC_PAGES = Pages(
    question="orientation.question",
    summary="orientation.summary",
    results="orientation.results",
    index="orientation.index",
    clear="orientation.clear",
    start="orientation.start",
    layout="orientation/_layout.html",
    side_by_side=False,
)


def get_catalog():
    """Return the questionnaires loaded at start."""
    return current_app.extensions["orientation_catalog"]


def current_state():
    """Return the answers kept in this browser's session."""
    return answers.state_from_session(get_catalog(), session.get(SESSION_KEY))


def get_questionnaire(event_id):
    """Return a questionnaire by id, or answer 404."""
    questionnaire = get_catalog().get(event_id)
    if questionnaire is None:
        abort(404)
    return questionnaire


def is_sensitive(state, situation):
    """Tell whether the page deals with violence or danger, and needs "Quitter rapidement"."""
    sensitive_event = any(get_catalog().get(event).sensitive for event in state.events)
    return sensitive_event or speaks_of_danger(situation)


def shown_languages(pages, family_language):
    """Return the languages the questions are shown in: the family's, and French beside it at the desk."""
    return with_french(family_language) if pages.side_by_side else (family_language,)


def question_url(pages, event_id, question_id, return_to=None):
    """Return the URL of a question page."""
    return url_for(pages.question, event_id=event_id, question_id=question_id, return_to=return_to)


def first_question(event_id):
    """Return the id of a questionnaire's first question, as the family's answers so far show it."""
    get_questionnaire(event_id)
    return answers.walk(get_catalog(), current_state(), also=event_id).visible[event_id][0]


def answered_orientation():
    """Return the Orientation of this session's answers, or None when no questionnaire was started."""
    if not current_state().events:
        return None
    return recommendations_for_session(get_catalog(), session.get(SESSION_KEY), get_db(), now_in_paris().date())


def keep_answers_private(response):
    """Never keep these pages in a cache, and never tell other sites where the family came from."""
    response.headers["Cache-Control"] = "no-store"
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


bp.after_request(keep_answers_private)


@bp.get("/")
def index():
    """The life events, and what the family already answered."""
    state = current_state()
    return render_template(
        "orientation/index.html",
        pages=PUBLIC_PAGES,
        questionnaires=life_events(),
        started=state.events,
        cleared=request.args.get("cleared") == "1",
    )


@bp.get("/<event_id>/")
def start(event_id):
    """A questionnaire's first page; for help_first questionnaires, the help comes before any question."""
    questionnaire = get_questionnaire(event_id)
    stats_service.count_once(counters.LIFE_EVENT, event_id)
    state = current_state()
    walked = answers.walk(get_catalog(), state, also=event_id)
    shown = walked.visible[event_id]
    urgent = ()
    if questionnaire.help_first:
        # The help lines for both kinds of danger, near the family's home when it is known.
        danger = dataclasses.replace(walked.situation, domestic_violence=True, child_in_danger=True)
        urgent = urgent_help(danger, get_db(), now_in_paris().date())
    return render_template(
        "orientation/start.html",
        questionnaire=questionnaire,
        texts=display.questionnaire_texts(questionnaire),
        first_url=question_url(PUBLIC_PAGES, event_id, shown[0]),
        answered=any(state.answer(question_id) is not None for question_id in shown),
        urgent=urgent,
        sensitive=questionnaire.sensitive,
    )


@bp.route("/<event_id>/questions/<question_id>", methods=["GET", "POST"])
def question(event_id, question_id):
    """One question: show it (GET), or read its answer and go on (POST, then 303)."""
    return show_question(PUBLIC_PAGES, current_language(), event_id, question_id)


def show_question(pages, family_language, event_id, question_id):
    """Show a question in the family's language (GET), or read its answer and go on (POST, then 303)."""
    catalog = get_catalog()
    questionnaire = get_questionnaire(event_id)
    step = questionnaire.step(question_id)
    if step is None:
        abort(404)
    state = current_state()
    walked = answers.walk(catalog, state, also=event_id)
    return_to = "summary" if request.values.get("return_to") == "summary" else None
    if question_id not in walked.visible[event_id]:
        # An earlier answer hides this question now: go on to the next one shown.
        return redirect(next_page(pages, catalog, walked, event_id, question_id, None, state), 303)
    problem = None
    form = answers.form_values(step.question, state.answer(question_id))
    if request.method == "POST":
        submitted = {name: request.form.getlist(name) for name in request.form}
        answer, problem = answers.read_answer(step.question, submitted)
        if problem is None:
            state = answers.record_answer(catalog, state, event_id, question_id, answer)
            session[SESSION_KEY] = state.to_session()
            walked = answers.walk(catalog, state, also=event_id)
            return redirect(next_page(pages, catalog, walked, event_id, question_id, return_to, state), 303)
        form = submitted
    previous = answers.adjacent_question(catalog, walked, event_id, question_id, -1)
    position, total = answers.progress(walked, event_id, question_id)
    ages = form.get("age", [])
    said_texts = [
        (language, display.question_texts(step.question, language.locale)) for language in shown_languages(pages, family_language)
    ]
    page = render_template(
        "orientation/question.html",
        pages=pages,
        questionnaire=questionnaire,
        title=display.questionnaire_texts(questionnaire)[0],
        question=step.question,
        # Built once: the page's language is one of those shown, unless a staff page is in a third one.
        texts=dict(said_texts).get(current_language()) or display.question_texts(step.question),
        said_texts=said_texts,
        form=form,
        age_fields=min(max(AGE_FIELDS, len(ages) + 1), answers.MAX_CHILDREN),
        max_child_age=answers.MAX_CHILD_AGE,
        skip_value=answers.DONT_KNOW,
        problem=display.problem_message(problem) if problem else None,
        return_to=return_to,
        previous_url=question_url(pages, event_id, previous) if previous else before_first_question(pages, event_id),
        position=position,
        total=total,
        sensitive=is_sensitive(state, walked.situation) or questionnaire.sensitive,
        family_language=family_language,
    )
    return page, 400 if problem else 200


def before_first_question(pages, event_id):
    """Return where "Question précédente" leads from a questionnaire's first question."""
    return url_for(pages.start, event_id=event_id) if pages.start else url_for(pages.index)


def next_page(pages, catalog, walked, event_id, question_id, return_to, state):
    """Return where to go after a question: the next one shown (unanswered only when back from the summary)."""
    candidate = question_id
    while True:
        candidate = answers.adjacent_question(catalog, walked, event_id, candidate, 1)
        if candidate is None:
            return url_for(pages.summary, event_id=event_id)
        if return_to != "summary" or state.answer(candidate) is None:
            return question_url(pages, event_id, candidate, return_to)


@bp.get("/<event_id>/summary")
def summary(event_id):
    """The answers of a questionnaire, each one with a link to change it."""
    return show_summary(PUBLIC_PAGES, current_language(), event_id)


def show_summary(pages, family_language, event_id):
    """Show the answers of a questionnaire in the family's language, each one with a link to change it."""
    questionnaire = get_questionnaire(event_id)
    state = current_state()
    walked = answers.walk(get_catalog(), state, also=event_id)
    rows = []
    for question_id in walked.visible[event_id]:
        asked = questionnaire.step(question_id).question
        answer = state.answer(question_id)
        rows.append(
            {
                "label": display.question_texts(asked).label,
                "answered": answer is not None,
                "said": [
                    (language, display.answer_texts(asked, answer, language.locale))
                    for language in shown_languages(pages, family_language)
                ],
                "url": question_url(pages, event_id, question_id, "summary"),
            }
        )
    if rows and all(row["answered"] for row in rows):
        stats_service.count_once(counters.QUESTIONNAIRE_COMPLETED, event_id)
    return render_template(
        "orientation/summary.html",
        pages=pages,
        questionnaire=questionnaire,
        title=display.questionnaire_texts(questionnaire)[0],
        rows=rows,
        sensitive=is_sensitive(state, walked.situation) or questionnaire.sensitive,
        family_language=family_language,
    )


@bp.get("/results")
def results():
    """The recommendations for everything the family answered, most useful first."""
    return show_results(PUBLIC_PAGES, current_language())


def show_results(pages, family_language):
    """Show the recommendations, each place with its shortlist button, and a sheet of the first places to print."""
    catalog = get_catalog()
    state = current_state()
    today = now_in_paris().date()
    orientation = recommendations_for_session(catalog, session.get(SESSION_KEY), get_db(), today)
    return render_template(
        "orientation/results.html",
        pages=pages,
        orientation=orientation,
        started=[(event, display.questionnaire_texts(catalog.get(event))[0]) for event in state.events],
        sensitive=is_sensitive(state, orientation.situation),
        sheet_ids=",".join(first_places(orientation)),
        family_language=family_language,
    )


@bp.post("/clear")
def clear():
    """Forget every answer ("Effacer mes réponses")."""
    session.pop(SESSION_KEY, None)
    # Which questionnaires were opened is the family's business too.
    session.pop(counters.SESSION_KEY, None)
    return redirect(url_for("orientation.index", cleared=1), 303)


@bp.route("/quit", methods=["GET", "POST"])
def quick_exit():
    """Forget everything and leave for a neutral site at once ("Quitter rapidement").

    The button is a POST form that works without JavaScript; with JavaScript,
    static/js/quick-exit.js opens this URL with location.replace(), so the page left
    behind is also taken out of the browser's history. Exempt from CSRF (see app.py):
    forgetting one's own answers must never fail.
    """
    session.clear()
    response = redirect(current_app.config["QUICK_EXIT_URL"], 303)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def init_app(app):
    """Load and check the questionnaires once (a problem stops the start, naming the file and the key)."""
    app.config.setdefault("QUESTIONNAIRES_DIR", Path(app.root_path) / "data" / "questionnaires")
    app.config.setdefault("QUICK_EXIT_URL", NEUTRAL_SITE)
    app.extensions["orientation_catalog"] = load_catalog(app.config["QUESTIONNAIRES_DIR"])
    app.jinja_env.filters.update(render_text=display.render_text, tier_label=display.tier_label, age_text=display.age_text)
    app.jinja_env.globals.update(life_events=life_events)


def life_events():
    """Return (questionnaire, translated texts) of every life event, for the home page."""
    return [(item, display.questionnaire_texts(item)) for item in get_catalog().questionnaires]
