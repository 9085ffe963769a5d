"""Every staff page refuses anonymous visitors and the wrong role; login, lockout, logout."""

import html
import re

import pytest

from desk import accounts
from desk import storage as desk_storage
from tests.desk.conftest import PASSWORD
from tests.desk.conftest import log_in

STAFF_PREFIX = "/<lang:lang>/staff"
METHODS = ("GET", "POST")


def staff_routes(app):
    """Return [(rule, method, view)] of every route under /<lang>/staff/."""
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(STAFF_PREFIX):
            view = app.view_functions[rule.endpoint]
            routes.extend((rule, method, view) for method in METHODS if method in rule.methods)
    return routes


def url_of(rule):
    """Build a URL for a rule, with sample values for its arguments."""
    return rule.build({name: "fr" if name == "lang" else "sample" for name in rule.arguments})[1]


def test_every_staff_route_is_guarded_or_public(app):
    routes = staff_routes(app)
    assert len(routes) >= 7
    for rule, _method, view in routes:
        guarded = getattr(view, "allowed_roles", None)
        public = getattr(view, "staff_public", False)
        assert bool(guarded) != public, f"{rule.rule} must use role_required or public_staff_page"
    public_rules = {rule.rule for rule, _method, view in routes if getattr(view, "staff_public", False)}
    assert public_rules == {STAFF_PREFIX + "/login"}


def test_anonymous_requests_go_to_the_login_page(app, client):
    for rule, method, view in staff_routes(app):
        if getattr(view, "staff_public", False):
            continue
        response = client.open(url_of(rule), method=method)
        assert response.status_code == 302, (rule.rule, method)
        assert response.headers["Location"].startswith("/fr/staff/login"), (rule.rule, method)


@pytest.mark.parametrize("role", accounts.ROLES)
def test_each_role_reaches_its_pages_and_gets_403_elsewhere(app, client, make_account, role):
    make_account("someone", role)
    assert log_in(client, "someone").status_code == 302
    for rule, method, view in staff_routes(app):
        allowed = getattr(view, "allowed_roles", None)
        if allowed is None or rule.endpoint == "staff.logout":
            continue
        response = client.open(url_of(rule), method=method)
        if role in allowed:
            assert response.status_code in (200, 302), (rule.rule, method, response.status_code)
        else:
            assert response.status_code == 403, (rule.rule, method)
            assert "Accès réservé" in response.get_data(as_text=True)


def test_the_login_page_returns_to_the_page_asked_for(client, make_account):
    make_account("agent", "desk")
    assert client.get("/fr/staff/desk/").headers["Location"] == "/fr/staff/login?next=/fr/staff/desk/"
    response = client.post("/fr/staff/login", data={"username": "agent", "password": PASSWORD, "next": "/fr/staff/desk/"})
    assert response.headers["Location"] == "/fr/staff/desk/"


def test_the_login_page_never_sends_elsewhere(client, make_account):
    make_account("agent", "desk")
    response = client.post("/fr/staff/login", data={"username": "agent", "password": PASSWORD, "next": "//evil.example/"})
    assert response.headers["Location"] == "/fr/staff/"


def test_a_wrong_password_and_an_unknown_account_get_the_same_answer(client, make_account):
    make_account("agent", "desk")
    wrong = log_in(client, "agent", "wrong password!")
    unknown = log_in(client, "nobody", "wrong password!")
    assert wrong.status_code == unknown.status_code == 400
    assert "Identifiant ou mot de passe incorrect." in wrong.get_data(as_text=True)
    assert _without_token_and_name(wrong, "agent") == _without_token_and_name(unknown, "nobody")


def _without_token_and_name(response, username):
    page = response.get_data(as_text=True).replace(f'value="{username}"', "")
    return re.sub(r'name="csrf_token" value="[^"]*"', "", page)


def test_login_lockout(client, make_account):
    make_account("agent", "desk")
    for _ in range(accounts.MAX_FAILED_LOGINS - 1):
        assert log_in(client, "agent", "wrong password!").status_code == 400
    locked = log_in(client, "agent", "wrong password!")
    assert locked.status_code == 429
    assert "Trop d'essais avec cet identifiant" in html.unescape(locked.get_data(as_text=True))
    assert log_in(client, "agent").status_code == 429
    for _ in range(accounts.MAX_FAILED_LOGINS):
        unknown = log_in(client, "nobody", "wrong password!")
    assert unknown.status_code == 429


def test_a_lockout_ends(client, db, make_account):
    make_account("agent", "desk")
    for _ in range(accounts.MAX_FAILED_LOGINS):
        log_in(client, "agent", "wrong password!")
    db.execute("UPDATE login_throttle SET locked_until = '2000-01-01T00:00:00+00:00'")
    assert log_in(client, "agent").status_code == 302


def test_an_empty_form_is_refused_without_counting(client, db):
    response = client.post("/fr/staff/login", data={"username": "agent", "password": ""})
    assert response.status_code == 400
    assert "Saisissez votre identifiant" in response.get_data(as_text=True)
    assert desk_storage.get_throttle(db, "agent").failures == 0


def test_logout_forgets_the_session(desk_client):
    desk_client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14"})
    response = desk_client.post("/fr/staff/logout")
    assert response.headers["Location"] == "/fr/staff/login"
    assert desk_client.get("/fr/staff/").status_code == 302
    with desk_client.session_transaction() as session:
        assert "shortlist" not in session


def test_disabling_an_account_ends_its_session(desk_client, db):
    assert desk_client.get("/fr/staff/").status_code == 200
    accounts.set_active(db, "agent", False)
    assert desk_client.get("/fr/staff/").status_code == 302


def test_a_signed_in_visitor_skips_the_login_form(desk_client):
    assert desk_client.get("/fr/staff/login").headers["Location"] == "/fr/staff/"


def test_the_staff_home_shows_the_account_and_its_desk(desk_client):
    page = desk_client.get("/fr/staff/").get_data(as_text=True)
    assert "Agent Test" in page and "RIF du 14e" in page and "Accueil des familles" in page
    assert "/fr/resources/rif-test-14" in page


def test_the_session_cookie_is_httponly_lax_and_secure(client):
    client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14"})
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.secure and cookie.same_site == "Lax"
