"""A family's answers: reading a submitted page, and turning the answers into a situation.

The answers live only in the signed session cookie, as a small mapping (see `State`):
the life events started, in order, and one compact answer per question id. Everything
here is plain values in, plain values out: the views keep the cookie, these functions decide.

An answer is stored as:
- choice: the option id;             multi: the list of option ids;
- yesno: "yes" or "no";              number: an int;
- arrondissement: an int, or "outside";
- ages: a list of ints ([] = no child yet);
- DONT_KNOW for "Je ne sais pas" / "Je préfère ne pas répondre" (fills nothing).
"""

from dataclasses import dataclass

from directory.taxonomy import N_
from directory.validation import Problem
from orientation.conditions import holds
from orientation.situation import MAX_CHILD_AGE
from orientation.situation import MAX_CHILDREN
from orientation.situation import Situation

SESSION_KEY = "orientation"  # where the answers live in the session cookie (public pages and desk mode alike)
DONT_KNOW = "?"
OUTSIDE_PARIS = "outside"
YES = "yes"
NO = "no"
ARRONDISSEMENTS = tuple(range(1, 21))


@dataclass(frozen=True)
class State:
    """The life events started (in order) and the answers by question id."""

    events: tuple = ()
    answers: dict | None = None

    def answer(self, question_id):
        """Return the stored answer of a question, or None."""
        return (self.answers or {}).get(question_id)

    def to_session(self):
        """Return the plain mapping kept in the session cookie."""
        return {"events": list(self.events), "answers": dict(self.answers or {})}


@dataclass(frozen=True)
class Walk:
    """The situation the answers give, and the questions shown in each questionnaire."""

    situation: Situation
    visible: dict  # questionnaire id -> tuple of the question ids shown, in order


def is_valid_answer(question, answer):
    """Tell whether a stored answer still fits the question (the questionnaires may have changed)."""
    if answer == DONT_KNOW:
        return question.can_skip
    option_ids = {option.id for option in question.options}
    checks = {
        "choice": lambda: answer in option_ids,
        "multi": lambda: isinstance(answer, list) and bool(answer) and set(answer) <= option_ids,
        "yesno": lambda: answer in (YES, NO),
        "number": lambda: _is_int(answer) and question.minimum <= answer <= question.maximum,
        "arrondissement": lambda: answer == OUTSIDE_PARIS or answer in ARRONDISSEMENTS,
        "ages": lambda: (
            isinstance(answer, list)
            and len(answer) <= MAX_CHILDREN
            and all(_is_int(age) and 0 <= age <= MAX_CHILD_AGE for age in answer)
            and (bool(answer) or question.no_children)
        ),
    }
    return checks[question.type]()


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def state_from_session(catalog, raw):
    """Return the State kept in the session, leaving out anything that no longer fits."""
    raw = raw if isinstance(raw, dict) else {}
    events = raw.get("events") if isinstance(raw.get("events"), list) else []
    answers = raw.get("answers") if isinstance(raw.get("answers"), dict) else {}
    known_events = tuple(dict.fromkeys(event for event in events if isinstance(event, str) and catalog.get(event)))
    kept = {
        question_id: answer
        for question_id, answer in answers.items()
        if question_id in catalog.questions and is_valid_answer(catalog.questions[question_id], answer)
    }
    return State(known_events, kept)


def values_of_answer(question, answer):
    """Return the situation values an answer gives."""
    if answer == DONT_KNOW:
        return {}
    if question.type == "choice":
        return dict(question.option(answer).sets)
    if question.type == "multi":
        values = {}
        for option_id in answer:
            values.update(question.option(option_id).sets)
        return values
    if question.type == "yesno":
        return {question.field: answer == YES}
    if question.type == "arrondissement" and answer == OUTSIDE_PARIS:
        return {}
    if question.type == "ages":
        return {question.field: tuple(answer)}
    return {question.field: answer}


def walk(catalog, state, also=None):
    """Go through the started questionnaires (and `also`, being viewed) in order; return the Walk.

    A question is shown when its condition holds for the situation given by everything
    answered before it; only the answers of shown questions count. Choosing a life event
    gives its own values (`sets`) before its first question.
    """
    events = list(state.events)
    if also is not None and also not in events:
        events.append(also)
    values = {}
    visible = {}
    for event in events:
        questionnaire = catalog.get(event)
        values.update(questionnaire.sets)
        shown = []
        for step in questionnaire.steps:
            if not holds(step.condition, Situation(**values)):
                continue
            shown.append(step.question.id)
            answer = state.answer(step.question.id)
            if answer is not None:
                values.update(values_of_answer(step.question, answer))
        visible[event] = tuple(shown)
    return Walk(Situation(**values), visible)


