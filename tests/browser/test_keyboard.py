"""A whole questionnaire with the keyboard alone in Chromium: the skip link, then Tab, Shift+Tab,
Space, Enter and the arrow keys from the home page to the results, the focus always visible.

Nothing here clicks or fills an element: keys go to whatever has the focus, as for a person.
"""

import pytest

pytestmark = pytest.mark.browser

MAX_TABS = 80  # more Tab presses than any page here needs to reach its target

# The focused element, its focus indicator, and whether a person can see it: inside the
# window and not covered by another element (a sticky bar, a menu).
FOCUS = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const label = element.labels && element.labels[0];
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id,
    className: typeof element.className === "string" ? element.className : "",
    type: element.type || "",
    name: element.name || "",
    value: element.value || "",
    checked: Boolean(element.checked),
    href: element.getAttribute("href") || "",
    text: (element.innerText || "").trim().slice(0, 60),
    inMain: Boolean(element.closest("main")),
    outline: `${style.outlineStyle} ${parseFloat(style.outlineWidth)}`,
    boxShadow: style.boxShadow,
    inWindow: box.width > 0 && box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
    seen: Boolean(hit) && (element.contains(hit) || (label && label.contains(hit)) || hit.contains(element)),
  };
}"""
STYLE = "(element) => { const style = getComputedStyle(element); return `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`; }"


class Keyboard:
    """Presses keys in a page and checks, at each stop, that the focused element shows it."""

    def __init__(self, page):
        self.page = page
        self.stops = 0
        self.left = None  # the last element that had the focus on this page, and its style then

    def press(self, key):
        """Press a key that stays on the page; where the focus lands, it must be visible."""
        self.page.keyboard.press(key)
        self.compare_with_the_element_left(key)
        focused = self.page.evaluate(FOCUS)
        if focused["tag"] in ("body", "main"):
            return focused  # the page itself, or the main content reached by the skip link
        self.stops += 1
        where = f"{key} on {self.page.url}: {focused['tag']}#{focused['id']} «{focused['text']}»"
        has_outline = not focused["outline"].startswith("none") and not focused["outline"].endswith(" 0")
        assert has_outline or focused["boxShadow"] != "none", f"no focus indicator after {where}"
        assert focused["inWindow"] and focused["seen"], f"the focused element cannot be seen after {where}"
        element = self.page.evaluate_handle("document.activeElement")
        self.left = (element, element.evaluate(STYLE), where)
        return focused

    def compare_with_the_element_left(self, key):
        """The element the focus just left must look different now: the indicator was the focus's."""
        if self.left is None:
            return
        element, focused_style, where = self.left
        if element.evaluate("(element) => element === document.activeElement"):
            return  # the key did not move the focus (Space on a radio button)
        assert element.evaluate(STYLE) != focused_style, f"the focus indicator is always there: {where}"

    def follow(self, key, url):
        """Press a key that opens another page (a link, a form's button) and wait for it."""
        with self.page.expect_navigation(url=url):
            self.page.keyboard.press(key)
        self.left = None

    def tab_to(self, wanted):
        """Press Tab until the focused element matches; return it."""
        for _ in range(MAX_TABS):
            focused = self.press("Tab")
            if wanted(focused):
                return focused
        raise AssertionError(f"{MAX_TABS} Tab presses on {self.page.url} never reached the element")


def continue_button(focused):
    """The form's main button, "Continuer" (the others carry a name: skip, no children)."""
    return focused["tag"] == "button" and focused["type"] == "submit" and not focused["name"]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_whole_questionnaire_with_the_keyboard_alone(page, live_server, lang):
    keys = Keyboard(page)
    page.goto(f"{live_server}/{lang}/")

    # The first Tab stop is the skip link; Enter moves the focus to the main content.
    first = keys.press("Tab")
    assert "skip-link" in first["className"] and first["href"] == "#main"
    assert keys.press("Enter")["id"] == "main"
    assert keys.press("Tab")["inMain"]  # the next stop is in the content, past the header

    # The holidays questionnaire, from the home page's list of life events.
    keys.tab_to(lambda focused: focused["href"].endswith(f"/{lang}/orientation/vacances/"))
    keys.follow("Enter", f"**/{lang}/orientation/vacances/")
    keys.tab_to(lambda focused: focused["href"].endswith("/questions/arrondissement"))
    keys.follow("Enter", "**/questions/arrondissement")

    # A radio group: Tab enters it on the first choice, Space picks it, the arrows move the choice.
    first_choice = keys.tab_to(lambda focused: focused["type"] == "radio")
    assert first_choice["id"] == "answer-1" and not first_choice["checked"]
    assert keys.press("Space")["checked"]
    for _ in range(13):
        chosen = keys.press("ArrowDown")
    assert chosen["id"] == "answer-14" and chosen["checked"] and chosen["value"] == "14"
    assert keys.press("ArrowUp")["id"] == "answer-13"
    assert keys.press("ArrowDown")["id"] == "answer-14"
    # Tab leaves the group for the button; Shift+Tab comes back to the chosen answer.
    assert continue_button(keys.press("Tab"))
    assert keys.press("Shift+Tab")["id"] == "answer-14"
    assert continue_button(keys.press("Tab"))
    keys.follow("Enter", "**/questions/children_ages")

    # Number fields: reached with Tab, typed into.
    keys.tab_to(lambda focused: focused["id"] == "age-1")
    page.keyboard.type("9")
    assert keys.press("Tab")["id"] == "age-2"
    page.keyboard.type("4")
    keys.tab_to(continue_button)
    keys.follow("Space", "**/questions/caf_allocataire")

    # Yes or no: the first choice, "Oui", picked with Space, the form sent with Enter on the button.
    yes = keys.tab_to(lambda focused: focused["type"] == "radio")
    assert keys.press("Space")["checked"] and yes["value"] == "yes"
    keys.tab_to(continue_button)
    keys.follow("Enter", f"**/{lang}/orientation/vacances/summary")
    assert page.locator(".answers__value").count() == 3

    keys.tab_to(lambda focused: focused["href"].endswith(f"/{lang}/orientation/results"))
    keys.follow("Enter", f"**/{lang}/orientation/results")
    assert page.locator("#recommendation-piv").is_visible()  # holidays: the Point Information Vacances
    assert keys.stops > 20
