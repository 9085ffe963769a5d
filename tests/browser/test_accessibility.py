"""Accessibility in Chromium, in French and in Arabic: axe-core finds no serious or critical violation
(WCAG 2.1 AA rules), and the pages fit a 320 px wide screen and a 200 % zoom.

The accessibility statement (/<lang>/accessibilite) lists these pages: keep the two in step.
"""

from pathlib import Path

import pytest

from tests.browser.staff import sign_in_at_the_desk

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["fr", "ar"]  # the source language, and a right-to-left one
# Pages that look the same for every visitor.
PAGES = [
    "/{lang}/",
    "/{lang}/search?q=ludotheque",
    "/{lang}/resources/laep-test-14",
    "/{lang}/arrondissements/14",
    "/{lang}/kinds/laep",
    "/{lang}/themes/vacances",
    "/{lang}/orientation/vacances/questions/arrondissement",
    "/{lang}/sheet?ids=laep-test-14,rif-test-14&family_lang=ar",
    "/{lang}/staff/login",
    "/{lang}/accessibilite",
    "/{lang}/nope",
]
# Pages that show a visitor's own answers and shortlist, once `answer_and_keep_a_place` has run.
VISITOR_PAGES = [
    "/{lang}/orientation/vacances/questions/caf_allocataire",
    "/{lang}/orientation/vacances/summary",
    "/{lang}/orientation/results",
    "/{lang}/shortlist",
]
# A 320 px wide phone (WCAG 1.4.10, reflow), and a 1280 px wide screen zoomed to 200 %:
# its layout is the one of a 640 px wide window, with twice the pixels.
SCREENS = {"320px": {"width": 320, "height": 640}, "zoom200": {"width": 640, "height": 400}}
ZOOM = {"320px": 1, "zoom200": 2}

# What does not fit the width: the page scrolling sideways, a control (link, button, field)
# sticking out of the window, or text cut by an element that hides its overflow. Every
# <details> is opened first, so that the controls it holds are measured too.
NARROW_SCREEN_PROBLEMS = """() => {
  document.querySelectorAll("details").forEach((details) => { details.open = true; });
  const root = document.documentElement;
  const width = root.clientWidth;
  const problems = [];
  const name = (element) => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
    + (element.className && typeof element.className === "string" ? "." + element.className.trim().split(/\\s+/).join(".") : "")
    + " «" + (element.textContent || element.value || "").trim().slice(0, 30) + "»";
  const scrollsInside = (element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(parent).overflowX)) return true;
    }
    return false;
  };
  if (root.scrollWidth > width + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} px for ${width}`);
  for (const element of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")) {
    const box = element.getBoundingClientRect();
    if (!element.checkVisibility() || box.width <= 1 || scrollsInside(element)) continue;
    if (box.left < -1 || box.right > width + 1) problems.push(`out of the window (${Math.round(box.left)} to ${Math.round(box.right)}): ${name(element)}`);
  }
  for (const element of document.querySelectorAll("body *")) {
    const style = getComputedStyle(element);
    if (!["hidden", "clip"].includes(style.overflowX) || element.classList.contains("visually-hidden")) continue;
    if (element.checkVisibility() && element.scrollWidth > element.clientWidth + 1 && element.textContent.trim()) {
      problems.push(`text cut: ${name(element)}`);
    }
  }
  return problems;
}"""


def open_page(page, url):
    """Go to a page and check that it answered as it should (an error page is no proof)."""
    response = page.goto(url)
    assert response.status == (404 if url.endswith("/nope") else 200), url


def serious_violations(page):
    """Run axe in the page and return the serious or critical violations."""
    page.evaluate(AXE)  # evaluated through the DevTools protocol, so the page's CSP does not block it
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:3]}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def answer_and_keep_a_place(page, site, lang):
    """Answer the holidays questionnaire's first two questions and keep a place in the shortlist."""
    page.goto(f"{site}/{lang}/orientation/vacances/questions/arrondissement")
    page.locator("#answer-14").check()
    page.locator('.question-form button[type="submit"]:not([name])').click()
    page.wait_for_url("**/questions/children_ages")
    page.locator("#age-1").fill("9")
    page.locator('.question-form button[type="submit"]:not([name])').click()
    page.wait_for_url("**/questions/caf_allocataire")
    page.goto(f"{site}/{lang}/resources/laep-test-14")
    page.locator("form.shortlist-toggle button").first.click()
    page.wait_for_url(f"**/{lang}/resources/laep-test-14")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page, shared_live_server, path, lang):
    open_page(page, shared_live_server + path.format(lang=lang))
    assert serious_violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_serious_violation_on_a_visitor_s_answers_results_and_shortlist(page, shared_live_server, lang):
    answer_and_keep_a_place(page, shared_live_server, lang)
    found = {}
    for path in VISITOR_PAGES:
        open_page(page, shared_live_server + path.format(lang=lang))
        found[path] = serious_violations(page)
    assert page.locator('.cards a[href$="/resources/laep-test-14"]').count() == 1  # the kept place is listed
    assert {path: violations for path, violations in found.items() if violations} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("screen", SCREENS)
def test_pages_fit_a_narrow_screen_and_a_200_percent_zoom(browser, shared_live_server, screen, lang):
    context = browser.new_context(viewport=SCREENS[screen], device_scale_factor=ZOOM[screen])
    page = context.new_page()
    answer_and_keep_a_place(page, shared_live_server, lang)
    found = {}
    for path in PAGES + VISITOR_PAGES:
        open_page(page, shared_live_server + path.format(lang=lang))
        assert page.evaluate("document.documentElement.clientWidth") == SCREENS[screen]["width"]
        found[path] = page.evaluate(NARROW_SCREEN_PROBLEMS)
    context.close()
    assert {path: problems for path, problems in found.items() if problems} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_desk_questionnaire_results_shortlist_and_sheet(page, live_server, desk_agent, lang):
    """A family served in Arabic, the staff's pages in French or in Arabic: every step, then the sheet."""
    desk = f"{live_server}/{lang}/staff/desk"
    sign_in_at_the_desk(page, live_server, desk_agent, lang)
    page.locator("#desk-family-lang").select_option("ar")
    page.locator('form[action$="/staff/desk/family"] button[type="submit"]').click()
    found = {"desk": serious_violations(page)}
    open_page(page, f"{desk}/questionnaires/jeune-enfant/")
    found["question"] = serious_violations(page)
    page.locator("#answer-14").check()
    page.locator('.question-form button[type="submit"]:not([name])').click()
    page.wait_for_url("**/questions/children_ages")
    found["ages question"] = serious_violations(page)
    page.locator("#age-1").fill("2")
    page.locator('.question-form button[type="submit"]:not([name])').click()
    page.wait_for_url("**/questions/feels_isolated")
    open_page(page, f"{desk}/questionnaires/jeune-enfant/summary")
    found["summary"] = serious_violations(page)
    open_page(page, f"{desk}/results")
    found["desk results"] = serious_violations(page)
    page.locator('form.shortlist-toggle:has(input[value="laep-test-14"]) button').first.click()
    page.wait_for_url(f"{desk}/results")
    open_page(page, f"{live_server}/{lang}/orientation/results")
    found["results with shortlist buttons"] = serious_violations(page)
    open_page(page, f"{live_server}/{lang}/shortlist")
    found["shortlist"] = serious_violations(page)
    open_page(page, f"{live_server}/{lang}/sheet?ids=laep-test-14,rif-test-14&family_lang=ar")
    found["sheet"] = serious_violations(page)
    assert {name: violations for name, violations in found.items() if violations} == {}
