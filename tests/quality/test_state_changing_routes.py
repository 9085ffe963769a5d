"""Every route that changes state, found by walking the URL map: CSRF token and role required.

No list of paths here can miss a new route: every rule that accepts POST, PUT, PATCH or DELETE
is tried. A new one fails these tests until it is either guarded by `role_required` with the
roles STAFF_ROLES names for it, or named in PUBLIC with the reason anyone may use it; it must
take a CSRF token unless CSRF_EXEMPT says why a forged request can do no harm. "Refused" means the answer says so, the view's own code
never ran, and neither the database nor the session changed.
"""

import datetime
import inspect
import sys
from contextlib import contextmanager

import pytest

from desk import accounts
from directory import storage
from orientation.views import get_catalog
from reports import storage as report_storage
from reports.models import Report
from tests.conftest import database_dump
from tests.quality.conftest import csrf_token
from tests.quality.conftest import signed_in_client

STATE_CHANGING_METHODS = ("POST", "PUT", "PATCH", "DELETE")

EDITORS = frozenset({"editor", "admin"})
DESKS = frozenset({"desk", "admin"})
# Who may use each staff route that changes state.
STAFF_ROLES = {
    "staff.logout": frozenset(accounts.ROLES),
    "staff.start_family": DESKS,
    "staff.finish_family": DESKS,
    "staff.desk_question": DESKS,
    "staff.desk_clear_answers": DESKS,
    "admin.create": EDITORS,
    "admin.edit": EDITORS,
    "admin.verify": EDITORS,
    "admin.archive": EDITORS,
    "admin.restore": EDITORS,
    "admin.imports": frozenset({"admin"}),
    "reports.close": EDITORS,
}
# State-changing routes that need no staff role, and why anyone may use them.
PUBLIC = {
    "staff.login": "signing in is how a visitor gets a role",
    "shortlist.add": "the visitor's own shortlist, kept in their session cookie",
    "shortlist.remove": "the visitor's own shortlist, kept in their session cookie",
    "shortlist.clear": "the visitor's own shortlist, kept in their session cookie",
    "sheets.sheet": "a sheet of public records; the POST only carries the optional note, nothing is stored",
    "sheets.sheet_pdf": "the same sheet as a PDF",
    "sheets.liaison": "a fiche de liaison of public records, for any professional; nothing is stored",
    "sheets.liaison_pdf": "the same fiche as a PDF",
    "orientation.question": "the family's own answers, kept in their session cookie",
    "orientation.clear": "forgets the family's own answers",
    "orientation.quick_exit": "forgets the visitor's own session and leaves",
    "reports.send": "anyone who reads a page may report an error on it (rate limited)",
    "orientation_api.orientation": "a situation in, recommendations out: the public API",
}
# State-changing routes that take no CSRF token, and why a forged request can do no harm.
CSRF_EXEMPT = {
    "orientation_api.orientation": "JSON API that reads no cookie and writes nothing: a forged request learns and changes nothing",
    "orientation.quick_exit": "forgetting one's own session must never fail, even from a stale page; a forged request can do only that",
}
FORM = {  # what a real form would send to any of them: valid values, so that only the guard can stop it
    "resource_id": "laep-test-14",
    "ids": "laep-test-14",
    "note": "Bonjour",
    "username": "agent",
    "password": "correct horse battery",
    "topic": "closed",
    "message": "Fermé depuis juin.",
    "reason": "Isolement",
    "professional_name": "A. B.",
    "family_lang": "ar",
    "status": "done",
}


def state_changing_routes(app):
    """Return [(rule, method)] of every route of the app that accepts a state-changing method."""
    return [(rule, method) for rule in app.url_map.iter_rules() for method in STATE_CHANGING_METHODS if method in rule.methods]


def view_of(app, rule):
    """Return the view function of a rule."""
    return app.view_functions[rule.endpoint]


def sample_values(app):
    """Return a real value for each URL argument name: a resource, a question, a report."""
    questionnaire = get_catalog().questionnaires[0]
    db = storage.open_database(app.config["DATABASE"])
    try:
        report_id = report_storage.insert_report(
            db, Report(None, "laep-test-14", datetime.datetime.now(datetime.UTC), "closed", "Fermé.")
        )
    finally:
        db.conn.close()
    return {
        "lang": "fr",
        "resource_id": "laep-test-14",
        "event_id": questionnaire.id,
        "question_id": questionnaire.steps[0].question.id,
        "report_id": report_id,
    }


def url_of(rule, values):
    """Build a rule's URL from the sample values; fail when an argument has none."""
    missing = set(rule.arguments) - set(values)
    if missing:
        pytest.fail(f"{rule.rule}: add a sample value for {sorted(missing)} to sample_values()")
    return rule.build({name: values[name] for name in rule.arguments})[1]


