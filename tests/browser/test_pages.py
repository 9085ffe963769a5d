"""The home page and a resource page in a real Chromium."""

import pytest

pytestmark = pytest.mark.browser


def test_home_page_in_chromium(page, live_server):
    page.goto(live_server + "/fr/")
    assert page.title().endswith("Repères familles")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text()
    assert page.locator(".arrondissement-grid a").count() == 20
    page.get_by_label("Que cherchez-vous ?").fill("ludotheque")
    page.get_by_role("button", name="Chercher").click()
    page.wait_for_url("**/fr/search?q=ludotheque")
    assert page.get_by_role("link", name="Ludothèque des Buttes").is_visible()


def test_resource_page_in_chromium(page, live_server):
    page.goto(live_server + "/fr/resources/laep-test-14")
    assert page.get_by_role("heading", level=1).inner_text() == "LAEP Les Petits Pas"
    assert page.locator(".open-state").is_visible()
    assert page.locator("table.hours tr").count() == 7
    assert page.get_by_role("link", name="01 40 00 00 01").get_attribute("href") == "tel:0140000001"


def test_skip_link_is_the_first_stop_and_moves_focus(page, live_server):
    page.goto(live_server + "/fr/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_usable_at_320_pixels(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server + "/fr/resources/laep-test-14")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0
