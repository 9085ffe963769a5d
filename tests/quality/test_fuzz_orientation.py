"""Hypothesis: POST /api/v1/orientation with any body answers 200 or 400 JSON, never a 5xx.

Bodies: any JSON value (wrong types, unknown fields, huge numbers and texts, deep nesting),
objects made of the situation's own fields with any values, valid situations (always 200),
and bytes that are not JSON at all.
"""

import json

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from orientation import situation
from orientation.api import MAX_BODY_BYTES

pytestmark = pytest.mark.fuzz

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**30, -(10**30), 2**63, 0]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(max_size=3).map(lambda text: text * 2_000),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=20,
)
FIELD_NAMES = sorted(situation.FIELDS)


def _valid_value(spec):
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "int":
        return st.integers(spec.low, spec.high)
    if spec.type == "ages":
        return st.lists(st.integers(spec.low, spec.high), max_size=situation.MAX_CHILDREN)
    if spec.type == "language":
        return st.sampled_from(["fr", "ar", "zh-Hans", "pt-BR", "uk"])
    return st.sampled_from(spec.choices)


VALID_SITUATIONS = st.fixed_dictionaries(
    {}, optional={name: st.one_of(st.none(), _valid_value(spec)) for name, spec in situation.FIELDS.items()}
)
NEAR_SITUATIONS = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=20), JSON_VALUES, max_size=8)
DEEP = st.integers(1, 5_000).map(lambda depth: "[" * depth + "]" * depth)


def post(client, body, lang="fr"):
    """POST a raw body as JSON; return the response after checking it is a JSON answer of 200 or 400."""
    response = client.post(f"/api/v1/orientation?lang={lang}", data=body, content_type="application/json")
    assert response.status_code in (200, 400), (body[:300], response.status_code)
    assert response.mimetype == "application/json"
    answer = response.get_json()
    if response.status_code == 400:
        assert set(answer) == {"error", "field"} and answer["error"], answer
        assert answer["field"] is None or isinstance(answer["field"], str)
    else:
        assert isinstance(answer["recommendations"], list) and isinstance(answer["urgent"], list)
    return response


@settings(max_examples=150)
@given(body=st.one_of(JSON_VALUES, NEAR_SITUATIONS), lang=st.sampled_from(["fr", "ar", "xx"]))
def test_any_json_body_gets_200_or_400_json(client, body, lang):
    post(client, json.dumps(body).encode("utf-8"), lang)


@settings(max_examples=60)
@given(
    body=st.one_of(
        st.binary(max_size=200),
        DEEP.map(str.encode),
        st.integers(MAX_BODY_BYTES - 2, MAX_BODY_BYTES * 4).map(lambda size: b"[" + b"1," * (size // 2) + b"1]"),
    )
)
def test_any_bytes_get_200_or_400_json(client, body):
    post(client, body)


@settings(max_examples=60)
@given(body=VALID_SITUATIONS)
def test_every_valid_situation_gets_200(client, body):
    assert post(client, json.dumps(body).encode("utf-8")).status_code == 200
