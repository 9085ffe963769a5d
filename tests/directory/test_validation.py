"""The record checks shared by check-data, imports and staff forms."""

import datetime

import pytest

from directory.validation import clean_record
from directory.validation import find_duplicates

TODAY = datetime.date(2026, 11, 22)


def valid_record(**changes):
    record = {
        "id": "laep-exemple-14",
        "name": "LAEP Exemple",
        "kind": "laep",
        "status": "open",
        "address": "10 rue de l'Exemple",
        "postal_code": "75014",
        "arrondissement": 14,
        "phone": "01 40 00 00 01",
        "website": "https://example.org/",
        "opening_hours": "Mo-Fr 09:00-12:00; PH off",
        "description": "Un lieu pour jouer avec son enfant.",
        "source": "https://example.org/",
        "verified_on": "2025-01-01",
        "confidence": "high",
    }
    record.update(changes)
    return record


def fields_with_problems(record):
    _values, problems = clean_record(record, today=TODAY)
    return {problem.field for problem in problems}


def test_a_valid_record_has_no_problem_and_typed_values():
    values, problems = clean_record(valid_record(), today=TODAY)
    assert problems == []
    assert values["verified_on"] == datetime.date(2025, 1, 1)
    assert values["arrondissement"] == 14


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "Bad Id"}, "id"),
        ({"id": None}, "id"),
        ({"kind": "creche"}, "kind"),
        ({"themes": ["sport"]}, "themes"),
        ({"status": "à venir"}, "status"),
        ({"postal_code": "75014", "arrondissement": 13}, "postal_code"),
        ({"postal_code": "75021"}, "postal_code"),
        ({"postal_code": "93100"}, "postal_code"),
        ({"arrondissement": 21, "postal_code": None, "address": None}, "arrondissement"),
        ({"opening_hours": "lundi 9h-12h"}, "opening_hours"),
        ({"phone": "0140000001"}, "phone"),
        ({"phone": "+33 1 40 00 00 01"}, "phone"),
        ({"website": "www.example.org"}, "website"),
        ({"email": "not-an-email"}, "email"),
        ({"source": "a friend"}, "source"),
        ({"source": "unknown-doc#L12"}, "source"),
        ({"verified_on": "2030-01-01"}, "verified_on"),
        ({"verified_on": "22/11/2026"}, "verified_on"),
        ({"source_date": "2025-06-01", "verified_on": "2025-01-01"}, "source_date"),
        ({"min_age": 5, "max_age": 2}, "max_age"),
        ({"min_age": "deux"}, "min_age"),
        ({"access": ["on foot"]}, "access"),
        ({"languages": ["arabic"]}, "languages"),
        ({"confidence": "sure"}, "confidence"),
        ({"adress": "typo"}, "adress"),
        ({"description": "   "}, "description"),
        ({"name": "bad\x00name"}, "name"),
        ({"kind": "autre"}, "themes"),
        ({"latitude": 45.0}, "latitude"),
    ],
)
def test_each_problem_names_its_field(changes, field):
    assert field in fields_with_problems(valid_record(**changes))


def test_a_document_reference_is_a_valid_source():
    assert fields_with_problems(valid_record(source="pst-14#L1286")) == set()


def test_the_16th_has_two_postal_codes():
    assert fields_with_problems(valid_record(postal_code="75116", arrondissement=16)) == set()


def test_a_remote_service_has_no_place():
    record = valid_record(address=None, postal_code=None, arrondissement=None, phone="3919")
    assert fields_with_problems(record) == set()


def test_strings_from_a_csv_are_typed():
    values, problems = clean_record(
        valid_record(arrondissement="14", min_age="0", max_age="5", access="walk_in, phone"), today=TODAY
    )
    assert problems == []
    assert (values["arrondissement"], values["min_age"], values["access"]) == (14, 0, ["walk_in", "phone"])


def test_problems_read_in_french():
    _values, problems = clean_record(valid_record(postal_code="75013"), today=TODAY)
    assert "Le code postal 75013 ne correspond pas au 14e arrondissement." in [problem.french() for problem in problems]


def test_duplicates_by_id_name_and_address():
    first = valid_record()
    same_id = valid_record(name="Autre nom", address="1 rue Autre")
    same_name = valid_record(id="autre-id", address="2 rue Autre", name="Laep exemple")
    same_place = valid_record(id="troisieme", name="Troisième", address="10 rue de l’Exemple")
    other_kind_same_place = valid_record(id="quatrieme", name="Quatrième", kind="rif")
    found = find_duplicates([first, same_id, same_name, same_place, other_kind_same_place])
    assert ("laep-exemple-14", "laep-exemple-14", "id") in found
    assert ("autre-id", "laep-exemple-14", "name") in found
    assert ("troisieme", "laep-exemple-14", "address") in found
    assert not any(identifier == "quatrieme" for identifier, _, _ in found)
