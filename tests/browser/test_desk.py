"""A desk agent serves a family in a real Chromium: login, new family, shortlist, sheet, PDF, « Terminer »."""

import io
from pathlib import Path

import pypdf
import pytest

from tests.browser.staff import sign_in_at_the_desk

pytestmark = pytest.mark.browser


def download_pdf(page):
    """Press "Télécharger le PDF" on a sheet; return the file's suggested name and its text."""
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger le PDF").click()
    download = download_info.value
    reader = pypdf.PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = " ".join(page_of_pdf.extract_text() for page_of_pdf in reader.pages).replace("\n", " ")
    return download.suggested_filename, text


def finish_the_visit(page, live_server):
    """Press « Terminer » on the desk and check that the family's shortlist is gone."""
    page.goto(live_server + "/fr/staff/desk/")
    page.get_by_role("button", name="Terminer").click()
    assert page.get_by_text("Visite terminée").is_visible()
    assert page.locator(".shortlist-link__count").inner_text() == "0"


def test_a_desk_agent_serves_a_family(page, live_server, desk_agent):
    sign_in_at_the_desk(page, live_server, desk_agent)

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
    filename, text = download_pdf(page)
    assert filename.startswith("fiche-orientation-")
    assert "Ludothèque des Buttes" in text and "LAEP Les Petits Pas" in text
    assert "Demander Mme Durand" in text

    finish_the_visit(page, live_server)
    assert page.get_by_role("heading", name="Nouvelle famille").is_visible()


def test_a_bilingual_sheet_stacks_its_languages_on_a_phone(browser, live_server):
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


def test_a_desk_agent_runs_a_questionnaire_with_an_arabic_speaking_family(page, live_server, desk_agent):
    sign_in_at_the_desk(page, live_server, desk_agent)
    page.get_by_label("Langue de la famille").select_option("ar")
    page.get_by_role("button", name="Commencer").click()
    page.get_by_role("link", name="Des lieux pour mon jeune enfant et moi").click()
    page.wait_for_url("**/fr/staff/desk/questionnaires/jeune-enfant/questions/arrondissement")

    # The question and its answers in Arabic and in French, side by side.
    title = page.get_by_role("heading", level=1)
    arabic, french = title.locator('[lang="ar"]'), title.locator('[lang="fr"]')
    assert arabic.inner_text() == "في أي دائرة من باريس تسكن؟"
    assert french.inner_text() == "Dans quel arrondissement de Paris habitez-vous ?"
    arabic_box, french_box = arabic.bounding_box(), french.bounding_box()
    assert abs(arabic_box["y"] - french_box["y"]) < 2 and arabic_box["x"] + arabic_box["width"] <= french_box["x"]
    assert page.locator('label[for="answer-14"] [lang="ar"]').inner_text() == "الدائرة 14"
    assert page.locator('label[for="answer-14"] [lang="fr"]').inner_text() == "14e arrondissement"

    page.get_by_label("14e arrondissement").check()
    page.get_by_role("button", name="Continuer").click()
    page.get_by_label("Âge de l'enfant 1").fill("2")
    page.get_by_role("button", name="Continuer").click()
    for label in ("Oui", "Non", "Dans notre logement (en location ou à nous)"):
        page.get_by_label(label).check()
        page.get_by_role("button", name="Continuer").click()
    page.wait_for_url("**/fr/staff/desk/questionnaires/jeune-enfant/summary")
    assert page.get_by_text("الدائرة 14").is_visible()
    page.get_by_role("link", name="Voir ce que nous vous proposons").click()
    page.wait_for_url("**/fr/staff/desk/results")

    page.get_by_role("button", name="Ajouter à ma sélection : LAEP Les Petits Pas").click()
    page.wait_for_url("**/fr/staff/desk/results")
    page.get_by_role("button", name="Ajouter à ma sélection : Relais Information Familles de la mairie du 14e").click()
    page.wait_for_url("**/fr/staff/desk/results")
    assert page.locator(".shortlist-link__count").inner_text() == "2"

    page.get_by_role("link", name="Accueil des familles").click()
    page.get_by_role("link", name="Fiche de la famille").click()
    page.wait_for_url("**/fr/sheet?ids=laep-test-14,rif-test-14&family_lang=ar")
    sheet = page.locator("article.sheet")
    assert sheet.get_attribute("dir") == "rtl"
    assert sheet.get_by_text("لماذا هذا المكان:").first.is_visible()
    assert sheet.get_by_text("Pourquoi ce lieu :").first.is_visible()
    _filename, text = download_pdf(page)
    assert "LAEP Les Petits Pas" in text and "Relais Information Familles de la mairie du 14e" in text
    assert "ورقة التوجيه" in text and "لماذا هذا المكان" in text
    assert "Vous nous avez dit que vous avez un enfant de moins de 3 ans." in text

    finish_the_visit(page, live_server)
    page.goto(live_server + "/fr/orientation/results")
    assert page.get_by_text("Vous n'avez encore répondu à aucune question").is_visible()
