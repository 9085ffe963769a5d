"""Places for a recommendation: the family's arrondissement, then neighbours, then remote services."""

import datetime

from directory.db import get_db
from directory.models import Resource
from orientation.results import HERE
from orientation.results import LOCAL_LIMIT
from orientation.results import NEAR
from orientation.results import REMOTE
from orientation.results import Match
from orientation.results import Orientation
from orientation.results import Recommendation
from orientation.results import first_places
from orientation.results import matching_resources
from orientation.results import orient
from orientation.results import reasons_by_resource
from orientation.results import speaks_of_danger
from orientation.results import urgent_help
from orientation.rules import DIRECT
from orientation.rules import GUIDES
from orientation.rules import Finding
from orientation.rules import Text
from orientation.situation import Situation

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


def recommendation(kind, reasons, resources, priority=1):
    finding = Finding(kind, DIRECT, tuple(Text(reason) for reason in reasons))
    return Recommendation(finding, priority, GUIDES[kind], tuple(Match(resource, HERE) for resource in resources))


def test_each_place_gathers_the_reasons_of_every_recommendation_that_proposes_it():
    shared = place("shared", 14)
    orientation = Orientation(
        Situation(),
        (recommendation("violences", ["Danger."], [place("line", None)], priority=None),),
        (
            recommendation("laep", ["Un bébé.", "Seul."], [shared, place("other", 14)]),
            recommendation("centre_social", ["Seul.", "Nouveau."], [shared], priority=2),
            recommendation("rif", ["Question."], []),
        ),
    )
    assert reasons_by_resource(orientation) == {
        "line": (("Danger.", {}),),
        "shared": (("Un bébé.", {}), ("Seul.", {}), ("Nouveau.", {})),
        "other": (("Un bébé.", {}), ("Seul.", {})),
    }
    assert first_places(orientation) == ["line", "shared"]
    assert first_places(orientation, limit=1) == ["line"]


def test_only_violence_or_a_child_in_danger_make_the_answers_discreet():
    assert not speaks_of_danger(Situation(separation="separated", child_support="fixed_unpaid"))
    assert speaks_of_danger(Situation(domestic_violence=True))
    assert speaks_of_danger(Situation(child_in_danger=True))


def test_urgent_help_alone_is_the_urgent_part_of_the_orientation(app):
    situation = Situation(arrondissement=18, domestic_violence=True, child_in_danger=True, separation="separated")
    with app.test_request_context("/"):
        whole = orient(situation, get_db(), TODAY)
        assert whole.urgent and whole.recommendations
        assert urgent_help(situation, get_db(), TODAY) == whole.urgent
