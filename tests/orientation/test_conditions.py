"""The condition language of the questionnaires: parsing, meaning, and refusing what it is not."""

import re

import pytest

from orientation.conditions import ConditionError
from orientation.conditions import compile_condition
from orientation.conditions import holds
from orientation.conditions import tokenize
from orientation.situation import Situation

FAMILY = Situation(separation="separated", children_ages=(2, 7), job_seeking=True, parent_age=24)


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ('separation in ["in_progress", "separated"]', True),
        ('separation not in ["in_progress", "separated"]', False),
        ("job_seeking", True),
        ("job_seeking == true and any_child_under(3)", True),
        ("any_child_under(2)", False),
        ("any_child_between(5, 8)", True),
        ("any_child_between(8, 12)", False),
        ("parent_age >= 16 and parent_age <= 25", True),
        ("not (parent_age > 25)", True),
        ("rsa or job_seeking", True),
        ("rsa and job_seeking", False),
        ("known(parent_age) and not known(rsa)", True),
        ("not not job_seeking", True),
        ('separation == "separated" or (rsa and arrondissement == 3)', True),
    ],
)
def test_conditions_hold_as_written(condition, expected):
    assert holds(compile_condition(condition), FAMILY) is expected


def test_an_unknown_value_never_satisfies_a_comparison():
    unknown = Situation()
    assert holds(compile_condition("rsa == true"), unknown) is False
    assert holds(compile_condition("rsa != true"), unknown) is False  # unknown is not "not true"
    assert holds(compile_condition("parent_age < 26"), unknown) is False
    assert holds(compile_condition('housing in ["hotel"]'), unknown) is False
    assert holds(compile_condition("not rsa"), unknown) is True  # plain negation of "not true"
    assert holds(compile_condition("not known(rsa)"), unknown) is True


def test_no_condition_always_holds():
    assert holds(None, Situation()) is True


def test_operator_precedence_and_binds_tighter_than_or():
    # "a or b and c" is "a or (b and c)".
    assert holds(compile_condition("job_seeking or rsa and domestic_violence"), FAMILY) is True
    assert holds(compile_condition("(job_seeking or rsa) and domestic_violence"), FAMILY) is False


def test_tokens_keep_their_position():
    tokens = tokenize('rsa == "x"')
    assert [(token.kind, token.text, token.position) for token in tokens] == [
        ("name", "rsa", 0),
        ("symbol", "==", 4),
        ("string", '"x"', 7),
        ("end", "", 10),
    ]


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("", "condition vide"),
        ("   ", "condition vide"),
        ("unknown_field", "champ inconnu « unknown_field »"),
        ('__import__("os")', "fonction inconnue « __import__ »"),
        ('__import__("os").system("x")', "caractère inattendu « . »"),
        ("open('/etc/passwd')", "fonction inconnue « open »"),
        ("rsa.__class__", "caractère inattendu « . »"),
        ("rsa + 1", "caractère inattendu « + »"),
        ("rsa ==", "valeur attendue"),
        ("(rsa", "« ) » attendu"),
        ("[rsa", "« ] » attendu"),
        ("rsa true", "fin de condition"),
        ("known()", "prend 1 argument(s), pas 0"),
        ("any_child_between(3)", "prend 2 argument(s), pas 1"),
        ('separation == "divorced"', "ne peut pas valoir 'divorced'"),
        ('housing in ["hotel", "castle"]', "ne peut pas valoir 'castle'"),
        ("rsa == 1", "ne peut pas valoir 1"),
        ("parent_age == true", "ne peut pas valoir True"),
        ('separation in "none"', "demande une liste"),
        ("rsa" + " and rsa" * 100, "condition trop longue"),
    ],
)
def test_bad_conditions_are_refused_with_a_located_message(condition, message):
    with pytest.raises(ConditionError, match=re.escape(message)):
        compile_condition(condition)


def test_a_condition_must_be_text():
    with pytest.raises(ConditionError):
        compile_condition(True)


def test_comparisons_of_unlike_values_are_false_not_errors():
    assert holds(compile_condition("separation < parent_age"), FAMILY) is False
