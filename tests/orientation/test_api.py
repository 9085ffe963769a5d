"""POST /api/v1/orientation as CONTRACTS §4 says: 200 with recommendations and urgent, or 400 {error, field}."""

import pytest


def test_answer_shape(client):
    response = client.post(
        "/api/v1/orientation", json={"arrondissement": 13, "child_support": "fixed_unpaid", "children_ages": [4]}
    )
    assert response.status_code == 200
    answer = response.get_json()
    assert list(answer) == ["recommendations", "urgent"]
    assert answer["urgent"] == []
    first = answer["recommendations"][0]
    assert first["kind"] == "aripa" and first["priority"] == 1
    assert {"reasons", "check", "resources", "what", "free", "cost", "how_to_go", "label"} <= set(first)
    assert first["free"] is True
    assert first["reasons"] == ["Vous nous avez dit que la pension alimentaire est fixée mais n'est pas payée, ou pas toujours."]
    resource = first["resources"][0]
    assert {key: resource[key] for key in ("id", "name", "arrondissement")} == {
        "id": "aripa-test",
        "name": "ARIPA, pensions alimentaires",
        "arrondissement": None,
    }
    assert resource["url"] == "http://localhost/fr/resources/aripa-test"


def test_urgent_entries_have_no_priority(client):
    answer = client.post("/api/v1/orientation", json={"domestic_violence": True}).get_json()
    assert [item["kind"] for item in answer["urgent"]] == ["violences"]
    assert "priority" not in answer["urgent"][0]
    assert answer["urgent"][0]["resources"][0]["id"] == "ligne-3919-test"


def test_the_api_needs_no_csrf_token_nor_cookie(client):
    client.get("/fr/")  # even with a session cookie set by a page, no token is asked
    assert client.post("/api/v1/orientation", json={}).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("{not json", None),
        ("[1, 2]", None),
        ('"text"', None),
        ("", None),
        ("[" * 5000 + "]" * 5000, None),
        ('{"arrondissement": 14, "colour": "blue"}', "colour"),
        ('{"arrondissement": "14"}', "arrondissement"),
        ('{"arrondissement": 21}', "arrondissement"),
        ('{"children_ages": [2, -1]}', "children_ages"),
        ('{"rsa": "yes"}', "rsa"),
        ('{"rsa": 1}', "rsa"),
        ('{"parent_age": 3.5}', "parent_age"),
        ('{"parent_age": NaN}', "parent_age"),
        ('{"housing": "castle"}', "housing"),
    ],
)
def test_bad_bodies_get_400_with_error_and_field(client, body, field):
    response = client.post("/api/v1/orientation", data=body, content_type="application/json")
    assert response.status_code == 400
    answer = response.get_json()
    assert set(answer) == {"error", "field"}
    assert answer["field"] == field
    assert answer["error"]


def test_bad_bytes_and_huge_bodies_get_400(client):
    assert client.post("/api/v1/orientation", data=b"\xff\xfe{", content_type="application/json").status_code == 400
    huge = '{"language": "' + "x" * 20_000 + '"}'
    response = client.post("/api/v1/orientation", data=huge, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["field"] is None


def test_a_body_without_json_content_type_is_still_read(client):
    assert client.post("/api/v1/orientation", data='{"holidays_wanted": true}').status_code == 200


def test_only_post_is_allowed(client):
    response = client.get("/api/v1/orientation")
    assert response.status_code == 405 and response.is_json


def test_language_of_the_texts_follows_lang(client):
    french = client.post("/api/v1/orientation?lang=fr", json={"rsa": True}).get_json()
    assert french["recommendations"][0]["reasons"] == ["Vous nous avez dit que votre foyer reçoit le RSA."]
    by_header = client.post("/api/v1/orientation", json={"rsa": True}, headers={"Accept-Language": "fr-FR"}).get_json()
    assert by_header == french
