"""The error reports table: the only module with its SQL.

Created by a step of the database's one schema history (directory.storage.MIGRATIONS).
No column holds an IP address or a session identifier.
"""

import datetime

from reports.models import Report

COLUMNS = ("id", "resource_id", "created_at", "topic", "message", "contact", "status", "handled_by", "handled_at")


def create_report_tables(db):
    """Migration step: the reports sent with « Signaler une erreur »."""
    db.execute(
        """
        CREATE TABLE error_reports (
            id INTEGER PRIMARY KEY,
            resource_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            topic TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '',
            contact TEXT,
            status TEXT NOT NULL DEFAULT 'open',
            handled_by TEXT,
            handled_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX error_reports_by_status ON error_reports (status, created_at)")


def _moment(text):
    return datetime.datetime.fromisoformat(text) if text else None


def _report(row):
    values = dict(zip(COLUMNS, row, strict=True))
    values["created_at"] = _moment(values["created_at"])
    values["handled_at"] = _moment(values["handled_at"])
    return Report(**values)


def insert_report(db, report):
    """Store a new report and return its id."""
    cursor = db.execute(
        "INSERT INTO error_reports (resource_id, created_at, topic, message, contact) VALUES (?, ?, ?, ?, ?)",
        (report.resource_id, report.created_at.isoformat(timespec="seconds"), report.topic, report.message, report.contact),
    )
    return cursor.lastrowid


def count_reports_since(db, moment):
    """Return how many reports were sent at or after a moment (for the global rate limit)."""
    row = db.execute("SELECT COUNT(*) FROM error_reports WHERE created_at >= ?", (moment.isoformat(timespec="seconds"),))
    return row.fetchone()[0]


def list_reports(db, status="open"):
    """Return the reports of a status, oldest first for the open queue, newest first otherwise."""
    order = "created_at, id" if status == "open" else "handled_at DESC, id DESC"
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM error_reports WHERE status = ? ORDER BY {order}", (status,))
    return [_report(row) for row in rows.fetchall()]


def count_open_reports(db):
    """Return {resource_id: number of open reports}."""
    rows = db.execute("SELECT resource_id, COUNT(*) FROM error_reports WHERE status = 'open' GROUP BY resource_id")
    return dict(rows.fetchall())


def close_report(db, report_id, status, account_name, moment):
    """Mark a report done or dismissed, and erase its contact: it is not needed any more."""
    cursor = db.execute(
        "UPDATE error_reports SET status = ?, handled_by = ?, handled_at = ?, contact = NULL WHERE id = ? AND status = 'open'",
        (status, account_name, moment.isoformat(timespec="seconds"), report_id),
    )
    return cursor.rowcount == 1
