"""The accessibility statement: linked from every page, honest about its status, its date and its tools."""

import re
from pathlib import Path

import pytest
from babel.dates import format_date

from web import views
from web.languages import LANGUAGES

AXE_FILE = Path(__file__).resolve().parents[1] / "browser" / "vendor" / "axe.min.js"


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/ar/resources/laep-test-14",
        "/en/orientation/vacances/questions/arrondissement",
        "/fr/shortlist",
        "/fr/staff/login",
        "/fr/nope",
    ],
)
def test_every_page_links_to_the_statement_with_the_status(client, path):
    html = client.get(path).get_data(as_text=True)
    lang = path.split("/")[1]
    assert f'<a href="/{lang}/accessibilite">' in html
    if lang == "fr":
        assert '<a href="/fr/accessibilite">Accessibilité : non conforme</a>' in html


def test_the_statement_says_what_was_measured_and_where_to_turn(client):
    html = client.get("/fr/accessibilite").get_data(as_text=True)
    assert '<h1 id="statement-title">Déclaration d\'accessibilité</h1>' in html
    assert "Le site est non conforme au RGAA 4.1." in html
    assert "aucun audit complet" in html
    assert "lecteur d'écran" in html  # not tested by a person: said
    assert f"établie le {format_date(views.ACCESSIBILITY_CHECKED_ON, 'long', locale='fr')}" in html
    assert '<a href="https://formulaire.defenseurdesdroits.fr/"' in html
    assert "Libre réponse 71120<br>75342 Paris CEDEX 07" in html
    assert '<a href="/fr/kinds/rif">Relais Information Familles</a>' in html
    assert "mailto:" not in html  # no address configured: none invented


def test_the_statement_gives_the_feedback_address_when_there_is_one(app, client):
    app.config["FEEDBACK_EMAIL"] = "accessibilite@example.org"
    html = client.get("/fr/accessibilite").get_data(as_text=True)
    assert '<a href="mailto:accessibilite@example.org"><bdi>accessibilite@example.org</bdi></a>' in html


def test_the_statement_names_the_axe_core_the_browser_tests_run():
    vendored = re.match(r"/\*! axe v(\S+)", AXE_FILE.read_text(encoding="utf-8")).group(1)
    assert views.AXE_VERSION == vendored


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_statement_is_dated_in_each_language(client, language):
    html = client.get(f"/{language.code}/accessibilite").get_data(as_text=True)
    assert format_date(views.ACCESSIBILITY_CHECKED_ON, "long", locale=language.locale) in html
    assert views.AXE_VERSION in html
