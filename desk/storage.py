"""The staff tables: accounts and the login throttle. The only module with their SQL.

The tables are created by a step of the database's one schema history
(directory.storage.MIGRATIONS), so a single `meta.schema_version` numbers the whole file.
"""

import datetime
import sqlite3
from contextlib import contextmanager

from desk.models import Account
from desk.models import Throttle

ACCOUNT_COLUMNS = (
    "id",
    "username",
    "display_name",
    "role",
    "desk_name",
    "desk_resource_id",
    "password_hash",
    "active",
    "session_generation",
    "created_at",
    "last_login_at",
)


class DuplicateUsernameError(Exception):
    """An account with this username exists already."""


def create_staff_tables(db):
    """Migration step: the staff accounts and the login throttle (one row per name tried)."""
    db.execute(
        """
        CREATE TABLE staff_accounts (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL,
            desk_name TEXT,
            desk_resource_id TEXT,
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            session_generation INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            last_login_at TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE login_throttle (
            username TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            first_failure_at TEXT NOT NULL,
            locked_until TEXT
        )
        """
    )


@contextmanager
def _immediate(db):
    # IMMEDIATE takes the write lock at once: two logins that fail together both count.
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _iso(moment):
    return moment.isoformat(timespec="seconds") if moment else None


def _moment(text):
    return datetime.datetime.fromisoformat(text) if text else None


def _account(row):
    values = dict(zip(ACCOUNT_COLUMNS, row, strict=True))
    values["active"] = bool(values["active"])
    values["created_at"] = _moment(values["created_at"])
    values["last_login_at"] = _moment(values["last_login_at"])
    return Account(**values)


def _select_accounts(db, where="1", params=()):
    columns = ", ".join(ACCOUNT_COLUMNS)
    rows = db.execute(f"SELECT {columns} FROM staff_accounts WHERE {where} ORDER BY username", params).fetchall()
    return [_account(row) for row in rows]


def insert_account(db, account):
    """Insert a new account (its id is ignored) and return it with its id."""
    try:
        cursor = db.execute(
            "INSERT INTO staff_accounts (username, display_name, role, desk_name, desk_resource_id, password_hash, "
            "active, session_generation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                account.username,
                account.display_name,
                account.role,
                account.desk_name,
                account.desk_resource_id,
                account.password_hash,
                int(account.active),
                account.session_generation,
                _iso(account.created_at),
            ),
        )
    except sqlite3.IntegrityError as error:
        raise DuplicateUsernameError(account.username) from error
    return get_account(db, cursor.lastrowid)


def get_account(db, account_id):
    """Return the account of this id, or None."""
    found = _select_accounts(db, "id = ?", (account_id,))
    return found[0] if found else None


def get_account_by_username(db, username):
    """Return the account of this (normalized) username, or None."""
    found = _select_accounts(db, "username = ?", (username,))
    return found[0] if found else None


def list_accounts(db):
    """Return every account, by username."""
    return _select_accounts(db)


def update_account(db, account_id, **changes):
    """Change some columns of an account; return the updated account."""
    unknown = set(changes) - set(ACCOUNT_COLUMNS[1:])
    if unknown:
        raise ValueError(f"unknown account columns: {sorted(unknown)}")
    values = {name: (_iso(value) if isinstance(value, datetime.datetime) else value) for name, value in changes.items()}
    if "active" in values:
        values["active"] = int(values["active"])
    assignments = ", ".join(f"{name} = ?" for name in values)
    db.execute(f"UPDATE staff_accounts SET {assignments} WHERE id = ?", (*values.values(), account_id))
    return get_account(db, account_id)


def get_throttle(db, username):
    """Return the login throttle of a name tried (an empty one when it never failed)."""
    row = db.execute(
        "SELECT failures, first_failure_at, locked_until FROM login_throttle WHERE username = ?", (username,)
    ).fetchone()
    if row is None:
        return Throttle()
    return Throttle(row[0], _moment(row[1]), _moment(row[2]))


def update_throttle(db, username, change, now, forget_before):
    """Replace a name's throttle by change(current) in one write transaction; forget stale rows."""
    with _immediate(db):
        updated = change(get_throttle(db, username))
        db.execute(
            "INSERT OR REPLACE INTO login_throttle (username, failures, first_failure_at, locked_until) VALUES (?, ?, ?, ?)",
            (username, updated.failures, _iso(updated.first_failure_at), _iso(updated.locked_until)),
        )
        # Rows of names that stopped failing long ago and are not locked tell nothing any more.
        db.execute(
            "DELETE FROM login_throttle WHERE username != ? AND (locked_until IS NULL OR locked_until < ?) "
            "AND first_failure_at < ?",
            (username, _iso(now), _iso(forget_before)),
        )
    return updated


def clear_throttle(db, username):
    """Forget the failed attempts of a name."""
    db.execute("DELETE FROM login_throttle WHERE username = ?", (username,))
