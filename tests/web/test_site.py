"""Site-wide behaviour: language negotiation, health, configuration, errors."""

import logging
import shutil

from app import create_app
from tests.conftest import FIXTURE_DATA


def test_root_redirects_by_accept_language_and_varies(client):
    response = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/fr/")
    assert "Accept-Language" in response.headers["Vary"]


def test_root_falls_back_to_french(client):
    assert client.get("/", headers={"Accept-Language": "xx"}).headers["Location"].endswith("/fr/")


def test_pages_carry_lang_and_dir(client):
    page = client.get("/fr/").get_data(as_text=True)
    assert '<html lang="fr" dir="ltr">' in page
    assert 'hreflang="fr"' in page


def test_every_page_has_a_skip_link_and_the_urgent_numbers(client):
    page = client.get("/fr/resources/laep-test-14").get_data(as_text=True)
    assert 'class="skip-link" href="#main"' in page
    for number in ("tel:17", "tel:3919", "tel:119"):
        assert number in page


def test_languages_api(client):
    languages = client.get("/api/v1/languages").get_json()
    assert {"code": "fr", "name": "Français", "dir": "ltr"} in languages


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "resources": 12, "indexed": 11}


def test_healthz_fails_when_the_index_is_gone(app, client):
    import shutil

    shutil.rmtree(app.config["INDEX_DIR"])
    app.extensions["search_index"]._opened = None
    assert client.get("/healthz").status_code == 503


def test_configuration_from_the_environment(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "env.sqlite3"))
    monkeypatch.setenv("FLASK_INDEX_DIR", str(tmp_path / "env-index"))
    monkeypatch.setenv("FLASK_DATA_DIR", str(FIXTURE_DATA))
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-env")
    with caplog.at_level(logging.INFO):
        app = create_app()
    assert app.config["SECRET_KEY"] == "from-env"
    assert (tmp_path / "env.sqlite3").exists()
    assert (tmp_path / "env-index" / "current").exists()
    assert "built from" in caplog.text
    assert "was missing: rebuilt" in caplog.text


def test_api_errors_are_json(client):
    response = client.post("/api/v1/search")
    assert response.status_code == 405
    assert response.is_json


def test_a_catalog_left_uncompiled_is_named_at_start(app, tmp_path, caplog):
    translations = tmp_path / "translations"
    shutil.copytree(app.config["TRANSLATIONS_DIR"], translations)
    with caplog.at_level("WARNING"):
        create_app(dict(app.config, TRANSLATIONS_DIR=translations))
    assert "messages.mo is missing" not in caplog.text
    (translations / "ar" / "LC_MESSAGES" / "messages.mo").unlink()
    with caplog.at_level("WARNING"):
        create_app(dict(app.config, TRANSLATIONS_DIR=translations))
    assert "ar/LC_MESSAGES/messages.mo is missing: pages in ar will show French" in caplog.text
