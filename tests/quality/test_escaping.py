"""Text that looks like HTML or script is data: shown escaped in pages, intact in JSON and PDF.

A record brought in by the ordinary import (so it passed every check of `clean_record`) has
markup in each of its texts; a visitor's error report, a sheet's note and a fiche de liaison
carry more. Every page that shows them is parsed: no script without `src`, no `on…` event
attribute, no `javascript:` address, no element the payloads would create, and the payloads
are read back as text. The JSON answers give the strings back unchanged; the PDFs print the
characters themselves.
"""

import datetime
import html.parser
import io
import json

import pypdf
import pytest

from directory.formats import project_csv
from directory.models import Resource
from tests.quality.conftest import csrf_token
from tests.quality.conftest import signed_in_client

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
SVG = "'><svg onload=alert(1)>"
TEXTAREA = "</textarea><script>alert(2)</script>"
TEMPLATE = "{{ 7 * 7 }} {% raw %}"
PAYLOADS = (SCRIPT, IMAGE, SVG, TEXTAREA, TEMPLATE)
HOSTILE_ID = "ludo-hostile-11"
NAME = f"Ludothèque Zorglub {SCRIPT} {IMAGE}"
HOURS = f'Mo-Fr 09:00-12:00 "{SCRIPT}"'
HOSTILE = Resource(
    id=HOSTILE_ID,
    name=NAME,
    kind="ludotheque",
    address=f"12 rue {IMAGE}",
    address_details=SVG,
    postal_code="75011",
    arrondissement=11,
    phone="01 40 00 00 11",
    email=f"{IMAGE.replace(' ', '')}@example.org",
    website=f"https://example.org/{SCRIPT}",
    opening_hours=HOURS,
    hours_details=TEXTAREA,
    audience=f"{TEMPLATE} {SVG}",
    cost="free",
    cost_details=SCRIPT,
    access=["walk_in"],
    accessibility=IMAGE,
    description=" ".join(f"Zorglub {payload}" for payload in PAYLOADS),
    descriptions={"en": f"Zorglub {SCRIPT}", "ar": f"Zorglub {IMAGE}"},
    source=f"https://example.org/{IMAGE.replace(' ', '')}",
    verified_on=datetime.date.today(),
    confidence="high",
    notes=SVG,
)
NOTE = f"Note {SCRIPT} {IMAGE}"
LIAISON = {"reason": f"Motif {SCRIPT}", "professional_name": f"Pro {IMAGE}", "family_name": SVG, "family_contact": TEXTAREA}


