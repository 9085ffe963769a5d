"""Fixtures for the staff accounts, the shortlist and the sheets.

The app here has CSRF checks off, so that tests post forms directly; test_csrf.py uses the
shared app, which keeps them on.
"""

import argon2
import pytest

from app import create_app
from desk import accounts
from desk import passwords
from directory import storage
from tests.conftest import FIXTURE_DATA

PASSWORD = "correct horse battery"  # long enough for the password policy
PRODUCTION_HASHER = passwords.HASHER
# Argon2id with 1 MiB and one pass: the same code paths, a hundred times faster than production.
TEST_HASHER = argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """Hash passwords with cheap parameters; test_passwords.py checks the production ones."""
    monkeypatch.setattr(passwords, "HASHER", TEST_HASHER)


@pytest.fixture
def app(tmp_path):
    """An app on a fresh database, with CSRF checks off."""
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests",
            "WTF_CSRF_ENABLED": False,
            "DATABASE": tmp_path / "test.sqlite3",
            "INDEX_DIR": tmp_path / "index",
            "DATA_DIR": FIXTURE_DATA,
        }
    )


@pytest.fixture
def db(app):
    """A connection to the app's database."""
    database = storage.open_database(app.config["DATABASE"])
    yield database
    database.conn.close()


@pytest.fixture
def make_account(db):
    """Create an account: make_account("amina", "desk", desk_name="RIF du 14e")."""

    def make(username, role, password=PASSWORD, desk_name="RIF du 14e", **options):
        return accounts.create_account(db, username, password, role, desk_name=desk_name, **options)

    return make


def log_in(client, username, password=PASSWORD, follow_redirects=False):
    """Post the login form; return the response."""
    return client.post("/fr/staff/login", data={"username": username, "password": password}, follow_redirects=follow_redirects)


def answer_questions(client, event_id, answers):
    """Answer questions of a questionnaire through its pages, as a family does: [(question id, form)]."""
    for question_id, form in answers:
        assert client.post(f"/fr/orientation/{event_id}/questions/{question_id}", data=form).status_code == 303


@pytest.fixture
def desk_client(client, make_account):
    """A client signed in with a desk account of the "RIF du 14e"."""
    make_account("agent", "desk", desk_name="RIF du 14e", desk_resource_id="rif-test-14", display_name="Agent Test")
    assert log_in(client, "agent").status_code == 302
    return client
