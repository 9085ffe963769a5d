"""The curated Paris data in data/: valid, complete enough, and honest about its sources."""

import datetime
from pathlib import Path

import pytest

from directory import datafiles
from directory import geography
from directory.importing import summarize

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def loaded():
    return datafiles.load_resources(DATA, today=datetime.date.today())


def test_every_record_is_valid(loaded):
    _resources, problems = loaded
    assert [problem.french() for problem in problems] == []


def test_at_least_250_resources(loaded):
    resources, _problems = loaded
    assert len(resources) >= 250


def test_every_arrondissement_has_an_open_resource(loaded):
    resources, _problems = loaded
    covered = {r.arrondissement for r in resources if r.status == "open" and r.arrondissement}
    assert covered == set(geography.arrondissement_numbers())
    assert summarize(resources)["arrondissements"] == 20


def test_the_four_themes_are_covered(loaded):
    resources, _problems = loaded
    for theme in ("parentalite", "numerique", "vacances", "insertion"):
        assert sum(1 for r in resources if theme in r.all_themes and r.status == "open") >= 5, theme


@pytest.mark.parametrize(("kind", "phone"), [("aripa", "3238"), ("violences", "3919"), ("enfance_en_danger", "119")])
def test_national_services_families_need(loaded, kind, phone):
    resources, _problems = loaded
    assert any(r.kind == kind and r.phone == phone and r.arrondissement is None for r in resources)


def test_every_mairie_has_its_relais_information_familles(loaded):
    resources, _problems = loaded
    rif = {r.arrondissement for r in resources if r.kind == "rif" and r.status == "open"}
    assert {3, *range(5, 21)} <= rif


def test_every_record_has_a_source_and_a_date(loaded):
    resources, _problems = loaded
    assert all(r.source and r.verified_on for r in resources)
