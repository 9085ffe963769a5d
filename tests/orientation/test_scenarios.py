"""The scenario files: a situation, the kinds expected, the kinds forbidden, through the API.

Each file of scenarios/ names the life events and the domain rules (DOMAIN.md) it covers;
the last tests check that every life event and every domain rule has scenarios.
"""

import re
from pathlib import Path

import pytest
import yaml

from orientation.questionnaires import load_catalog

SCENARIOS = Path(__file__).resolve().parent / "scenarios"
QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "data" / "questionnaires"
DOMAIN_RULES = {
    "no_mediation_with_violence",
    "helplines_first_with_violence",
    "child_in_danger_119_first",
    "avip_child_under_3_and_job_seeking",
    "laep_child_under_6_or_expecting",
    "aripa_pension_unpaid_or_not_fixed",
    "mission_locale_16_25",
    "epi_and_service_social_for_rsa",
    "piv_for_holidays",
    "hotel_or_shelter",
    "both_parents",
}
SCENARIO_KEYS = {"name", "events", "domain_rules", "situation", "urgent", "expected", "forbidden", "first", "resources"}
# Words that assume the parent is a mother (or a father): the texts address "vous", "les parents".
GENDERED = re.compile(r"\b(mère|maman|père|papa|enceinte|seule|isolée|inscrite|épuisée)s?\b", re.IGNORECASE)


def load_scenarios():
    """Return (file name, scenario) for every scenario file."""
    return [(path.name, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in sorted(SCENARIOS.glob("*.yaml"))]


def kinds(items):
    return [item["kind"] for item in items]


@pytest.mark.parametrize(("filename", "scenario"), load_scenarios(), ids=[name for name, _ in load_scenarios()])
def test_scenario(client, filename, scenario):
    assert set(scenario) <= SCENARIO_KEYS, filename
    response = client.post("/api/v1/orientation", json=scenario["situation"])
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    urgent = kinds(answer["urgent"])
    proposed = kinds(answer["recommendations"])
    assert urgent[: len(scenario["urgent"])] == scenario["urgent"], urgent
    for kind in scenario["expected"]:
        assert kind in proposed, f"{kind} expected in {proposed}"
    for kind in scenario["forbidden"]:
        assert kind not in proposed + urgent, f"{kind} forbidden, found in {proposed + urgent}"
    if "first" in scenario:
        assert proposed[0] == scenario["first"]
    assert [item["priority"] for item in answer["recommendations"]] == list(range(1, len(proposed) + 1))
    everything = answer["recommendations"] + answer["urgent"]
    for item in everything:
        assert item["reasons"], item["kind"]
        for text in item["reasons"] + item["check"] + [item["how_to_go"]]:
            assert not GENDERED.search(text), text
    by_kind = {item["kind"]: item for item in everything}
    for kind, ids in scenario.get("resources", {}).items():
        assert [resource["id"] for resource in by_kind[kind]["resources"]][: len(ids)] == ids
    if "helplines_first_with_violence" in scenario["domain_rules"]:
        violence = by_kind["violences"]
        assert violence["resources"] and violence["resources"][0]["arrondissement"] is None


def test_there_are_at_least_40_scenarios():
    assert len(load_scenarios()) >= 40


def test_every_life_event_has_scenarios():
    covered = {event for _, scenario in load_scenarios() for event in scenario["events"]}
    events = {questionnaire.id for questionnaire in load_catalog(QUESTIONNAIRES).questionnaires}
    assert events <= covered, events - covered
    assert covered <= events, covered - events


def test_every_domain_rule_has_scenarios():
    covered = {rule for _, scenario in load_scenarios() for rule in scenario["domain_rules"]}
    assert covered == DOMAIN_RULES


def test_violence_is_combined_with_separation_and_with_an_unpaid_pension():
    situations = [scenario["situation"] for _, scenario in load_scenarios()]
    assert any(s.get("domestic_violence") and s.get("separation") in ("in_progress", "separated") for s in situations)
    assert any(s.get("domestic_violence") and s.get("child_support") == "fixed_unpaid" for s in situations)
