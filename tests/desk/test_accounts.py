"""Staff accounts: creation rules, changes, login with lockout, session validity."""

import datetime

import argon2
import pytest

from desk import accounts
from desk import storage as desk_storage
from desk.models import Throttle
from tests.desk.conftest import PASSWORD

NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def test_the_migration_creates_the_staff_tables(db):
    assert {"staff_accounts", "login_throttle"} <= set(db.table_names())


def test_create_account_normalizes_and_hashes(db, make_account):
    account = make_account(" Amina.B ", "desk", desk_name="RIF du 14e", desk_resource_id="rif-test-14", display_name="Amina B.")
    assert account.username == "amina.b"
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash
    assert desk_storage.get_account_by_username(db, "amina.b") == account
    assert "password_hash" not in repr(account)


@pytest.mark.parametrize(
    ("username", "role", "desk_name", "desk_resource_id", "password", "expected"),
    [
        ("a", "desk", "RIF", None, PASSWORD, "identifiant"),
        ("amina b", "desk", "RIF", None, PASSWORD, "identifiant"),
        ("amina", "chief", "RIF", None, PASSWORD, "Rôle inconnu"),
        ("amina", "desk", None, None, PASSWORD, "rattaché"),
        ("amina", "desk", "RIF", "no-such-resource", PASSWORD, "Aucune fiche"),
        ("amina", "editor", None, "rif-test-14", PASSWORD, "nom du lieu"),
        ("amina", "desk", "RIF", None, "short", "au moins 12"),
    ],
)
def test_create_account_refuses_bad_values(db, username, role, desk_name, desk_resource_id, password, expected):
    with pytest.raises(accounts.AccountError, match=expected):
        accounts.create_account(db, username, password, role, desk_name=desk_name, desk_resource_id=desk_resource_id)
    assert desk_storage.list_accounts(db) == []


def test_usernames_are_unique(make_account):
    make_account("amina", "desk")
    with pytest.raises(accounts.AccountError, match="existe déjà"):
        make_account("AMINA", "editor")


def test_editors_and_admins_need_no_desk(make_account):
    assert make_account("eddie", "editor", desk_name=None).desk_name is None


def test_login_succeeds_and_records_the_moment(db, make_account):
    make_account("amina", "desk")
    outcome = accounts.authenticate(db, "Amina", PASSWORD, NOW)
    assert outcome.account.username == "amina"
    assert outcome.account.last_login_at == NOW
    assert outcome.locked_until is None


def test_login_upgrades_a_hash_made_with_old_parameters(db, make_account):
    account = make_account("amina", "desk")
    old = argon2.PasswordHasher(time_cost=2, memory_cost=2 * 1024, parallelism=1).hash(PASSWORD)
    desk_storage.update_account(db, account.id, password_hash=old)
    accounts.authenticate(db, "amina", PASSWORD, NOW)
    upgraded = desk_storage.get_account(db, account.id).password_hash
    assert upgraded != old
    assert accounts.passwords.verify_password(upgraded, PASSWORD) == (True, None)


def test_five_failures_lock_the_name_even_for_the_right_password(db, make_account):
    make_account("amina", "desk")
    for attempt in range(accounts.MAX_FAILED_LOGINS):
        outcome = accounts.authenticate(db, "amina", "wrong password!", NOW + datetime.timedelta(seconds=attempt))
        assert outcome.account is None
    assert outcome.locked_until is not None
    locked = accounts.authenticate(db, "amina", PASSWORD, NOW + datetime.timedelta(minutes=5))
    assert locked.account is None and locked.locked_until == outcome.locked_until
    later = accounts.authenticate(db, "amina", PASSWORD, outcome.locked_until + datetime.timedelta(seconds=1))
    assert later.account is not None
    assert desk_storage.get_throttle(db, "amina") == Throttle()


def test_an_unknown_name_is_locked_the_same_way(db, make_account):
    make_account("amina", "desk")
    known = [accounts.authenticate(db, "amina", "wrong password!", NOW) for _ in range(accounts.MAX_FAILED_LOGINS)]
    unknown = [accounts.authenticate(db, "nobody", "wrong password!", NOW) for _ in range(accounts.MAX_FAILED_LOGINS)]
    assert [outcome.locked_until for outcome in known] == [outcome.locked_until for outcome in unknown]


def test_failures_older_than_the_window_are_forgotten():
    throttle = Throttle()
    for minute in range(accounts.MAX_FAILED_LOGINS - 1):
        throttle = accounts.after_failure(throttle, NOW + datetime.timedelta(minutes=minute))
    assert throttle.locked_until is None
    later = NOW + accounts.FAILURE_WINDOW + datetime.timedelta(minutes=10)
    throttle = accounts.after_failure(throttle, later)
    assert throttle == Throttle(1, later, None)


def test_a_disabled_account_cannot_log_in(db, make_account):
    make_account("amina", "desk")
    accounts.set_active(db, "amina", False)
    assert accounts.authenticate(db, "amina", PASSWORD, NOW).account is None
    accounts.set_active(db, "amina", True)
    assert accounts.authenticate(db, "amina", PASSWORD, NOW).account is not None


def test_changes_that_end_open_sessions(db, make_account):
    account = make_account("amina", "desk")
    generation = account.session_generation
    generation_after = [
        accounts.set_role(db, "amina", "editor").session_generation,
        accounts.set_active(db, "amina", False).session_generation,
        accounts.reset_password(db, "amina", "another long password").session_generation,
    ]
    assert generation_after == [generation + 1, generation + 2, generation + 3]
    assert accounts.set_desk(db, "amina", "Espace parents").session_generation == generation + 3


def test_a_reset_password_lifts_the_lockout(db, make_account):
    make_account("amina", "desk")
    for _ in range(accounts.MAX_FAILED_LOGINS):
        accounts.authenticate(db, "amina", "wrong password!", NOW)
    accounts.reset_password(db, "amina", "another long password")
    assert accounts.authenticate(db, "amina", "another long password", NOW).account is not None


def test_a_desk_role_needs_a_desk(db, make_account):
    make_account("eddie", "editor", desk_name=None)
    with pytest.raises(accounts.AccountError, match="rattaché"):
        accounts.set_role(db, "eddie", "desk")


def test_session_validity(make_account):
    account = make_account("amina", "desk")
    generation = account.session_generation
    assert accounts.session_is_valid(account, generation, NOW, NOW + datetime.timedelta(hours=1))
    assert not accounts.session_is_valid(account, generation + 1, NOW, NOW)
    assert not accounts.session_is_valid(account, generation, NOW, NOW + accounts.SESSION_MAX_AGE)
    assert not accounts.session_is_valid(account, generation, None, NOW)
    assert not accounts.session_is_valid(None, generation, NOW, NOW)
