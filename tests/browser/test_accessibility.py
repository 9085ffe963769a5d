"""axe-core in Chromium: no serious or critical violation on the main pages (WCAG 2.1 AA rules)."""

from pathlib import Path

import pytest

from tests.browser.staff import sign_in_at_the_desk

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [
    "/fr/",
    "/fr/search?q=ludotheque",
    "/fr/resources/laep-test-14",
    "/fr/arrondissements/14",
    "/fr/kinds/laep",
    "/fr/themes/vacances",
    "/fr/nope",
]


def serious_violations(page):
    """Run axe in the page and return the serious or critical violations."""
    page.evaluate(AXE)  # evaluated through the DevTools protocol, so the page's CSP does not block it
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:3]}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page, live_server, path):
    page.goto(live_server + path)
    assert serious_violations(page) == []


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_desk_questionnaire_results_shortlist_and_sheet(page, live_server, desk_agent, lang):
    """A family served in Arabic, the staff's pages in French or in Arabic: every step, then the sheet."""
    desk = f"{live_server}/{lang}/staff/desk"
    sign_in_at_the_desk(page, live_server, desk_agent, lang)
    page.locator("#desk-family-lang").select_option("ar")
    page.locator('form[action$="/staff/desk/family"] button[type="submit"]').click()
    found = {"desk": serious_violations(page)}
    page.goto(f"{desk}/questionnaires/jeune-enfant/")
    found["question"] = serious_violations(page)
    page.locator("#answer-14").check()
    page.locator('.question-form button[type="submit"]:not([name])').click()
    page.wait_for_url("**/questions/children_ages")
    found["ages question"] = serious_violations(page)
    page.locator("#age-1").fill("2")
    page.locator('.question-form button[type="submit"]:not([name])').click()
    page.wait_for_url("**/questions/feels_isolated")
    page.goto(f"{desk}/questionnaires/jeune-enfant/summary")
    found["summary"] = serious_violations(page)
    page.goto(f"{desk}/results")
    found["desk results"] = serious_violations(page)
    page.locator('form.shortlist-toggle:has(input[value="laep-test-14"]) button').first.click()
    page.wait_for_url(f"{desk}/results")
    page.goto(f"{live_server}/{lang}/orientation/results")
    found["results with shortlist buttons"] = serious_violations(page)
    page.goto(f"{live_server}/{lang}/shortlist")
    found["shortlist"] = serious_violations(page)
    page.goto(f"{live_server}/{lang}/sheet?ids=laep-test-14,rif-test-14&family_lang=ar")
    found["sheet"] = serious_violations(page)
    assert {name: violations for name, violations in found.items() if violations} == {}
