"""PDF sheets rendered by WeasyPrint: text, pages, QR codes, fonts, no outside fetch."""

import io
import logging
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from weasyprint.urls import FatalURLFetchingError

from desk.pdf import html_to_pdf
from web.languages import Language

SHEET_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "sheet.css"
FIVE = ["laep-test-14", "mediation-test-13", "rif-test-14", "epn-test-18", "cs-test-18"]
SIX = [*FIVE, "ludo-test-19"]


def read_pdf(response):
    """Return the PDF of a response, checked to be one."""
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(response.data))


def text_of(reader):
    """Return the text of every page, with line breaks turned into spaces."""
    return " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


def embedded_fonts(reader):
    """Return the names of the fonts embedded in a PDF, subset prefixes removed."""
    names = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def test_the_pdf_has_the_resource_names(client):
    response = client.get("/fr/sheet.pdf?ids=" + ",".join(FIVE) + "&family_lang=fr")
    assert response.headers["Content-Disposition"].startswith('attachment; filename="fiche-orientation-')
    text = text_of(read_pdf(response))
    for name in ("LAEP Les Petits Pas", "Médiation familiale du Sud", "Relais Information Familles de la mairie du 14e"):
        assert name in text
    assert "Fiche d'orientation" in text


def test_five_resources_fit_on_two_pages(client):
    assert len(read_pdf(client.get("/fr/sheet.pdf?ids=" + ",".join(FIVE))).pages) <= 2


def test_six_resources_in_two_languages_fit_on_two_pages(client, monkeypatch):
    # The family's column is a stand-in until the catalogs arrive: French text laid out right to left.
    arabic = Language("ar", "ar", "العربية", "rtl")
    monkeypatch.setattr("desk.sheet_views.get_language", lambda code: arabic if code == "ar" else None)
    note = "Venir avec le carnet de santé de l'enfant. Demander Mme Durand au bureau 2."
    response = client.post("/fr/sheet.pdf", data={"ids": ",".join(SIX), "family_lang": "ar", "note": note})
    reader = read_pdf(response)
    assert len(reader.pages) <= 2
    assert text_of(reader).count("LAEP Les Petits Pas") == 1


def test_the_qr_codes_decode_to_the_resource_pages(client):
    reader = read_pdf(client.get("/fr/sheet.pdf?ids=" + ",".join(FIVE)))
    decoded = []
    for page in reader.pages:
        for image in page.images:
            decoded.extend(code.text for code in zxingcpp.read_barcodes(image.image))
    assert decoded == [f"http://localhost/fr/resources/{identifier}" for identifier in FIVE]


def test_weasyprint_has_nothing_to_warn_about(client, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        read_pdf(client.get("/fr/sheet.pdf?ids=" + ",".join(FIVE)))
        read_pdf(
            client.post("/fr/liaison.pdf", data={"ids": "laep-test-14", "reason": "Isolement", "professional_name": "C. M."})
        )
    assert [record.getMessage() for record in caplog.records if record.name.startswith("weasyprint")] == []


def test_the_note_is_printed_in_the_pdf(client):
    text = text_of(read_pdf(client.post("/fr/sheet.pdf", data={"ids": "laep-test-14", "note": "Demander Mme Durand."})))
    assert "Demander Mme Durand." in text


def test_fonts_cover_the_scripts_of_the_families():
    sample = (
        '<article class="sheet"><p lang="ar" dir="rtl">مرحبا بكم</p><p lang="fa" dir="rtl">پدر و مادر گرامی</p>'
        '<p lang="zh-Hans">你好，欢迎</p><p lang="ta">வணக்கம்</p><p lang="bn">স্বাগতম</p><p lang="uk">Ласкаво просимо</p>'
        '<p lang="fr">Bienvenue à Paris</p></article>'
    )
    reader = pypdf.PdfReader(io.BytesIO(html_to_pdf(sample, [SHEET_CSS])))
    fonts = " ".join(sorted(embedded_fonts(reader)))
    for script in ("Arabic", "CJK", "Tamil", "Bengali"):
        assert script in fonts, f"no font for {script} among: {fonts}"
    text = text_of(reader)
    assert "你好" in text
    assert "Ласкаво просимо" in text


def test_nothing_is_fetched_from_outside():
    with pytest.raises(FatalURLFetchingError):
        html_to_pdf('<img src="http://127.0.0.1:9/tracker.png">', [SHEET_CSS])
