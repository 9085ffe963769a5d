"""Fixtures of the quality tests: an app with CSRF checks on, accounts, and Hypothesis profiles.

Hypothesis runs derandomized in CI (the profile "ci", chosen when CI is set), so that a CI run
is reproducible; locally the "dev" profile explores new examples on each run. Neither keeps an
example database in the working tree.
"""

import os

from hypothesis import HealthCheck
from hypothesis import settings

from desk import accounts
from directory import storage
from tests.desk.conftest import PASSWORD
from tests.desk.conftest import cheap_password_hashing  # noqa: F401 - fast Argon2 for the accounts made here
from tests.orientation.pages import csrf_token as token_in_page

# Each fuzz test sets its own max_examples; the profiles say how examples are drawn.
COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("ci", derandomize=True, print_blob=True, **COMMON)
settings.register_profile("dev", **COMMON)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def csrf_token(client, path="/fr/staff/login"):
    """Return the CSRF token of a page's form, for this client's session."""
    return token_in_page(client.get(path).get_data(as_text=True))


def signed_in_client(app, username, role):
    """Return a new client signed in, through the login form and its token, with a new account of this role."""
    db = storage.open_database(app.config["DATABASE"])
    try:
        accounts.create_account(db, username, PASSWORD, role, desk_name="RIF du 14e")
    finally:
        db.conn.close()
    client = app.test_client()
    token = csrf_token(client)
    response = client.post("/fr/staff/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client
