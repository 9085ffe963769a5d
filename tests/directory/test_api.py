"""GET /api/v1/resources/<id> as CONTRACTS §5 says."""

CONTRACT_FIELDS = (
    "id", "name", "kind", "themes", "status", "arrondissement", "address", "postal_code", "latitude", "longitude",
    "phone", "email", "website", "opening_hours", "open_now", "audience", "min_age", "max_age", "cost", "cost_details",
    "access", "languages", "accessibility", "description", "source", "verified_on",
)  # fmt: skip


def test_resource_has_every_contract_field(client):
    response = client.get("/api/v1/resources/laep-test-14")
    assert response.status_code == 200
    data = response.get_json()
    for name in CONTRACT_FIELDS:
        assert name in data, name
    assert data["themes"] == ["parentalite", "petite_enfance"]
    assert data["verified_on"] == "2025-03-01"
    assert isinstance(data["open_now"], bool)
    assert data["url"].endswith("/fr/resources/laep-test-14")


def test_remote_service_has_no_arrondissement(client):
    data = client.get("/api/v1/resources/aripa-test").get_json()
    assert data["arrondissement"] is None
    assert data["phone"] == "3238"
    assert data["open_now"] is None  # no hours known


def test_planned_is_never_open_now(client):
    assert client.get("/api/v1/resources/piv-test-15").get_json()["open_now"] is False


def test_unknown_resource_is_a_json_404(client):
    response = client.get("/api/v1/resources/nope")
    assert response.status_code == 404
    assert response.is_json


def test_html_stays_text_in_json(client):
    data = client.get("/api/v1/resources/html-test-11").get_json()
    assert data["name"].startswith("<script>")  # the API returns the text; pages escape it
    assert client.get("/api/v1/resources/html-test-11").mimetype == "application/json"
