"""Signed-in clients for the back office (the desk fixtures: CSRF off, cheap password hashing)."""

from tests.desk.conftest import app  # noqa: F401 - the app with CSRF checks off
from tests.desk.conftest import cheap_password_hashing  # noqa: F401
from tests.desk.conftest import db  # noqa: F401
from tests.desk.conftest import make_account  # noqa: F401
