"""The questionnaires in a real Chromium: without JavaScript, the back button, and "Quitter rapidement"."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def no_script_page(browser):
    """A page with JavaScript turned off."""
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def script_page(browser):
    """A page with JavaScript on."""
    context = browser.new_context(locale="fr-FR")
    yield context.new_page()
    context.close()


@pytest.fixture
def neutral_site(app, live_server):
    """Send "Quitter rapidement" to a page of the test server (the machine has no network)."""
    app.config["QUICK_EXIT_URL"] = live_server + "/fr/search"
    return live_server + "/fr/search"


def test_a_questionnaire_without_javascript_and_the_back_button(no_script_page, live_server):
    page = no_script_page
    page.goto(live_server + "/fr/orientation/vacances/")
    page.get_by_role("link", name="Commencer").click()
    page.get_by_label("18e arrondissement").check()
    page.get_by_role("button", name="Continuer").click()
    page.get_by_label("Âge de l'enfant 1").fill("9")
    page.get_by_role("button", name="Continuer").click()
    assert page.get_by_text("Question 3 sur 3").is_visible()
    page.get_by_label("Oui").check()
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url("**/fr/orientation/vacances/summary")
    assert page.get_by_text("18e arrondissement").is_visible()

    page.go_back()
    page.wait_for_url("**/questions/caf_allocataire")
    assert page.get_by_label("Oui").is_checked()
    page.go_back()
    page.wait_for_url("**/questions/children_ages")
    assert page.get_by_label("Âge de l'enfant 1").input_value() == "9"
    page.go_forward()
    page.wait_for_url("**/questions/caf_allocataire")

    page.goto(live_server + "/fr/orientation/results")
    assert page.locator("#recommendation-piv").is_visible()
    assert page.locator("#recommendation-piv").get_by_role("link", name="Centre social La Passerelle").is_visible()
    assert not page.get_by_role("button", name="Imprimer cette page").is_visible()  # it needs JavaScript


def test_quick_exit_leaves_and_replaces_the_history_entry(script_page, live_server, neutral_site):
    page = script_page
    page.goto(live_server + "/fr/")
    page.get_by_role("link", name="Violences, danger : de l'aide").click()
    page.wait_for_url("**/fr/orientation/danger/")
    page.get_by_role("button", name="Quitter rapidement").click()
    page.wait_for_url(neutral_site)
    page.go_back()
    page.wait_for_url(live_server + "/fr/")  # the danger page is no longer in the history


def test_quick_exit_works_without_javascript(no_script_page, live_server, neutral_site):
    page = no_script_page
    page.goto(live_server + "/fr/orientation/separation/questions/separation")
    page.get_by_role("button", name="Quitter rapidement").click()
    page.wait_for_url(neutral_site)


def test_results_can_be_printed_with_javascript(script_page, live_server):
    page = script_page
    page.goto(live_server + "/fr/orientation/numerique/questions/digital_needs")
    page.get_by_label("Faire mes démarches sur internet (Caf, impôts, école, France Travail…)").check()
    page.get_by_role("button", name="Continuer").click()
    page.goto(live_server + "/fr/orientation/results")
    assert page.get_by_role("button", name="Imprimer cette page").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".clear-answers").is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/fr/orientation/danger/",
        "/fr/orientation/emploi/questions/children_ages",
        "/fr/orientation/naissance/questions/arrondissement",
    ],
)
def test_questionnaire_pages_fit_320_pixels(browser, live_server, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0
