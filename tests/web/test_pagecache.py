"""The page cache: anonymous visitors get the same page faster, never someone else's token."""

import re

from flask import template_rendered

from directory import storage
from web.pagecache import CSRF_PLACEHOLDER


def renders(app, client, url):
    """Return how many templates rendering `url` took."""
    seen = []

    def record(sender, template, context, **extra):
        seen.append(template.name)

    template_rendered.connect(record, app)
    try:
        response = client.get(url)
    finally:
        template_rendered.disconnect(record, app)
    assert response.status_code == 200
    return len(seen), response.get_data(as_text=True)


def test_an_anonymous_page_is_rendered_once(app, client):
    first, page = renders(app, client, "/fr/arrondissements/14")
    second, again = renders(app, client, "/fr/arrondissements/14")
    assert first > 0 and second == 0
    assert CSRF_PLACEHOLDER not in page and CSRF_PLACEHOLDER not in again


def test_each_visitor_gets_its_own_csrf_token(app):
    tokens = set()
    for _ in range(2):
        page = app.test_client().get("/fr/resources/laep-test-14").get_data(as_text=True)
        tokens.update(re.findall(r'name="csrf_token" value="([^"]+)"', page))
    assert len(tokens) == 2 and not any(CSRF_PLACEHOLDER in token for token in tokens)


def test_a_token_from_a_cached_page_is_accepted(app):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    app.test_client().get("/fr/resources/laep-test-14")  # fills the cache for someone else
    page = client.get("/fr/resources/laep-test-14").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/fr/shortlist/add", data={"csrf_token": token, "resource_id": "laep-test-14", "next": "/fr/"})
    assert response.status_code == 302


def test_a_write_shows_at_once(app, client):
    client.get("/fr/resources/laep-test-14")
    db = storage.open_database(app.config["DATABASE"])
    resource = storage.get_resource(db, "laep-test-14")
    resource.name = "LAEP Le Nouveau Nom"
    storage.upsert_resources(db, [resource])
    db.conn.close()
    assert "LAEP Le Nouveau Nom" in client.get("/fr/resources/laep-test-14").get_data(as_text=True)


def test_a_visitor_with_a_shortlist_is_never_served_from_the_cache(app, client):
    _count, page = renders(app, client, "/fr/arrondissements/14")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    added = client.post("/fr/shortlist/add", data={"csrf_token": token, "resource_id": "laep-test-14", "next": "/fr/"})
    assert added.status_code == 302
    count, page = renders(app, client, "/fr/arrondissements/14")
    assert count > 0
    assert "Retirer de ma sélection" in page


def test_languages_and_queries_are_cached_apart(app, client):
    french = client.get("/fr/search?q=ludotheque").get_data(as_text=True)
    english = client.get("/en/search?q=ludotheque").get_data(as_text=True)
    other = client.get("/fr/search?q=mediation").get_data(as_text=True)
    assert '<html lang="fr"' in french and '<html lang="en"' in english
    assert french != other
