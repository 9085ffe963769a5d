"""PDF sheets rendered by WeasyPrint: text, pages, QR codes, fonts, no outside fetch."""

import io
import logging
import re
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from flask_babel import force_locale
from flask_babel import gettext
from weasyprint.urls import FatalURLFetchingError

from desk.pdf import html_to_pdf
from orientation.results import SHEET_PLACES
from tests.desk.conftest import answer_questions
from web.languages import get_language

SHEET_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "sheet.css"
FIVE = ["laep-test-14", "mediation-test-13", "rif-test-14", "epn-test-18", "cs-test-18"]
FIVE_NAMES = [
    "LAEP Les Petits Pas",
    "Médiation familiale du Sud",
    "Relais Information Familles de la mairie du 14e",
    "Espace numérique Goutte d'Or",
    "Centre social La Passerelle",
]
SIX = [*FIVE, "ludo-test-19"]
# "Fiche d'orientation" and "Horaires" in the family's language, as pypdf reads them back (the
# test checks that they are the catalogs' translations). Tamil words with a two-part vowel sign
# (கொ, கே…) come back split by pypdf, so none is chosen here; the PDF itself is right.
FAMILY_TEXTS = {
    "ar": ("ورقة التوجيه", "المواعيد"),
    "zh-Hans": ("指引单", "开放时间"),
    "ta": ("வழிகாட்டல் தாள்", "நேரம்"),
}


def read_pdf(response):
    """Return the PDF of a response, checked to be one."""
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(response.data))


def text_of(reader):
    """Return the text of every page, with line breaks turned into spaces."""
    return " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


def text_runs(page):
    """Return [(text, x)] of a PDF page's text runs, x in page units from the left edge."""
    runs = []

    def visit(text, matrix, text_matrix, _font, _size):
        if text.strip():
            runs.append((text.strip(), pypdf.mult(text_matrix, matrix)[4]))

    page.extract_text(visitor_text=visit)
    return runs


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


@pytest.mark.parametrize("family_lang", ["fr", *FAMILY_TEXTS])
def test_five_resources_fit_on_two_pages(client, family_lang):
    assert len(read_pdf(client.get("/fr/sheet.pdf?ids=" + ",".join(FIVE) + "&family_lang=" + family_lang)).pages) <= 2


@pytest.mark.parametrize("family_lang", FAMILY_TEXTS)
def test_six_resources_and_a_note_in_two_languages_fit_on_two_pages(client, family_lang):
    note = "Venir avec le carnet de santé de l'enfant. Demander Mme Durand au bureau 2."
    reader = read_pdf(client.post("/fr/sheet.pdf", data={"ids": ",".join(SIX), "family_lang": family_lang, "note": note}))
    assert len(reader.pages) <= 2
    assert text_of(reader).count("LAEP Les Petits Pas") == 1


@pytest.mark.parametrize(("family_lang", "texts"), FAMILY_TEXTS.items())
def test_the_pdf_has_the_names_and_the_family_language(app, client, family_lang, texts):
    with app.test_request_context(), force_locale(get_language(family_lang).locale):
        assert [gettext("Fiche d'orientation"), gettext("Horaires :").rstrip(" :：")] == list(texts)
    text = text_of(read_pdf(client.get("/fr/sheet.pdf?ids=" + ",".join(FIVE) + "&family_lang=" + family_lang)))
    for name in FIVE_NAMES:
        assert name in text
    for family_text in texts:
        assert family_text in text, family_text
    assert "Fiche d'orientation" in text and "Horaires :" in text  # the French beside it


def test_the_arabic_block_reads_from_the_right(client):
    page = read_pdf(client.get("/fr/sheet.pdf?ids=laep-test-14&family_lang=ar")).pages[0]
    runs = text_runs(page)
    middle = float(page.mediabox.width) / 2
    arabic_brand, french_brand = (x for text, x in runs if text == "Repères familles")
    arabic_title = next(x for text, x in runs if text == FAMILY_TEXTS["ar"][0])
    french_title = next(x for text, x in runs if text == "Fiche d'orientation")
    # The family's language comes first, on the right, as in the browser; the French on the left.
    assert arabic_title > middle > french_title
    # Right-aligned: the short brand starts further right than the wide title; in French both start at the margin.
    assert arabic_brand > arabic_title + 5
    assert abs(french_brand - french_title) < 1


def test_a_sheet_from_the_answers_says_why_in_both_languages(client):
    answer_questions(client, "jeune-enfant", [("arrondissement", {"answer": "14"}), ("children_ages", {"age": ["2"]})])
    text = text_of(read_pdf(client.get("/fr/sheet.pdf?ids=laep-test-14&family_lang=ar")))
    assert "Pourquoi ce lieu :" in text and "لماذا هذا المكان" in text
    assert "Vous nous avez dit que vous avez un enfant de moins de 3 ans." in text


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


@pytest.mark.parametrize("family_lang", FAMILY_TEXTS)
def test_the_sheet_of_the_results_fits_on_two_pages_with_its_reasons(client, family_lang):
    answer_questions(
        client,
        "separation",
        [
            ("separation", {"answer": "separated"}),
            ("domestic_violence", {"answer": "no"}),
            ("conflict", {"answer": "yes"}),
            ("child_support", {"answer": "fixed_unpaid"}),
            ("arrondissement", {"answer": "13"}),
            ("children_ages", {"age": ["2"]}),
        ],
    )
    results = client.get("/fr/orientation/results").get_data(as_text=True)
    ids = re.search(r'name="ids" value="([^"]+)"', results).group(1)
    assert len(ids.split(",")) == SHEET_PLACES
    reader = read_pdf(client.get(f"/fr/sheet.pdf?ids={ids}&family_lang={family_lang}"))
    assert len(reader.pages) <= 2
    assert text_of(reader).count("Pourquoi ce lieu :") == SHEET_PLACES


def structure_of(reader):
    """Return the structure types of a tagged PDF and the alternate texts of its figures."""
    types, alternates = set(), []

    def walk(node):
        node = node.get_object()
        if isinstance(node, pypdf.generic.ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if "/S" in node:
                types.add(node["/S"])
            if node.get("/S") == "/Figure":
                alternates.append(node.get("/Alt"))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return types, alternates


def test_the_pdf_is_tagged_for_screen_readers(client):
    reader = read_pdf(client.get("/fr/sheet.pdf?ids=laep-test-14,rif-test-14&family_lang=ar"))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    types, alternates = structure_of(reader)
    assert {"/H2", "/H3", "/L", "/LI", "/Figure"} <= types  # headings and lists a screen reader can jump through
    assert alternates == ["Code QR de la page de ce lieu"] * 2  # each QR code says what it is
