"""The rules themselves: what each one reads, the guards of DOMAIN.md, and the texts they give."""

from flask_babel import force_locale

from directory.taxonomy import KIND_BY_CODE
from orientation import rules
from orientation.display import render_text
from orientation.situation import Situation


def kinds(situation):
    urgent, findings = rules.recommend(situation)
    return [found.kind for found in urgent], [found.kind for found in findings]


def test_every_rule_is_for_a_known_kind_with_a_guide_and_only_one_rule_per_kind():
    rule_kinds = [rule.kind for rule in rules.RULES]
    assert len(rule_kinds) == len(set(rule_kinds))
    for kind in [*rule_kinds, "violences", "enfance_en_danger"]:
        assert kind in KIND_BY_CODE
        assert kind in rules.GUIDES


def test_mediation_is_excluded_whenever_violence_is_declared_whatever_else_is_true():
    every_reason = Situation(
        separation="considering", conflict_with_other_parent=True, child_support="not_fixed", domestic_violence=True
    )
    assert "mediation_familiale" not in kinds(every_reason)[1]
    assert rules.excluded_kinds(every_reason) == {"mediation_familiale"}
    assert rules.excluded_kinds(Situation(domestic_violence=False)) == set()


def test_violence_help_lines_are_urgent_and_119_comes_first():
    assert kinds(Situation(domestic_violence=True))[0] == ["violences"]
    assert kinds(Situation(domestic_violence=True, child_in_danger=True))[0] == ["enfance_en_danger", "violences"]
    assert kinds(Situation(domestic_violence=False, child_in_danger=False))[0] == []


def test_avip_needs_both_a_child_under_3_and_a_parent_seeking_work():
    assert "creche_avip" in kinds(Situation(children_ages=(2,), job_seeking=True))[1]
    assert "creche_avip" not in kinds(Situation(children_ages=(3,), job_seeking=True))[1]
    assert "creche_avip" not in kinds(Situation(children_ages=(1,)))[1]
    assert "creche_avip" not in kinds(Situation(expecting_child=True, job_seeking=True))[1]


def test_laep_needs_a_child_under_6_or_a_baby_expected():
    assert "laep" in kinds(Situation(children_ages=(5,)))[1]
    assert "laep" in kinds(Situation(expecting_child=True))[1]
    assert "laep" not in kinds(Situation(children_ages=(6, 9), feels_isolated=True, new_in_paris=True))[1]
    assert "laep" not in kinds(Situation(feels_isolated=True))[1]  # ages unknown: no LAEP either


def test_mission_locale_is_for_parents_of_16_to_25():
    for age, expected in ((15, False), (16, True), (25, True), (26, False)):
        assert ("mission_locale" in kinds(Situation(parent_age=age))[1]) is expected


def test_nothing_known_gives_the_relais_information_familles():
    urgent, findings = rules.recommend(Situation())
    assert urgent == [] and [found.kind for found in findings] == ["rif"]
    assert findings[0].reasons == (rules.GENERAL_QUESTION,)


def test_reasons_quote_what_the_family_said():
    _, findings = rules.recommend(Situation(child_support="fixed_unpaid", domestic_violence=True))
    aripa = next(found for found in findings if found.kind == "aripa")
    assert aripa.reasons == (rules.SUPPORT_UNPAID, rules.VIOLENCE)
    assert all(reason.message.startswith("Vous nous avez dit") for reason in aripa.reasons)


def test_protection_comes_before_the_rest():
    _, findings = rules.recommend(Situation(housing="homeless", children_ages=(1,), holidays_wanted=True))
    assert findings[0].kind == "service_social" and findings[0].rank == rules.PROTECT
    assert [found.rank for found in findings] == sorted(found.rank for found in findings)


def test_the_parent_age_reason_is_translated(app):
    reason = rules.parent_age_reason(22)
    with app.test_request_context("/en/"), force_locale("en"):
        assert "22" in render_text(reason) and "Vous nous avez dit" not in render_text(reason)
