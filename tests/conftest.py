"""Shared fixtures: a fresh app on a temporary database and index, built from tests/data."""

import datetime
from pathlib import Path

import pytest

from app import create_app
from directory import storage

TESTS = Path(__file__).resolve().parent
FIXTURE_DATA = TESTS / "data"


def app_config(folder):
    """Return the configuration of a test app whose database and index live in this folder, built from the fixture dataset."""
    return {
        "TESTING": True,
        "SECRET_KEY": "tests",
        "DATABASE": folder / "test.sqlite3",
        "INDEX_DIR": folder / "index",
        "DATA_DIR": FIXTURE_DATA,
    }


def make_test_app(folder):
    """Create an app whose database and index live in this folder, built from the fixture dataset."""
    return create_app(app_config(folder))


@pytest.fixture
def app(tmp_path):
    """An app with its own database and index, built from the fixture dataset."""
    return make_test_app(tmp_path)


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner of the app."""
    return app.test_cli_runner()


@pytest.fixture
def today():
    """Today's date, for the record checks."""
    return datetime.date.today()


def content_version_of(app):
    """Return the database's content version (how many writes it has seen)."""
    db = storage.open_database(app.config["DATABASE"])
    try:
        return storage.content_version(db)
    finally:
        db.conn.close()


def database_dump(app):
    """Return {table: sorted rows} of every table of the app's database."""
    db = storage.open_database(app.config["DATABASE"])
    try:
        return {
            table: sorted(map(tuple, db.execute(f"SELECT * FROM [{table}]").fetchall()), key=repr) for table in db.table_names()
        }
    finally:
        db.conn.close()
