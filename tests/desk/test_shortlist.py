"""The shortlist: plain functions on a session, and the forms that work without JavaScript."""

import html

from desk import shortlist
from desk import visit


def test_add_remove_and_clear_on_a_plain_mapping():
    session = {}
    assert shortlist.add_to_shortlist(session, "a")
    assert shortlist.add_to_shortlist(session, "b")
    assert shortlist.add_to_shortlist(session, "a")
    assert shortlist.shortlist_ids(session) == ["a", "b"]
    shortlist.remove_from_shortlist(session, "a")
    shortlist.remove_from_shortlist(session, "missing")
    assert shortlist.shortlist_ids(session) == ["b"]
    shortlist.clear_shortlist(session)
    assert session == {}


def test_the_shortlist_has_a_limit():
    session = {}
    for number in range(shortlist.SHORTLIST_LIMIT):
        assert shortlist.add_to_shortlist(session, f"r{number}")
    assert not shortlist.add_to_shortlist(session, "one-more")
    assert len(shortlist.shortlist_ids(session)) == shortlist.SHORTLIST_LIMIT


def test_a_visit_forgets_everything_it_kept():
    session = {"csrf_token": "kept", "staff": {"id": 1}}
    visit.start_visit(session, "ar")
    shortlist.add_to_shortlist(session, "a")
    assert visit.visit_language_code(session) == "ar"
    visit.start_visit(session, "fr")
    assert shortlist.shortlist_ids(session) == []
    shortlist.add_to_shortlist(session, "a")
    visit.end_visit(session)
    assert session == {"csrf_token": "kept", "staff": {"id": 1}}
    assert visit.visit_language_code(session) is None


def test_add_goes_back_and_the_header_counts(client):
    page = client.get("/fr/resources/laep-test-14").get_data(as_text=True)
    assert "Ajouter à ma sélection" in page
    assert 'class="shortlist-link__count" aria-hidden="true">0<' in page
    response = client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14", "next": "/fr/resources/laep-test-14"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/fr/resources/laep-test-14"
    page = client.get("/fr/resources/laep-test-14").get_data(as_text=True)
    assert "Retirer de ma sélection" in page
    assert 'class="shortlist-link__count" aria-hidden="true">1<' in page
    assert "(1 lieu)" in page


def test_search_cards_carry_the_button(client):
    page = client.get("/fr/search?q=ludotheque").get_data(as_text=True)
    assert 'name="resource_id" value="ludo-test-19"' in page
    assert 'name="next" value="/fr/search?q=ludotheque"' in page


def test_the_shortlist_page_lists_and_clears(client):
    client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14"})
    client.post("/fr/shortlist/add", data={"resource_id": "rif-test-14"})
    page = html.unescape(client.get("/fr/shortlist").get_data(as_text=True))
    assert "LAEP Les Petits Pas" in page and "Relais Information Familles de la mairie du 14e" in page
    assert 'name="ids" value="laep-test-14,rif-test-14"' in page
    assert "/fr/liaison?ids=laep-test-14,rif-test-14" in page
    client.post("/fr/shortlist/remove", data={"resource_id": "laep-test-14", "next": "/fr/shortlist"})
    page = client.get("/fr/shortlist").get_data(as_text=True)
    assert "LAEP Les Petits Pas" not in page
    response = client.post("/fr/shortlist/clear")
    assert response.headers["Location"] == "/fr/shortlist"
    assert "Votre sélection est vide" in html.unescape(client.get("/fr/shortlist").get_data(as_text=True))


def test_only_a_local_path_is_followed(client):
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"):
        response = client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14", "next": target})
        assert response.headers["Location"] == "/fr/shortlist"


def test_an_unknown_resource_is_404(client):
    assert client.post("/fr/shortlist/add", data={"resource_id": "no-such-place"}).status_code == 404


def test_a_full_shortlist_says_so(client):
    with client.session_transaction() as session:
        session["shortlist"] = [f"place-{number}" for number in range(shortlist.SHORTLIST_LIMIT)]
    page = client.post("/fr/shortlist/add", data={"resource_id": "rif-test-14"}, follow_redirects=True).get_data(as_text=True)
    assert f"Votre sélection est pleine ({shortlist.SHORTLIST_LIMIT} lieux)" in html.unescape(page)
    with client.session_transaction() as session:
        assert "rif-test-14" not in session["shortlist"]


def test_closed_places_cannot_be_added(client):
    assert "Ajouter à ma sélection" not in client.get("/fr/resources/ludo-test-20").get_data(as_text=True)
