"""Answers: reading a submitted page, and turning the answers into the situation (no Flask)."""

from pathlib import Path

import pytest

from orientation import answers
from orientation.answers import DONT_KNOW
from orientation.answers import State
from orientation.questionnaires import load_catalog
from orientation.situation import Situation

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "data" / "questionnaires"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(QUESTIONNAIRES)


def read(catalog, question_id, **form):
    question = catalog.questions[question_id]
    return answers.read_answer(question, {name: value if isinstance(value, list) else [value] for name, value in form.items()})


@pytest.mark.parametrize(
    ("question_id", "form", "expected"),
    [
        ("separation", {"answer": "in_progress"}, "in_progress"),
        ("separation", {"answer": "?"}, DONT_KNOW),
        ("domestic_violence", {"answer": "yes"}, "yes"),
        ("domestic_violence", {"answer": "no"}, "no"),
        ("arrondissement", {"answer": "14"}, 14),
        ("arrondissement", {"answer": "outside"}, "outside"),
        ("arrondissement", {"answer": "?"}, DONT_KNOW),
        ("parent_age", {"answer": " 23 "}, 23),
        ("parent_age", {"answer": "", "skip": "?"}, DONT_KNOW),
        ("children_ages", {"age": ["2", "", "7", " "]}, [2, 7]),
        ("children_ages", {"age": ["", ""], "no_children": "yes"}, []),
        ("children_ages", {"age": [""], "skip": "?"}, DONT_KNOW),
        ("other_situations", {"answer": ["disability", "bereavement"]}, ["disability", "bereavement"]),
        ("other_situations", {"answer": ["disability", "disability"]}, ["disability"]),
        ("other_situations", {"answer": ["?"]}, DONT_KNOW),
    ],
)
def test_answers_are_read(catalog, question_id, form, expected):
    assert read(catalog, question_id, **form) == (expected, None)


@pytest.mark.parametrize(
    ("question_id", "form", "message"),
    [
        ("separation", {}, "Choisissez une réponse"),
        ("separation", {"answer": "divorced"}, "Choisissez une réponse"),
        ("separation", {"answer": ["considering", "separated"]}, "Choisissez une réponse"),
        ("birth_stage", {"skip": "?"}, "Choisissez une réponse"),
        ("birth_stage", {"answer": "?"}, "Choisissez une réponse"),
        ("registered_france_travail", {"answer": "maybe"}, "Choisissez une réponse"),
        ("arrondissement", {"answer": "21"}, "Choisissez une réponse"),
        ("arrondissement", {"answer": "-1"}, "Choisissez une réponse"),
        ("parent_age", {"answer": "abc"}, "Écrivez un nombre entre %(low)s et %(high)s."),
        ("parent_age", {"answer": "7"}, "Écrivez un nombre entre %(low)s et %(high)s."),
        ("parent_age", {"answer": "-20"}, "Écrivez un nombre entre %(low)s et %(high)s."),
        ("children_ages", {"age": ["", ""]}, "Pas encore d'enfant"),
        ("children_ages", {"age": ["two"]}, "Écrivez chaque âge en chiffres"),
        ("children_ages", {"age": ["45"]}, "Écrivez chaque âge en chiffres"),
        ("children_ages", {"age": ["1"] * 21}, "Écrivez chaque âge en chiffres"),
        ("other_situations", {}, "Cochez au moins une réponse"),
        ("other_situations", {"answer": ["none_of_these", "disability"]}, "ne peut pas être cochée avec une autre"),
        ("other_situations", {"answer": ["flying"]}, "Cochez au moins une réponse"),
    ],
)
def test_bad_answers_say_what_to_fix(catalog, question_id, form, message):
    answer, problem = read(catalog, question_id, **form)
    assert answer is None
    assert problem.field == "answer"
    assert message in problem.message