def record_answer(catalog, state, questionnaire_id, question_id, answer):
    """Return the new State after an answer: the event is started, hidden answers are dropped."""
    events = state.events if questionnaire_id in state.events else (*state.events, questionnaire_id)
    answers = dict(state.answers or {})
    answers[question_id] = answer
    updated = State(events, answers)
    # An earlier answer may hide questions answered before: forget those answers.
    shown = {question for questions in walk(catalog, updated).visible.values() for question in questions}
    return State(events, {key: value for key, value in answers.items() if key in shown})


def adjacent_question(catalog, walk_result, questionnaire_id, question_id, direction):
    """Return the shown question just after (direction 1) or before (-1) this one, in the questionnaire's order."""
    ids = [step.question.id for step in catalog.get(questionnaire_id).steps]
    shown = set(walk_result.visible.get(questionnaire_id, ()))
    position = ids.index(question_id)
    candidates = ids[position + 1 :] if direction > 0 else reversed(ids[:position])
    return next((candidate for candidate in candidates if candidate in shown), None)


def progress(walk_result, questionnaire_id, question_id):
    """Return (position, total) of a question among those shown, 1-based."""
    shown = walk_result.visible.get(questionnaire_id, ())
    return shown.index(question_id) + 1, len(shown)


def _single(form, name):
    values = [value for value in form.get(name, []) if value is not None]
    return values[0].strip() if len(values) == 1 else None


def _problem(message, **params):
    return Problem("answer", message, params)


def read_answer(question, form):
    """Return (answer, None) from a submitted page, or (None, Problem) saying what to fix.

    `form` maps each field name to the list of its submitted values.
    """
    if question.can_skip and _single(form, "skip") == DONT_KNOW:
        return DONT_KNOW, None
    if question.type == "ages":
        return _read_ages(question, form)
    if question.type == "number":
        return _read_number(question, form)
    if question.type == "multi":
        return _read_multi(question, form)
    value = _single(form, "answer")
    if value == DONT_KNOW and question.can_skip:
        return DONT_KNOW, None
    if question.type == "choice" and question.option(value or ""):
        return value, None
    if question.type == "yesno" and value in (YES, NO):
        return value, None
    if question.type == "arrondissement":
        if value == OUTSIDE_PARIS:
            return value, None
        if value and value.isdigit() and int(value) in ARRONDISSEMENTS:
            return int(value), None
    return None, _problem(N_("Choisissez une réponse, puis appuyez sur « Continuer »."))


def _read_multi(question, form):
    chosen = [value for value in form.get("answer", []) if value]
    if chosen == [DONT_KNOW] and question.can_skip:
        return DONT_KNOW, None
    if not chosen or any(question.option(value) is None for value in chosen):
        return None, _problem(N_("Cochez au moins une réponse, puis appuyez sur « Continuer »."))
    chosen = list(dict.fromkeys(chosen))
    exclusive = [value for value in chosen if question.option(value).exclusive]
    if exclusive and len(chosen) > 1:
        return None, _problem(
            N_("« %(answer)s » ne peut pas être cochée avec une autre réponse."), answer=question.option(exclusive[0]).label
        )
    return chosen, None


def _read_number(question, form):
    text = _single(form, "answer") or ""
    if text.isdigit() and question.minimum <= int(text) <= question.maximum:
        return int(text), None
    return None, _problem(N_("Écrivez un nombre entre %(low)s et %(high)s."), low=question.minimum, high=question.maximum)


def _read_ages(question, form):
    if question.no_children and _single(form, "no_children") == YES:
        return [], None
    texts = [value.strip() for value in form.get("age", []) if value and value.strip()]
    if not texts:
        if question.no_children:
            return None, _problem(N_("Écrivez l'âge d'au moins un enfant, ou choisissez « Pas encore d'enfant »."))
        return None, _problem(N_("Écrivez l'âge d'au moins un enfant."))
    if len(texts) > MAX_CHILDREN or not all(text.isdigit() and int(text) <= MAX_CHILD_AGE for text in texts):
        return None, _problem(
            N_("Écrivez chaque âge en chiffres, de 0 à %(high)s ans (0 pour un bébé de moins d'un an)."), high=MAX_CHILD_AGE
        )
    return [int(text) for text in texts], None


def form_values(question, answer):
    """Return a stored answer in the shape of a submitted page (name -> list of values), to show it again."""
    if answer is None or (answer == DONT_KNOW and question.type in ("number", "ages")):
        return {}
    if question.type == "ages":
        return {"age": [str(age) for age in answer]}
    if question.type == "multi" and answer != DONT_KNOW:
        return {"answer": list(answer)}
    return {"answer": [str(answer)]}
