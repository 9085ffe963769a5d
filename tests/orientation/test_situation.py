"""The situation of CONTRACTS §3: its fields, and the checks that give 400 with the field's name."""

import dataclasses

import pytest

from orientation.situation import FIELD_NAMES
from orientation.situation import FIELDS
from orientation.situation import Situation
from orientation.situation import SituationError
from orientation.situation import parse_situation

# The fields of CONTRACTS §3, in its order.
CONTRACT_FIELDS = (
    "arrondissement language children_ages expecting_child single_parent separation conflict_with_other_parent "
    "child_support domestic_violence child_in_danger job_seeking registered_france_travail rsa parent_age "
    "feels_isolated new_in_paris french_difficulty digital_difficulty no_equipment holidays_wanted "
    "caf_allocataire housing disability_in_family bereavement teen_concern"
).split()


def test_the_fields_are_exactly_those_of_the_contract():
    assert list(FIELDS) == CONTRACT_FIELDS
    assert list(FIELD_NAMES) == CONTRACT_FIELDS


def test_a_full_situation_is_read():
    values = {
        "arrondissement": 13,
        "language": "zh-Hans",
        "children_ages": [0, 4],
        "expecting_child": False,
        "separation": "in_progress",
        "child_support": "fixed_unpaid",
        "parent_age": 23,
        "housing": "hotel",
    }
    situation = parse_situation(values)
    assert situation.children_ages == (0, 4)
    assert situation.to_mapping() == values


def test_every_field_may_be_absent_or_null():
    assert parse_situation({}) == Situation()
    assert parse_situation(dict.fromkeys(CONTRACT_FIELDS)) == Situation()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"unknown": 1}, "unknown"),
        ({"unknown": None}, "unknown"),
        ({"arrondissement": 0}, "arrondissement"),
        ({"arrondissement": 21}, "arrondissement"),
        ({"arrondissement": "14"}, "arrondissement"),
        ({"arrondissement": 14.0}, "arrondissement"),
        ({"arrondissement": True}, "arrondissement"),
        ({"children_ages": [-1]}, "children_ages"),
        ({"children_ages": [3, 31]}, "children_ages"),
        ({"children_ages": 3}, "children_ages"),
        ({"children_ages": ["3"]}, "children_ages"),
        ({"children_ages": list(range(21))}, "children_ages"),
        ({"rsa": 1}, "rsa"),
        ({"rsa": "true"}, "rsa"),
        ({"separation": "divorced"}, "separation"),
        ({"child_support": 2}, "child_support"),
        ({"housing": "castle"}, "housing"),
        ({"parent_age": 10}, "parent_age"),
        ({"parent_age": 120}, "parent_age"),
        ({"language": "français"}, "language"),
        ({"language": 12}, "language"),
    ],
)
def test_wrong_fields_are_named(values, field):
    with pytest.raises(SituationError) as raised:
        parse_situation(values)
    assert raised.value.problem.field == field
    assert raised.value.problem.french()


@pytest.mark.parametrize("body", [[], "situation", 3, None])
def test_a_situation_must_be_an_object(body):
    with pytest.raises(SituationError) as raised:
        parse_situation(body)
    assert raised.value.problem.field is None


def test_helpers_about_children():
    situation = Situation(children_ages=(0, 5, 12))
    assert situation.has_child_under(1)
    assert not situation.has_child_under(0)
    assert situation.ages_between(5, 12) == [5, 12]
    assert Situation().may_have_child_under(6)
    assert Situation(children_ages=(), expecting_child=True).may_have_child_under(6)
    assert not Situation(children_ages=(8,)).may_have_child_under(6)


def test_situation_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Situation().rsa = True