def test_answers_fill_the_situation_in_order(catalog):
    state = State(
        ("separation",),
        {
            "separation": "in_progress",
            "domestic_violence": "no",
            "conflict": "yes",
            "child_support": "fixed_unpaid",
            "arrondissement": 13,
            "children_ages": [4, 9],
        },
    )
    walked = answers.walk(catalog, state)
    assert walked.situation == Situation(
        separation="in_progress",
        domestic_violence=False,
        conflict_with_other_parent=True,
        child_support="fixed_unpaid",
        arrondissement=13,
        children_ages=(4, 9),
    )
    assert walked.visible["separation"] == (
        "separation",
        "domestic_violence",
        "conflict",
        "child_support",
        "arrondissement",
        "children_ages",
        "caf_allocataire",
    )


def test_conditions_hide_questions_and_their_answers_do_not_count(catalog):
    state = State(
        ("separation",),
        {"separation": "considering", "domestic_violence": "yes", "conflict": "yes", "child_support": "fixed_unpaid"},
    )
    walked = answers.walk(catalog, state)
    assert "conflict" not in walked.visible["separation"]
    assert "child_support" not in walked.visible["separation"]
    assert walked.situation.conflict_with_other_parent is None
    assert walked.situation.child_support is None


def test_recording_an_answer_forgets_the_answers_it_hides(catalog):
    state = State(
        ("separation",), {"separation": "in_progress", "domestic_violence": "no", "conflict": "yes", "child_support": "not_fixed"}
    )
    state = answers.record_answer(catalog, state, "separation", "domestic_violence", "yes")
    assert state.answers == {"separation": "in_progress", "domestic_violence": "yes", "child_support": "not_fixed"}


def test_a_life_event_gives_its_own_values_once_started(catalog):
    state = answers.record_answer(catalog, State(), "vacances", "arrondissement", 18)
    assert state.events == ("vacances",)
    assert answers.walk(catalog, state).situation == Situation(arrondissement=18, holidays_wanted=True)


def test_shared_questions_are_answered_once_across_life_events(catalog):
    state = answers.record_answer(catalog, State(), "naissance", "arrondissement", 11)
    state = answers.record_answer(catalog, state, "vacances", "caf_allocataire", "yes")
    walked = answers.walk(catalog, state)
    assert state.events == ("naissance", "vacances")
    assert walked.situation.arrondissement == 11 and walked.situation.caf_allocataire is True
    assert state.answer("arrondissement") == 11


def test_the_session_keeps_only_what_still_fits(catalog):
    raw = {
        "events": ["vacances", "gone", 3, "vacances"],
        "answers": {
            "arrondissement": 25,
            "caf_allocataire": "yes",
            "children_ages": [2, "x"],
            "nothing": "yes",
            "separation": "?",
        },
    }
    state = answers.state_from_session(catalog, raw)
    assert state.events == ("vacances",)
    assert state.answers == {"caf_allocataire": "yes", "separation": "?"}
    assert answers.state_from_session(catalog, "garbage") == State((), {})


def test_navigation_and_progress_follow_the_shown_questions(catalog):
    state = State(("separation",), {"separation": "considering", "domestic_violence": "no"})
    walked = answers.walk(catalog, state)
    assert answers.adjacent_question(catalog, walked, "separation", "conflict", 1) == "arrondissement"  # child_support is hidden
    assert answers.adjacent_question(catalog, walked, "separation", "arrondissement", -1) == "conflict"
    assert answers.adjacent_question(catalog, walked, "separation", "separation", -1) is None
    assert answers.progress(walked, "separation", "arrondissement") == (4, 6)


@pytest.mark.parametrize(
    ("question_id", "answer", "form"),
    [
        ("children_ages", [3, 5], {"age": ["3", "5"]}),
        ("children_ages", DONT_KNOW, {}),
        ("parent_age", 30, {"answer": ["30"]}),
        ("other_situations", ["disability"], {"answer": ["disability"]}),
        ("other_situations", DONT_KNOW, {"answer": ["?"]}),
        ("arrondissement", 4, {"answer": ["4"]}),
        ("separation", None, {}),
    ],
)
def test_stored_answers_come_back_as_form_values(catalog, question_id, answer, form):
    assert answers.form_values(catalog.questions[question_id], answer) == form
