"""« Signaler une erreur »: on every resource page, CSRF-protected, rate-limited, no personal data required."""

import datetime

import pytest

from reports import limits
from reports import storage as reports_storage
from tests.desk.test_csrf import csrf_client  # noqa: F401 - an app with CSRF checks on
from tests.orientation.pages import csrf_token


def _send(client, resource_id="laep-test-14", **values):
    page = client.get(f"/fr/resources/{resource_id}").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "topic": "hours", "message": "Fermé le mercredi."}
    data.update(values)
    return client.post(f"/fr/resources/{resource_id}/report", data=data)


def test_every_resource_page_has_the_form_with_its_token(csrf_client):  # noqa: F811
    page = csrf_client.get("/fr/resources/laep-test-14").get_data(as_text=True)
    assert 'action="/fr/resources/laep-test-14/report"' in page
    assert "facultatif" in page


def test_a_report_without_a_token_is_refused(csrf_client):  # noqa: F811
    assert csrf_client.post("/fr/resources/laep-test-14/report", data={"topic": "hours"}).status_code == 400


def test_a_report_needs_no_contact_and_keeps_no_address(csrf_client, tmp_path):  # noqa: F811
    response = _send(csrf_client)
    assert response.status_code == 302 and response.headers["Location"].endswith("/fr/resources/laep-test-14#report")
    files = [tmp_path / "test.sqlite3", tmp_path / "test.sqlite3-wal"]
    database = b"".join(path.read_bytes() for path in files if path.exists())
    assert b"Ferm\xc3\xa9 le mercredi" in database  # the report is there…
    assert b"127.0.0.1" not in database  # …and not where it came from


def test_a_missing_choice_keeps_what_was_typed(csrf_client):  # noqa: F811
    response = _send(csrf_client, topic="", message="Le numéro a changé, c'est le 01 99.")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Choisissez ce qui ne va pas." in page and "Le numéro a changé" in page


def test_a_session_may_send_three_reports_an_hour(csrf_client):  # noqa: F811
    for _ in range(limits.PER_SESSION):
        assert _send(csrf_client).status_code == 302
    refused = _send(csrf_client)
    assert refused.status_code == 429
    assert "Trop de signalements" in refused.get_data(as_text=True)


def test_the_site_takes_a_limited_number_per_minute():
    now = datetime.datetime(2025, 1, 1, 12, 0, tzinfo=datetime.UTC)
    assert limits.may_send([], limits.GLOBAL_PER_MINUTE - 1, now)
    assert not limits.may_send([], limits.GLOBAL_PER_MINUTE, now)
    old = (now - limits.SESSION_WINDOW - datetime.timedelta(seconds=1)).isoformat()
    assert limits.recent_sends([old, "not a date", now.isoformat()], now) == [now.isoformat()]


@pytest.fixture
def queue_client(app, make_account):
    make_account("edith", "editor")
    client = app.test_client()
    from tests.desk.conftest import log_in

    assert log_in(client, "edith").status_code == 302
    return client


def test_the_queue_shows_open_reports_and_handling_erases_the_contact(app, queue_client, db):
    public = app.test_client()
    assert (
        public.post(
            "/fr/resources/laep-test-14/report",
            data={"topic": "contact", "message": "Le site ne marche pas", "contact": "parent@example.org"},
        ).status_code
        == 302
    )
    page = queue_client.get("/fr/staff/reports/").get_data(as_text=True)
    assert "LAEP Les Petits Pas" in page and "Le site ne marche pas" in page and "parent@example.org" in page
    [report] = reports_storage.list_reports(db, "open")
    assert queue_client.post(f"/fr/staff/reports/{report.id}/close", data={"outcome": "done"}).status_code == 302
    [done] = reports_storage.list_reports(db, "done")
    assert (done.contact, done.handled_by) == (None, "edith")
    assert "parent@example.org" not in queue_client.get("/fr/staff/reports/").get_data(as_text=True)
