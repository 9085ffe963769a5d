"""The search page in a real Chromium, with JavaScript off: filters are a plain form."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page_without_script(browser):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_filters_work_without_javascript(page_without_script, live_server):
    page = page_without_script
    page.goto(live_server + "/fr/search?q=familles")
    page.get_by_text("Filtrer les résultats").click()
    page.get_by_label("Arrondissement", exact=True).select_option("18")
    page.get_by_label("Gratuit", exact=False).first.check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**arrondissement=18**")
    assert "free=true" in page.url
    cards = page.locator(".resource-card")
    assert cards.count() >= 1
    assert all("75018" in text or "18e" in text for text in cards.all_inner_texts())


def test_a_typo_offers_the_corrected_words(page_without_script, live_server):
    page = page_without_script
    page.goto(live_server + "/fr/search?q=ludotheqe")
    page.get_by_role("link", name="ludotheque").click()
    assert page.get_by_role("link", name="Ludothèque des Buttes").is_visible()
