"""Search through the API and the page: words, filters, strange input."""

import pytest


def search(client, **params):
    response = client.get("/api/v1/search", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def ids(result):
    return [hit["id"] for hit in result["results"]]


def test_finds_by_words_without_accents(client):
    assert ids(search(client, q="mediation familiale"))[0] == "mediation-test-13"


def test_result_shape_follows_the_contract(client):
    result = search(client, q="ludotheque")
    assert set(result) == {"total", "page", "results", "suggestion"}
    assert set(result["results"][0]) == {"id", "name", "kind", "themes", "arrondissement", "address", "url", "score"}


def test_closed_places_are_never_found(client):
    assert "ludo-test-20" not in ids(search(client, q="ludotheque fermee"))


def test_filters_restrict_results(client):
    assert ids(search(client, arrondissement=18, per_page=50)) and all(
        hit["arrondissement"] == 18 for hit in search(client, arrondissement=18)["results"]
    )
    assert ids(search(client, kind="laep")) == ["laep-test-14"]
    assert "cs-test-18" in ids(search(client, theme="vacances"))
    assert ids(search(client, language="ar")) == ["laep-test-14"]
    assert "mediation-test-13" not in ids(search(client, free="true", per_page=50))


def test_open_now_filter_only_keeps_open_places(client):
    result = search(client, open_now="true", per_page=50)
    assert "piv-test-15" not in ids(result)  # planned
    assert "aripa-test" not in ids(result)  # no hours: unknown, not open


def test_pagination(client):
    first = search(client, per_page=2, page=1)
    second = search(client, per_page=2, page=2)
    assert first["total"] == second["total"] == 11
    assert len(first["results"]) == 2 and not set(ids(first)) & set(ids(second))
    assert search(client, per_page=2, page=500)["results"] == []


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "laep AND OR NOT",
        "name:laep kind:* description:(",
        "*?~^[]{}",
        "a" * 10_000,
        "\x00\x01\x1f\x7f",
        "خدمة الوساطة العائلية",
        "家庭调解 🙂",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "%s %(name)s {0}",
    ],
)
def test_any_text_is_safe(client, text):
    response = client.get("/api/v1/search", query_string={"q": text})
    assert response.status_code == 200
    page = client.get("/fr/search", query_string={"q": text})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"arrondissement": "21"}, "arrondissement"),
        ({"arrondissement": "quatorze"}, "arrondissement"),
        ({"kind": "crèche"}, "kind"),
        ({"theme": "sport"}, "theme"),
        ({"free": "maybe"}, "free"),
        ({"open_now": "2"}, "open_now"),
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"per_page": "1000"}, "per_page"),
        ({"language": "arabic!"}, "language"),
    ],
)
def test_invalid_filters_are_a_json_400(client, params, field):
    response = client.get("/api/v1/search", query_string=params)
    assert response.status_code == 400
    body = response.get_json()
    assert body["field"] == field and body["error"]
    page = client.get("/fr/search", query_string=params)
    assert page.status_code == 400
    assert "filtres" in page.get_data(as_text=True)


def test_search_page_shows_results_and_keeps_the_words(client):
    page = client.get("/fr/search?q=ludotheque").get_data(as_text=True)
    assert "Ludothèque des Buttes" in page
    assert 'value="ludotheque"' in page