class PageReader(html.parser.HTMLParser):
    """Collects the elements, attributes and text of a page as a browser would parse them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, {attribute: value})
        self.texts = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.texts.append(data)


def read_page(response):
    """Parse a page; return (elements, text), after checking that nothing in it would run."""
    assert response.status_code == 200, response.status_code
    reader = PageReader()
    reader.feed(response.get_data(as_text=True))
    reader.close()
    for tag, attributes in reader.elements:
        assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
        assert tag != "script" or attributes.get("src"), "inline script"
        assert (tag, attributes.get("src")) != ("img", "x"), "an <img> came from the data"
        assert tag != "svg" or "onload" not in attributes
        for name in ("href", "src", "action", "formaction"):
            assert not (attributes.get(name) or "").strip().lower().startswith("javascript:"), (tag, attributes)
    return reader.elements, " ".join(reader.texts)


def assert_shown_as_text(response, *expected):
    """Check that a page runs nothing from the data and shows each expected text as text."""
    _elements, text = read_page(response)
    for value in expected:
        assert value in text, value


@pytest.fixture
def hostile(app, runner, tmp_path):
    """The app, with the hostile record imported through `flask import` like any file."""
    path = tmp_path / "hostile.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        project_csv.write_rows([HOSTILE], stream)
    outcome = runner.invoke(args=["import", str(path)])
    assert outcome.exit_code == 0, outcome.output
    return app


def test_the_public_pages_show_the_markup_as_text(hostile, client):
    assert_shown_as_text(
        client.get(f"/fr/resources/{HOSTILE_ID}"),
        NAME,
        f"12 rue {IMAGE}",
        SVG,
        TEXTAREA,
        f"{TEMPLATE} {SVG}",
        HOSTILE.description,
        f"({SCRIPT})",  # the comment of the opening hours
    )
    assert_shown_as_text(client.get(f"/en/resources/{HOSTILE_ID}"), NAME, f"Zorglub {SCRIPT}")
    assert_shown_as_text(client.get(f"/ar/resources/{HOSTILE_ID}"), NAME, f"Zorglub {IMAGE}")
    assert_shown_as_text(client.get("/fr/search?q=zorglub"), NAME)
    assert_shown_as_text(client.get("/fr/arrondissements/11"), NAME)
    assert_shown_as_text(client.get("/fr/kinds/ludotheque"), NAME)


def test_the_links_of_the_record_stay_inside_their_attribute(hostile, client):
    elements, _text = read_page(client.get(f"/fr/resources/{HOSTILE_ID}"))
    hrefs = [attributes.get("href") for tag, attributes in elements if tag == "a"]
    assert HOSTILE.website in hrefs
    assert f"mailto:{HOSTILE.email}" in hrefs


def test_the_shortlist_sheet_and_fiche_de_liaison_show_the_markup_as_text(hostile, client):
    token = csrf_token(client, f"/fr/resources/{HOSTILE_ID}")
    client.post("/fr/shortlist/add", data={"resource_id": HOSTILE_ID, "csrf_token": token})
    assert_shown_as_text(client.get("/fr/shortlist"), NAME)
    assert_shown_as_text(client.get(f"/fr/sheet?ids={HOSTILE_ID}&family_lang=ar"), NAME, f"({SCRIPT})", TEXTAREA)
    sheet = client.post("/fr/sheet", data={"ids": HOSTILE_ID, "note": NOTE, "csrf_token": token})
    assert_shown_as_text(sheet, NAME, NOTE)
    assert_shown_as_text(client.get(f"/fr/liaison?ids={HOSTILE_ID}"), NAME)
    liaison = client.post("/fr/liaison", data={"ids": HOSTILE_ID, "csrf_token": token, **LIAISON})
    assert_shown_as_text(liaison, NAME, *LIAISON.values())
    # The same typed texts, back in the form to be changed.
    edit = client.post("/fr/liaison", data={"ids": HOSTILE_ID, "csrf_token": token, "edit": "1", **LIAISON})
    elements, _text = read_page(edit)
    values = {attributes.get("value") for tag, attributes in elements if tag == "input"}
    assert {LIAISON["professional_name"], LIAISON["family_name"], LIAISON["family_contact"]} <= values


def test_the_staff_pages_show_the_record_and_a_visitors_report_as_text(hostile, client):
    token = csrf_token(client, f"/fr/resources/{HOSTILE_ID}")
    message = f"Fermé {SCRIPT} {IMAGE}"
    sent = client.post(
        f"/fr/resources/{HOSTILE_ID}/report", data={"topic": "other", "message": message, "contact": SVG, "csrf_token": token}
    )
    assert sent.status_code in (302, 303)
    editor = signed_in_client(hostile, "edith", "editor")
    assert_shown_as_text(editor.get("/fr/staff/reports/"), NAME, message, SVG)
    assert_shown_as_text(editor.get("/fr/staff/resources/?q=zorglub"), NAME)
    assert_shown_as_text(editor.get(f"/fr/staff/resources/{HOSTILE_ID}/history"), NAME)
    elements, text = read_page(editor.get(f"/fr/staff/resources/{HOSTILE_ID}/edit"))
    values = {attributes.get("value") for tag, attributes in elements if tag == "input"}
    assert {NAME, HOSTILE.address, HOSTILE.website, HOURS} <= values
    assert HOSTILE.description in text and TEXTAREA in text  # inside their <textarea>


def test_the_json_answers_give_the_strings_back_unchanged(hostile, client):
    def answer(url):
        response = client.get(url)
        assert response.status_code == 200 and response.mimetype == "application/json"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        return json.loads(response.get_data(as_text=True))

    resource = answer(f"/api/v1/resources/{HOSTILE_ID}")
    for name in ("name", "address", "website", "email", "opening_hours", "hours_details", "audience", "description"):
        assert resource[name] == getattr(HOSTILE, name), name
    found = answer("/api/v1/search?q=zorglub")["results"]
    assert [item["name"] for item in found if item["id"] == HOSTILE_ID] == [NAME]
    service = answer(f"/api/hsds/services/{HOSTILE_ID}")
    assert service["name"] == NAME and service["description"] == HOSTILE.description
    listed = answer("/api/hsds/services?search=zorglub")["contents"]
    assert [item["name"] for item in listed] == [NAME]


def pdf_text(response):
    """Return the text of a PDF answer, every blank removed (lines wrap anywhere)."""
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    return "".join("".join(page.extract_text() for page in reader.pages).split())


def without_blanks(text):
    """Return a text with every blank removed."""
    return "".join(text.split())


def test_the_pdfs_print_the_characters_themselves(hostile, client):
    token = csrf_token(client, f"/fr/resources/{HOSTILE_ID}")
    sheet = pdf_text(client.post("/fr/sheet.pdf", data={"ids": HOSTILE_ID, "note": NOTE, "csrf_token": token}))
    for value in (NAME, f"({SCRIPT})", TEXTAREA, NOTE):
        assert without_blanks(value) in sheet, value
    liaison = pdf_text(client.post("/fr/liaison.pdf", data={"ids": HOSTILE_ID, "csrf_token": token, **LIAISON}))
    for value in (NAME, *LIAISON.values()):
        assert without_blanks(value) in liaison, value
