"""GET /api/hsds/: the HSDS-style read API, its pages and filters, valid against the official schemas."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from directory import storage
from directory.formats import hsds
from directory.hsds_api import parse_moment

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas" / "hsds-3.0" / "compiled"


def checker(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_root_says_version_and_profile(client):
    answer = client.get("/api/hsds/")
    assert answer.get_json() == {"version": "3.0", "profile": hsds.PROFILE, "openapi_url": "http://localhost/api/openapi.json"}
    assert answer.headers["Access-Control-Allow-Origin"] == "*"


def test_pages_carry_the_hsds_fields_and_valid_items(client):
    item_checker = checker("service_list.json")
    seen = []
    page_number = 1
    while True:
        page = client.get(f"/api/hsds/services?per_page=5&page={page_number}").get_json()
        assert set(page) == {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}
        assert (page["total_items"], page["total_pages"], page["size"], page["page_number"]) == (12, 3, 5, page_number)
        assert page["first_page"] == (page_number == 1)
        for item in page["contents"]:
            assert list(item_checker.iter_errors(item)) == []
        seen += [item["id"] for item in page["contents"]]
        if page["last_page"]:
            break
        page_number += 1
    assert len(seen) == len(set(seen)) == 12
    beyond = client.get("/api/hsds/services?page=9").get_json()
    assert beyond["empty"] is True and beyond["contents"] == []


def test_one_service_is_fully_nested_and_valid(client):
    service_id = hsds.service_id("laep-test-14")
    answer = client.get(f"/api/hsds/services/{service_id}")
    service = answer.get_json()
    assert list(checker("service.json").iter_errors(service)) == []
    assert service["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "75014"
    assert client.get("/api/hsds/services/laep-test-14").get_json()["id"] == service_id
    missing = client.get("/api/hsds/services/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and missing.get_json()["error"]


def test_filters_combine(client, app):
    laep_term = hsds.entity_id("term", "kind:laep")
    by_term = client.get(f"/api/hsds/services?taxonomy_term_id={laep_term}").get_json()
    assert [item["name"] for item in by_term["contents"]] == ["LAEP Les Petits Pas"]
    assert client.get("/api/hsds/services?taxonomy_term_id=vacances").get_json()["total_items"] >= 2
    assert client.get("/api/hsds/services?taxonomy_term_id=nothing").get_json()["total_items"] == 0
    searched = client.get("/api/hsds/services?search=petits+pas").get_json()
    assert [item["name"] for item in searched["contents"]] == ["LAEP Les Petits Pas"]
    both = client.get(f"/api/hsds/services?search=petits+pas&taxonomy_term_id={hsds.entity_id('term', 'kind:rif')}").get_json()
    assert both["total_items"] == 0
    db = storage.open_database(app.config["DATABASE"])
    try:
        latest = max(storage.updated_at_by_id(db).values())
    finally:
        db.conn.close()
    assert client.get("/api/hsds/services?modified_after=2000-01-01").get_json()["total_items"] == 12
    assert client.get("/api/hsds/services?modified_after=2999-01-01T00:00:00Z").get_json()["total_items"] == 0
    assert client.get(f"/api/hsds/services?modified_after={latest.replace('+', '%2B')}").get_json()["total_items"] == 12


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=0", "page"),
        ("page=", "page"),
        ("per_page=101", "per_page"),
        ("page=x", "page"),
        ("modified_after=hier", "modified_after"),
    ],
)
def test_bad_parameters_get_400_json(client, query, field):
    answer = client.get(f"/api/hsds/services?{query}")
    assert answer.status_code == 400 and answer.get_json()["field"] == field


def test_rfc3339_moments_are_read_in_utc():
    assert parse_moment("2025-03-01T10:00:00+02:00").isoformat() == "2025-03-01T08:00:00+00:00"
    assert parse_moment("2025-03-01t10:00:00.123456789z").microsecond == 123456
    assert parse_moment("2025-03-01").hour == 0
    with pytest.raises(ValueError):
        parse_moment("2025-13-01")


def test_only_api_get_answers_are_open_to_other_sites(client):
    assert client.get("/api/v1/languages").headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/fr/").headers
    assert "Access-Control-Allow-Origin" not in client.post("/api/v1/orientation", json={}).headers


def test_an_empty_modified_after_is_refused(client):
    assert client.get("/api/hsds/services?modified_after=").status_code == 400


def test_a_wrong_method_says_which_are_allowed(client):
    answer = client.open("/api/hsds/services", method="TRACE")
    assert answer.status_code == 405 and "GET" in answer.headers["Allow"]
