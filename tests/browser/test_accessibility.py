"""axe-core in Chromium: no serious or critical violation on the main pages (WCAG 2.1 AA rules)."""

from pathlib import Path

import pytest

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
