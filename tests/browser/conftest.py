"""A real browser (Debian's Chromium driven by Playwright) against the app served on loopback.

Locally the browser tests are skipped with a message when Chromium is absent; in CI
(CI=true) a missing browser is a failure, so that they can never silently stop running.
"""

import contextlib
import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from desk import accounts
from directory import storage
from tests.conftest import make_test_app
from tests.desk.conftest import PASSWORD

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Flags for a sandboxed machine without network: no background connections, no sandbox as root.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def find_chromium():
    """Return the path of a Chromium binary, or None."""
    for candidate in CHROMIUM_CANDIDATES:
        if os.path.exists(candidate):
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium_path():
    """The Chromium binary; skip (locally) or fail (CI) when there is none."""
    path = find_chromium()
    if path is None:
        message = "Chromium not found: install Debian's chromium package to run the browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    """A headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (its own cookies)."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@contextlib.contextmanager
def serving(app):
    """Serve an app on a free loopback port while the block runs; give its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture
def live_server(app):
    """Serve the test app on a free loopback port; yield its base URL."""
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def shared_live_server(tmp_path_factory):
    """One server for a module's tests that change nothing on the server (building an app takes a second)."""
    with serving(make_test_app(tmp_path_factory.mktemp("shared-site"))) as url:
        yield url


@pytest.fixture
def desk_agent(app):
    """A desk account of the "RIF du 14e"; its password is tests.desk.conftest.PASSWORD."""
    db = storage.open_database(app.config["DATABASE"])
    try:
        accounts.create_account(db, "agent", PASSWORD, "desk", desk_name="RIF du 14e", desk_resource_id="rif-test-14")
    finally:
        db.conn.close()
    return "agent"
