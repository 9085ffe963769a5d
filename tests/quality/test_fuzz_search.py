"""Hypothesis: any search text and any filter value, on the API and the search page; never a 5xx.

Any text (control characters, every script, query syntax, 10,000 characters) with valid
filters answers 200; a filter value that cannot be read answers 400, as JSON on the API,
naming the parameter; the page answers 200 or 400 and is a page in its language.
"""

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from directory import taxonomy
from search import params

pytestmark = pytest.mark.fuzz

# What people or programs might type that a query parser could take as syntax.
QUERY_SYNTAX = [
    '"',
    "'",
    "AND",
    "OR",
    "NOT",
    "name:",
    "kind:laep",
    "*",
    "?",
    "(",
    ")",
    "[a TO z]",
    "{",
    "}",
    "~2",
    "^3",
    "\\",
    "-",
    "+",
    "/",
    ":",
    "%",
    "&",
    "<b>",
    "\x00",
    "\u200f",
    "\ufeff",
]
WORDS = [
    "laep",
    "médiation",
    "mediation familiale",
    "14e",
    "Paris 13",
    "75014",
    "pension pas payée",
    "الوساطة",
    "家庭调解",
    "ludothèque",
    "crèche",
    "3 ans",
]
TEXT = st.one_of(
    st.text(max_size=60),  # any character but surrogates: controls, other scripts, combining marks
    st.lists(st.sampled_from(QUERY_SYNTAX + WORDS), max_size=8).map(" ".join),
    st.tuples(st.text(min_size=1, max_size=5), st.integers(2_000, 10_000)).map(lambda part: (part[0] * part[1])[:10_000]),
)
BLANK = st.sampled_from(["", " "])  # an empty filter is no filter
VALID = {
    "arrondissement": st.one_of(BLANK, st.integers(1, 20).map(str)),
    "kind": st.one_of(BLANK, st.sampled_from([kind.code for kind in taxonomy.KINDS])),
    "theme": st.one_of(BLANK, st.sampled_from([theme.code for theme in taxonomy.THEMES])),
    "language": st.one_of(BLANK, st.sampled_from(["ar", "en", "zh", "FA", " ta "])),
    "age": st.one_of(BLANK, st.integers(0, params.MAX_AGE).map(str), st.sampled_from(["0-3", "3-5", "6-25"])),
    "free": st.sampled_from([*params.TRUE_WORDS, *params.FALSE_WORDS, "TRUE", " Oui "]),
    "open_now": st.sampled_from([*params.TRUE_WORDS, *params.FALSE_WORDS]),
    "neighbours": st.sampled_from([*params.TRUE_WORDS, *params.FALSE_WORDS]),
    "page": st.integers(1, params.MAX_PAGE).map(str),
    "per_page": st.integers(1, params.MAX_PER_PAGE).map(str),
}
NOT_A_NUMBER = st.text(max_size=10).map(lambda text: "x" + text)  # int() never reads a letter first


def _outside(low, high):
    return st.one_of(st.integers(max_value=low - 1), st.integers(min_value=high + 1)).map(str)


INVALID = {
    "arrondissement": st.one_of(NOT_A_NUMBER, _outside(1, 20), st.just("1.5")),
    "kind": st.text(min_size=1, max_size=20).filter(lambda text: text.strip() and text not in taxonomy.KIND_BY_CODE),
    "theme": st.text(min_size=1, max_size=20).filter(lambda text: text.strip() and text not in taxonomy.THEME_BY_CODE),
    "language": st.one_of(st.text(min_size=4, max_size=12).filter(lambda text: len(text.strip()) > 3), st.just("e1")),
    "age": st.one_of(NOT_A_NUMBER, _outside(0, params.MAX_AGE), st.just("5-3"), st.just("1-2-3")),
    "free": NOT_A_NUMBER,
    "open_now": NOT_A_NUMBER,
    "neighbours": NOT_A_NUMBER,
    "page": st.one_of(NOT_A_NUMBER, _outside(1, params.MAX_PAGE)),
    "per_page": st.one_of(NOT_A_NUMBER, _outside(1, params.MAX_PER_PAGE)),
}


@st.composite
def valid_queries(draw):
    """A query string: any text, and any subset of the filters with valid values."""
    names = draw(st.lists(st.sampled_from(sorted(VALID)), unique=True))
    return [("q", draw(TEXT)), *((name, draw(VALID[name])) for name in names)]


@st.composite
def invalid_queries(draw):
    """A valid query string with one filter given a value that cannot be read; returns (query, that filter)."""
    query = draw(valid_queries())
    wrong = draw(st.sampled_from(sorted(INVALID)))
    query = [(name, value) for name, value in query if name != wrong]
    query.insert(draw(st.integers(0, len(query))), (wrong, draw(INVALID[wrong])))
    return query, wrong


@settings(max_examples=200)
@given(query=valid_queries())
def test_the_api_answers_any_text_with_valid_filters(client, query):
    response = client.get("/api/v1/search", query_string=query)
    assert response.status_code == 200, (query, response.get_data(as_text=True)[:300])
    answer = response.get_json()
    assert set(answer) == {"total", "page", "results", "suggestion"}
    assert answer["total"] >= len(answer["results"])


@settings(max_examples=150)
@given(case=invalid_queries())
def test_the_api_refuses_an_invalid_filter_with_400_json_naming_it(client, case):
    query, wrong = case
    response = client.get("/api/v1/search", query_string=query)
    assert response.status_code == 400, (query, response.status_code)
    answer = response.get_json()
    assert answer["field"] == wrong and answer["error"], answer


@settings(max_examples=100)
@given(
    query=st.one_of(valid_queries(), invalid_queries().map(lambda case: case[0])), lang=st.sampled_from(["fr", "ar", "zh-Hans"])
)
def test_the_search_page_answers_any_query(client, query, lang):
    response = client.get(f"/{lang}/search", query_string=query)
    assert response.status_code in (200, 400), (query, response.status_code)
    assert f'<html lang="{lang}"' in response.get_data(as_text=True)
