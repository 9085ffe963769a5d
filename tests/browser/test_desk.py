"""A desk agent serves a family in a real Chromium: login, new family, shortlist, sheet, PDF, « Terminer »."""

import io
from pathlib import Path

import pypdf
import pytest

from desk import accounts
from directory import storage
from web.languages import Language

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"


@pytest.fixture
def desk_agent(app):
    """A desk account of the "RIF du 14e"."""
    db = storage.open_database(app.config["DATABASE"])
    try:
        accounts.create_account(db, "agent", PASSWORD, "desk", desk_name="RIF du 14e", desk_resource_id="rif-test-14")
    finally:
        db.conn.close()
    return "agent"


def test_a_desk_agent_serves_a_family(page, live_server, desk_agent):
    page.goto(live_server + "/fr/staff/desk/")
    page.wait_for_url("**/fr/staff/login?next=/fr/staff/desk/")
    page.get_by_label("Identifiant").fill(desk_agent)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/staff/desk/")

    page.get_by_label("Langue de la famille").select_option("fr")
    page.get_by_role("button", name="Commencer").click()
    assert page.get_by_text("Famille en cours. Sa langue :").is_visible()

    page.get_by_label("Que cherchez-vous ?").fill("ludotheque")
    page.get_by_role("button", name="Chercher").click()
    page.wait_for_url("**/fr/search?q=ludotheque")
    page.get_by_role("button", name="Ajouter à ma sélection : Ludothèque des Buttes").click()
    page.wait_for_url("**/fr/search?q=ludotheque")
    assert page.locator(".shortlist-link__count").inner_text() == "1"

    page.goto(live_server + "/fr/resources/laep-test-14")
    page.get_by_role("button", name="Ajouter à ma sélection").click()
    assert page.get_by_role("button", name="Retirer de ma sélection").is_visible()
    assert page.locator(".shortlist-link__count").inner_text() == "2"

    page.get_by_role("link", name="Famille en cours").click()
    page.get_by_role("link", name="Fiche de la famille").click()
    page.wait_for_url("**/fr/sheet?ids=ludo-test-19,laep-test-14&family_lang=fr")
    sheet = page.locator("article.sheet")
    assert sheet.get_by_role("heading", name="Ludothèque des Buttes").is_visible()
    assert sheet.get_by_text("RIF du 14e").is_visible()
    assert sheet.locator("svg.qr").count() == 2
    assert page.get_by_role("button", name="Imprimer").is_visible()  # shown by print.js

    page.get_by_label("Note pour la famille (facultatif)").fill("Demander Mme Durand à l'accueil.")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger le PDF").click()
    download = download_info.value
    assert download.suggested_filename.startswith("fiche-orientation-")
    reader = pypdf.PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = " ".join(page_of_pdf.extract_text() for page_of_pdf in reader.pages).replace("\n", " ")
    assert "Ludothèque des Buttes" in text and "LAEP Les Petits Pas" in text
    assert "Demander Mme Durand" in text

    page.goto(live_server + "/fr/staff/desk/")
    page.get_by_role("button", name="Terminer").click()
    assert page.get_by_text("Visite terminée").is_visible()
    assert page.locator(".shortlist-link__count").inner_text() == "0"
    assert page.get_by_role("heading", name="Nouvelle famille").is_visible()


def test_a_bilingual_sheet_stacks_its_languages_on_a_phone(browser, live_server, monkeypatch):
    # A stand-in right-to-left language until the catalogs arrive.
    arabic = Language("ar", "ar", "العربية", "rtl")
    monkeypatch.setattr("desk.sheet_views.get_language", lambda code: arabic if code == "ar" else None)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server + "/fr/sheet?ids=laep-test-14&family_lang=ar")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    family, french = (page.locator(f".sheet-entry__text[lang={code}]").bounding_box() for code in ("ar", "fr"))
    wide = page.context.new_page()
    wide.set_viewport_size({"width": 1100, "height": 800})
    wide.goto(live_server + "/fr/sheet?ids=laep-test-14&family_lang=ar")
    wide_family, wide_french = (wide.locator(f".sheet-entry__text[lang={code}]").bounding_box() for code in ("ar", "fr"))
    context.close()
    assert overflow <= 0
    assert french["y"] >= family["y"] + family["height"]
    assert wide_family["x"] > wide_french["x"]  # right to left: the family's language comes first, on the right