@contextmanager
def calls_of(function):
    """Record every call of a function's own code (the innermost one under its decorators)."""
    code = inspect.unwrap(function).__code__
    calls = []

    def profile(frame, event, _arg):
        if event == "call" and frame.f_code is code:
            calls.append(frame.f_code.co_name)

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(previous)


def session_of(client):
    """Return a copy of what the client's session holds."""
    with client.session_transaction() as session:
        return dict(session)


@pytest.fixture
def routes(app):
    """Every state-changing (rule, method) of the app, with the sample URL of each."""
    with app.test_request_context():
        values = sample_values(app)
    found = [(rule, method, url_of(rule, values)) for rule, method in state_changing_routes(app)]
    assert len(found) >= 20  # the app has at least these; far fewer means the walk is broken
    return found


def clients(app):
    """Return {who: client} for a visitor and one signed-in account of each role, each with a CSRF token in its session."""
    found = {"anonymous": app.test_client()}
    found.update({role: signed_in_client(app, f"someone-{role}", role) for role in accounts.ROLES})
    for client in found.values():
        client.post(
            "/fr/shortlist/add",
            data={"resource_id": "laep-test-14", "csrf_token": csrf_token(client, "/fr/resources/laep-test-14")},
        )
        assert session_of(client)["shortlist"] == ["laep-test-14"]  # something a forged request could change
    return found


def test_every_state_changing_route_is_guarded_with_its_roles_or_declared_public(app):
    undeclared = []
    for rule, method in state_changing_routes(app):
        roles = getattr(view_of(app, rule), "allowed_roles", None)
        if roles != STAFF_ROLES.get(rule.endpoint) or (roles is None) != (rule.endpoint in PUBLIC):
            undeclared.append(f"{method} {rule.rule} ({rule.endpoint}: roles {sorted(roles or [])})")
    assert undeclared == [], (
        "guard it with role_required and name its roles in STAFF_ROLES, or add it to PUBLIC with the reason anyone may use it: "
        + ", ".join(undeclared)
    )


def test_the_exemption_lists_name_real_public_routes(app):
    endpoints = {rule.endpoint for rule, _method in state_changing_routes(app)}
    assert set(PUBLIC) <= endpoints, set(PUBLIC) - endpoints
    assert set(STAFF_ROLES) <= endpoints, set(STAFF_ROLES) - endpoints
    assert set(CSRF_EXEMPT) <= set(PUBLIC)


def test_without_a_csrf_token_every_state_changing_request_is_refused_and_changes_nothing(app, routes):
    everyone = clients(app)
    for rule, method, url in routes:
        if rule.endpoint in CSRF_EXEMPT:
            continue
        for who, client in everyone.items():
            tables, session = database_dump(app), session_of(client)
            with calls_of(view_of(app, rule)) as calls:
                response = client.open(url, method=method, data=FORM)
            where = f"{who}: {method} {url}"
            assert response.status_code == 400, (where, response.status_code)
            assert calls == [], f"{where}: the view ran"
            assert database_dump(app) == tables, f"{where}: the database changed"
            assert session_of(client) == session, f"{where}: the session changed"


def test_with_a_token_staff_routes_refuse_visitors_and_other_roles_and_change_nothing(app, routes):
    everyone = clients(app)
    tokens = {who: csrf_token(client, "/fr/resources/laep-test-14") for who, client in everyone.items()}
    checked = 0
    for rule, method, url in routes:
        allowed = getattr(view_of(app, rule), "allowed_roles", None)
        if not allowed:
            continue
        for who, client in everyone.items():
            if who in allowed:
                continue
            tables, session = database_dump(app), session_of(client)
            with calls_of(view_of(app, rule)) as calls:
                response = client.open(url, method=method, data=dict(FORM, csrf_token=tokens[who]))
            where = f"{who}: {method} {url}"
            if who == "anonymous":
                assert response.status_code == 302, (where, response.status_code)
                assert response.headers["Location"].startswith("/fr/staff/login"), where
            else:
                assert response.status_code == 403, (where, response.status_code)
            assert calls == [], f"{where}: the view ran"
            assert database_dump(app) == tables, f"{where}: the database changed"
            assert session_of(client) == session, f"{where}: the session changed"
            checked += 1
    assert checked >= len(STAFF_ROLES)


def test_the_exempt_routes_need_no_token_and_the_api_writes_nothing(app, client):
    tables = database_dump(app)
    response = client.post("/api/v1/orientation", json={"arrondissement": 14, "domestic_violence": True})
    assert response.status_code == 200 and response.get_json()["urgent"]
    assert database_dump(app) == tables
    client.post(
        "/fr/shortlist/add", data={"resource_id": "laep-test-14", "csrf_token": csrf_token(client, "/fr/resources/laep-test-14")}
    )
    response = client.post("/fr/orientation/quit")
    assert response.status_code == 303
    assert "shortlist" not in session_of(client)
