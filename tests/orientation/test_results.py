"""Places for a recommendation: the family's arrondissement, then neighbours, then remote services."""

import datetime

from directory.models import Resource
from orientation.results import HERE
from orientation.results import LOCAL_LIMIT
from orientation.results import NEAR
from orientation.results import REMOTE
from orientation.results import matching_resources

TODAY = datetime.date(2026, 1, 15)


def place(identifier, arrondissement, confidence="high", name=None):
    return Resource(
        id=identifier,
        name=name or identifier,
        kind="laep",
        arrondissement=arrondissement,
        confidence=confidence,
        verified_on=datetime.date(2025, 6, 1),
    )


def test_own_arrondissement_first_then_neighbours_then_remote():
    candidates = [place("remote", None), place("far", 16), place("near", 15), place("here", 14)]
    matches = matching_resources(candidates, 14, TODAY)
    assert [(match.resource.id, match.tier) for match in matches] == [("here", HERE), ("near", NEAR), ("remote", REMOTE)]


def test_records_to_confirm_come_after_confirmed_ones_but_are_kept():
    candidates = [place("a-doubtful", 14, confidence="low"), place("b-sure", 14)]
    assert [match.resource.id for match in matching_resources(candidates, 14, TODAY)] == ["b-sure", "a-doubtful"]


def test_help_lines_first_for_urgent_help():
    candidates = [place("local", 14), place("line", None)]
    assert [match.resource.id for match in matching_resources(candidates, 14, TODAY, helplines_first=True)] == ["line", "local"]


def test_unknown_arrondissement_gives_remote_services_only():
    candidates = [place("local", 14), place("line", None)]
    assert [match.resource.id for match in matching_resources(candidates, None, TODAY)] == ["line"]


def test_local_places_are_limited():
    candidates = [place(f"p{number}", 14) for number in range(LOCAL_LIMIT + 3)]
    assert len(matching_resources(candidates, 14, TODAY)) == LOCAL_LIMIT


def test_points_information_vacances_are_also_found_in_social_centres(client):
    answer = client.post("/api/v1/orientation", json={"holidays_wanted": True, "arrondissement": 18}).get_json()
    piv = next(item for item in answer["recommendations"] if item["kind"] == "piv")
    assert [resource["id"] for resource in piv["resources"]] == ["cs-test-18"]
    # A planned Point Information Vacances (piv-test-15) is never proposed.
    assert "piv-test-15" not in str(answer)
