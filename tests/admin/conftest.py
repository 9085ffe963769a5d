"""Signed-in clients for the back office (the desk fixtures: CSRF off, cheap password hashing)."""

import pytest

from tests.desk.conftest import app  # noqa: F401 - the app with CSRF checks off
from tests.desk.conftest import cheap_password_hashing  # noqa: F401
from tests.desk.conftest import db  # noqa: F401
from tests.desk.conftest import log_in
from tests.desk.conftest import make_account  # noqa: F401


def signed_in(app, make_account, username, role):  # noqa: F811
    """Return a new client (another browser) signed in with a new account."""
    make_account(username, role)
    client = app.test_client()
    assert log_in(client, username).status_code == 302
    return client


@pytest.fixture
def editor(app, make_account):  # noqa: F811
    """A client signed in as the editor "edith"."""
    return signed_in(app, make_account, "edith", "editor")


@pytest.fixture
def second_editor(app, make_account):  # noqa: F811
    """Another editor, "marc", in another browser."""
    return signed_in(app, make_account, "marc", "editor")


@pytest.fixture
def admin_client(app, make_account):  # noqa: F811
    """A client signed in as the administrator "ada"."""
    return signed_in(app, make_account, "ada", "admin")
