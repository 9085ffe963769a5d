"""Anonymous daily statistics: life events chosen, questionnaires completed, searches with no result."""

import datetime

import pytest

from stats import counters
from stats import storage as stats_storage
from tests.desk.conftest import log_in


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("  Ludothèque   le dimanche ", "ludothèque le dimanche"),
        ("jean.dupont@example.org", ""),
        ("jean at example dot org", ""),
        ("rue de la paix 75002", ""),
        ("٣ enfants", ""),  # digits of any script
        ("mot " * 10, ""),
    ],
)
def test_a_search_text_is_kept_only_without_digits_or_email(text, kept):
    assert counters.keepable_query(text) == kept


def _counts(app):
    from directory import storage

    db = storage.open_database(app.config["DATABASE"])
    try:
        return {(metric, detail): count for _day, metric, detail, count in db.execute("SELECT * FROM daily_counts").fetchall()}
    finally:
        db.conn.close()


def test_the_pages_count_once_per_session(app, client):
    client.get("/fr/orientation/vacances/")
    client.get("/fr/orientation/vacances/")
    client.get("/fr/search?q=zzzyyyxxx+introuvable")
    client.get("/fr/search?q=tel+0612345678")
    client.get("/fr/search?q=laep")
    counts = _counts(app)
    assert counts[(counters.LIFE_EVENT, "vacances")] == 1
    assert counts[(counters.ZERO_RESULTS, "")] == 2  # a text searched once is counted without it
    assert not [key for key in counts if key[0] == counters.ZERO_RESULTS and "laep" in key[1]]


def test_a_zero_result_text_is_kept_from_its_third_search_of_the_day(app):
    for _ in range(2):
        app.test_client().get("/fr/search?q=zzzyyyxxx+introuvable")
    counts = _counts(app)
    assert counts[(counters.ZERO_RESULTS, "")] == 2
    assert not any("zzzyyyxxx" in detail for _metric, detail in counts)  # not in clear, not yet
    (seen,) = [detail for metric, detail in counts if metric == counters.ZERO_RESULTS_SEEN]
    assert counts[(counters.ZERO_RESULTS_SEEN, seen)] == 2 and len(seen) == 32
    app.test_client().get("/fr/search?q=ZZZYYYXXX++introuvable")  # the same words, written otherwise
    assert _counts(app)[(counters.ZERO_RESULTS, "zzzyyyxxx introuvable")] == 1


def test_the_fingerprint_needs_the_secret_and_changes_every_day():
    day = datetime.date(2026, 12, 7)
    fingerprint = counters.text_fingerprint("secret", day, "pension impayee")
    assert fingerprint == counters.text_fingerprint("secret", day, "pension impayee")
    assert fingerprint != counters.text_fingerprint("another secret", day, "pension impayee")
    assert fingerprint != counters.text_fingerprint("secret", day + datetime.timedelta(days=1), "pension impayee")


def test_clearing_the_answers_forgets_which_questionnaires_were_opened(client):
    client.get("/fr/orientation/danger/")
    with client.session_transaction() as session:
        assert counters.SESSION_KEY in session
    client.post("/fr/orientation/clear")
    with client.session_transaction() as session:
        assert counters.SESSION_KEY not in session


def test_no_cookie_but_the_session(client):
    client.get("/fr/orientation/vacances/")
    client.get("/fr/search?q=zzzyyyxxx")
    assert {cookie.key for cookie in client._cookies.values()} <= {"session"}


def test_the_statistics_page_is_for_editors(app, make_account):
    make_account("edith", "editor")
    client = app.test_client()
    client.get("/fr/orientation/vacances/")
    assert log_in(client, "edith").status_code == 302
    page = client.get("/fr/staff/statistics?days=7").get_data(as_text=True)
    assert "Événements de vie choisis" in page and "vacances" in page


def test_counters_add_up_per_day_and_detail(tmp_path):

    from directory import storage

    db = storage.open_database(tmp_path / "stats.sqlite3")
    storage.migrate(db)
    day = datetime.date(2025, 3, 1)
    for _ in range(3):
        stats_storage.increment(db, day, counters.LIFE_EVENT, "separation")
    stats_storage.increment(db, day + datetime.timedelta(days=1), counters.LIFE_EVENT, "separation")
    assert stats_storage.counts_between(db, day, day, [counters.LIFE_EVENT]) == [
        ("2025-03-01", counters.LIFE_EVENT, "separation", 3)
    ]
    assert stats_storage.counts_between(db, day, day, [counters.ZERO_RESULTS]) == []
