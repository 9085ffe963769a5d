"""Security headers and the production secret-key rule."""

import pytest

from app import create_app
from web.security import MissingSecretKeyError


def test_every_response_carries_the_security_headers(client):
    for url in ("/fr/", "/api/v1/search?q=laep", "/fr/nope", "/healthz"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "Strict-Transport-Security" not in headers  # plain HTTP


def test_hsts_over_https(client):
    response = client.get("/fr/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_production_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    with pytest.raises(MissingSecretKeyError):
        create_app({"PRODUCTION": True, "SECRET_KEY": None, "DATABASE": tmp_path / "db.sqlite3", "INDEX_DIR": tmp_path / "index"})


def test_pages_have_no_inline_script_or_style(client):
    for url in ("/fr/", "/fr/resources/laep-test-14", "/fr/search?q=laep", "/fr/arrondissements/14"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>" not in page and "style=" not in page and "<style" not in page
