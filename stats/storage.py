"""The anonymous daily counters: the only module with their SQL.

One row per (day, metric, detail) with a count; nothing else is stored. Created by a step of
the database's one schema history (directory.storage.MIGRATIONS).
"""


def create_statistics_tables(db):
    """Migration step: the daily counters."""
    db.execute(
        """
        CREATE TABLE daily_counts (
            day TEXT NOT NULL,
            metric TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            count INTEGER NOT NULL,
            PRIMARY KEY (day, metric, detail)
        )
        """
    )


def increment(db, day, metric, detail=""):
    """Add one to a counter of a day; return its new value."""
    rows = db.execute(
        "INSERT INTO daily_counts (day, metric, detail, count) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (day, metric, detail) DO UPDATE SET count = count + 1 RETURNING count",
        (day.isoformat(), metric, detail),
    ).fetchall()  # read to the end: the statement completes and its change is written
    return rows[0][0]


def counts_between(db, first_day, last_day, metrics):
    """Return [(day, metric, detail, count)] of these metrics from first_day to last_day included, by day."""
    marks = ", ".join("?" for _ in metrics)
    rows = db.execute(
        f"SELECT day, metric, detail, count FROM daily_counts WHERE day BETWEEN ? AND ? AND metric IN ({marks}) "
        "ORDER BY day, metric, count DESC, detail",
        (first_day.isoformat(), last_day.isoformat(), *metrics),
    )
    return rows.fetchall()
