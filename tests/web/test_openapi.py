"""GET /api/openapi.json: a valid OpenAPI document that covers every public API route, and tells the truth."""

import re

import pytest
from jsonschema import Draft4Validator
from openapi_spec_validator import validate

from search.params import parse_search_params
from web.openapi import openapi_document


def _schema_for_jsonschema(schema):
    """Turn OpenAPI 3.0 `nullable` into JSON Schema, to check answers against the documented schemas."""
    if isinstance(schema, dict):
        converted = {
            key: _schema_for_jsonschema(value) for key, value in schema.items() if key not in ("nullable", "format", "example")
        }
        if schema.get("nullable"):
            return {"anyOf": [converted, {"type": "null"}]}
        return converted
    if isinstance(schema, list):
        return [_schema_for_jsonschema(item) for item in schema]
    return schema


@pytest.fixture
def document(client):
    return client.get("/api/openapi.json").get_json()


def test_the_document_is_valid_openapi(document):
    validate(document)


def test_every_public_api_route_is_described(app, document):
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") or rule.rule == "/healthz":
            routes.add(re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule))
    assert routes == set(document["paths"])


def _check(document, path, method, response):
    operation = document["paths"][path][method]
    documented = operation["responses"].get(str(response.status_code))
    assert documented, (path, response.status_code)
    schema = _schema_for_jsonschema(documented["content"]["application/json"]["schema"])
    errors = list(Draft4Validator(schema).iter_errors(response.get_json()))
    assert errors == [], (path, [error.message for error in errors][:3])


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("/healthz", "/healthz"),
        ("/api/v1/languages", "/api/v1/languages"),
        ("/api/v1/search", "/api/v1/search?q=laep&arrondissement=14"),
        ("/api/v1/search", "/api/v1/search?arrondissement=21"),
        ("/api/v1/resources/{resource_id}", "/api/v1/resources/laep-test-14"),
        ("/api/v1/resources/{resource_id}", "/api/v1/resources/nope"),
        ("/api/hsds/", "/api/hsds/"),
        ("/api/hsds/services", "/api/hsds/services?per_page=3"),
        ("/api/hsds/services", "/api/hsds/services?page=0"),
        ("/api/hsds/services/{service_id}", "/api/hsds/services/laep-test-14"),
        ("/api/hsds/services/{service_id}", "/api/hsds/services/nope"),
        ("/api/openapi.json", "/api/openapi.json"),
    ],
)
def test_answers_match_their_documented_schema(client, document, path, url):
    _check(document, path, "get", client.get(url))


@pytest.mark.parametrize(
    "body", [{"arrondissement": 14, "child_support": "fixed_unpaid", "domestic_violence": True}, {"unknown": 1}]
)
def test_orientation_answers_match_their_documented_schema(client, document, body):
    _check(document, "/api/v1/orientation", "post", client.post("/api/v1/orientation", json=body))


def test_the_situation_schema_lists_every_field_of_the_contract(document):
    from orientation.situation import FIELDS

    schema = document["paths"]["/api/v1/orientation"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == set(FIELDS) and schema["additionalProperties"] is False


def test_the_server_is_the_one_asked(client):
    assert openapi_document("https://example.org")["servers"] == [{"url": "https://example.org"}]
    assert client.get("/api/openapi.json").get_json()["servers"] == [{"url": "http://localhost"}]


class RecordingArgs(dict):
    """A query-string mapping that remembers every name asked for."""

    def __init__(self):
        super().__init__()
        self.asked = set()

    def get(self, name, default=None):
        self.asked.add(name)
        return super().get(name, default)


def test_the_search_parameters_documented_are_those_the_api_reads(document):
    args = RecordingArgs()
    parse_search_params(args)
    documented = {parameter["name"] for parameter in document["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert documented - {"lang"} == args.asked
