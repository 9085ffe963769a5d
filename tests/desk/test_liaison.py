"""The fiche de liaison: the form, its checks, the document and its PDF; nothing is kept."""

import html
import io

import pypdf

from desk.liaison import read_liaison_form

FILLED = {
    "ids": "laep-test-14",
    "reason": "Maman seule avec un bébé de 8 mois,\nse sent isolée depuis son arrivée.",
    "professional_name": "Claire Martin",
    "professional_service": "Service social du 14e",
    "family_name": "Mme Zéphyrine Exemple",
}


def test_the_form_checks_required_fields_and_lengths():
    typed, document, errors = read_liaison_form({"reason": "  ", "professional_name": "x" * 121, "family_name": " A "})
    assert document is None
    assert [(error.field, error.params) for error in errors] == [("reason", {}), ("professional_name", {"max": 120})]
    assert typed["family_name"] == "A"
    _typed, document, errors = read_liaison_form({"reason": "Isolement", "professional_name": "C. M."})
    assert errors == [] and document.reason == "Isolement" and document.family_name == ""


def test_the_form_is_prefilled_for_a_signed_in_account(desk_client):
    page = desk_client.get("/fr/liaison?ids=laep-test-14").get_data(as_text=True)
    assert 'value="Agent Test"' in page and 'value="RIF du 14e"' in page


def test_a_form_with_problems_keeps_what_was_typed(client):
    response = client.post("/fr/liaison", data={"ids": "laep-test-14", "reason": "", "family_name": "Mme Exemple"})
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "Écrivez le motif de l'orientation." in page
    assert 'value="Mme Exemple"' in page
    assert 'aria-invalid="true"' in page


def test_the_document_is_addressed_to_the_service(client):
    response = client.post("/fr/liaison", data=FILLED)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = html.unescape(response.get_data(as_text=True))
    assert "Service qui reçoit la personne" in page
    assert "LAEP Les Petits Pas" in page and "Claire Martin" in page and "Mme Zéphyrine Exemple" in page
    assert 'name="reason" value="Maman seule' in page  # carried to the PDF button


def test_edit_goes_back_to_the_form_with_the_text(client):
    page = client.post("/fr/liaison", data=dict(FILLED, edit="1")).get_data(as_text=True)
    assert "<textarea" in page and "se sent isolée" in page


def test_one_page_per_service_in_the_pdf(client):
    response = client.post("/fr/liaison.pdf", data=dict(FILLED, ids="laep-test-14,rif-test-14"))
    assert response.mimetype == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 2
    first, second = (page.extract_text() for page in reader.pages)
    assert "LAEP Les Petits Pas" in first and "Relais Information Familles" in second
    assert "Claire Martin" in first and "Zéphyrine" in second


def test_an_incomplete_pdf_request_shows_the_form(client):
    response = client.post("/fr/liaison.pdf", data={"ids": "laep-test-14", "reason": "Isolement"})
    assert response.status_code == 400
    assert "<form" in response.get_data(as_text=True)


def test_unknown_ids_are_404_or_noticed(client):
    assert client.get("/fr/liaison?ids=no-such-place").status_code == 404
    page = html.unescape(client.get("/fr/liaison?ids=laep-test-14,no-such-place").get_data(as_text=True))
    assert "Ce lieu est introuvable" in page


def test_nothing_typed_is_stored(app, desk_client, caplog):
    desk_client.post("/fr/liaison.pdf", data=FILLED)
    desk_client.post("/fr/sheet.pdf", data={"ids": "laep-test-14", "note": "Zéphyrine viendra jeudi"})
    files = [path for path in app.config["DATABASE"].parent.rglob("*") if path.is_file()]
    assert any(path.name.startswith("test.sqlite3") for path in files)
    stored = b"".join(path.read_bytes() for path in files)
    for typed in ("Zéphyrine", "Claire Martin", "se sent isolée"):
        assert typed.encode() not in stored
        assert typed not in caplog.text


def test_the_document_stays_in_french_from_a_page_in_another_language(client):
    page = html.unescape(client.post("/ar/liaison", data=FILLED).get_data(as_text=True))
    assert '<html lang="ar" dir="rtl">' in page  # the tools around it are in the professional's language
    assert "Service qui reçoit la personne" in page  # the document itself is for the receiving service
    reader = pypdf.PdfReader(io.BytesIO(client.post("/ar/liaison.pdf", data=FILLED).data))
    text = reader.pages[0].extract_text()
    assert "Service qui reçoit la personne" in text and "Claire Martin" in text
