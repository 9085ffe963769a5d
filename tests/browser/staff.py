"""Signing in at the desk in a real browser, for the desk and accessibility tests."""

from tests.desk.conftest import PASSWORD


def sign_in_at_the_desk(page, live_server, username, lang="fr"):
    """Open the desk mode in a page language and sign in on the login page it leads to."""
    page.goto(f"{live_server}/{lang}/staff/desk/")
    page.wait_for_url(f"**/{lang}/staff/login?next=/{lang}/staff/desk/")
    page.locator("#login-username").fill(username)
    page.locator("#login-password").fill(PASSWORD)
    page.locator('form[action$="/staff/login"] button[type="submit"]').click()
    page.wait_for_url(f"**/{lang}/staff/desk/")
