"""The load script's families: its questionnaire walk and its situations, run against the app in process.

The load test itself is a benchmark (bench/load.py, not run here); these tests keep its
questionnaire traffic from silently breaking when a page, a form or a question changes.
"""

import asyncio
import random

import pytest

from bench.load import Browser
from bench.load import Form
from bench.load import Response
from bench.load import WalkError
from bench.load import filled_form
from bench.load import random_situation
from bench.load import walk_questionnaire


def through_test_client(client):
    """Return a transport for a Browser that sends its requests to the Flask test client."""

    async def send(method, path, headers, body):
        answer = client.open(path, method=method, headers=headers, data=body)
        received = {name.lower(): answer.headers.getlist(name) for name in answer.headers.keys()}
        return Response(answer.status_code, received, answer.get_data())

    return send


def walk(app, questionnaire_id, seed):
    """Walk one questionnaire with a fresh browser; return the (kind, status) of each request."""
    requests = []
    browser = Browser(
        through_test_client(app.test_client(use_cookies=False)), lambda kind, _s, _t, status: requests.append((kind, status))
    )
    asyncio.run(walk_questionnaire(browser, app.extensions["orientation_catalog"], questionnaire_id, random.Random(seed)))
    return requests


def test_the_walk_reaches_the_results_of_every_questionnaire(app):
    catalog = app.extensions["orientation_catalog"]
    for questionnaire in catalog.questionnaires:
        for seed in range(3):
            requests = walk(app, questionnaire.id, seed)
            kinds = [kind for kind, _status in requests]
            assert kinds[0] == "questionnaire start" and "results" in kinds, (questionnaire.id, kinds)
            assert kinds.count("question answer") >= 1
            assert all(status < 400 for _kind, status in requests), (questionnaire.id, requests)


def test_the_walk_keeps_the_session_cookie_between_pages(app):
    # Without its cookie jar a browser has no CSRF session: the first answer is refused.
    catalog = app.extensions["orientation_catalog"]
    browser = Browser(through_test_client(app.test_client(use_cookies=False)), lambda *_: None)
    browser.keep_cookie = lambda header: None
    with pytest.raises(WalkError, match="answered 400"):
        asyncio.run(walk_questionnaire(browser, catalog, catalog.questionnaires[0].id, random.Random(0)))


def test_an_answer_the_page_does_not_offer_stops_the_walk():
    form = Form("/fr/orientation/x/questions/q", "post", [("csrf_token", "hidden", "t"), ("answer", "radio", "yes")])
    assert filled_form(form, {"answer": ["yes"]}, "q") == [("csrf_token", "t"), ("answer", "yes")]
    with pytest.raises(WalkError, match="does not offer"):
        filled_form(form, {"answer": ["maybe"]}, "q")
    with pytest.raises(WalkError, match="no field 'age'"):
        filled_form(form, {"age": ["3"]}, "q")


def test_the_situations_of_the_api_calls_are_accepted(client, app):
    catalog = app.extensions["orientation_catalog"]
    for seed in range(40):
        situation = random_situation(catalog, random.Random(seed))
        answer = client.post("/api/v1/orientation", json=situation)
        assert answer.status_code == 200, (situation, answer.get_json())
