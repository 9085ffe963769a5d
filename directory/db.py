"""The database of a running app: one connection per request, built from data/ when missing."""

import datetime
import logging

from flask import current_app
from flask import g

from directory import datafiles
from directory import storage

log = logging.getLogger(__name__)


def get_db():
    """Return this request's database connection (opened on first use)."""
    if "db" not in g:
        g.db = storage.open_database(current_app.config["DATABASE"])
    return g.db


def close_db(_error=None):
    """Close the request's connection, if one was opened."""
    db = g.pop("db", None)
    if db is not None:
        db.conn.close()


def build_database(db, data_dir, today=None):
    """Load every valid record of data_dir into the database; return the problems found."""
    resources, problems = datafiles.load_resources(data_dir, today=today or datetime.date.today())
    storage.migrate(db)
    storage.replace_all_resources(db, resources)
    return resources, problems


def ensure_database(app):
    """Create the database from data/ on first start, and bring its schema up to date."""
    path = app.config["DATABASE"]
    is_new = not path.exists() if hasattr(path, "exists") else True
    db = storage.open_database(path)
    try:
        applied = storage.migrate(db)
        if applied and not is_new:
            log.info("database %s migrated to schema version %s", path, applied[-1])
        if storage.count_resources(db) == 0 and storage.content_version(db) == 0:
            resources, problems = build_database(db, app.config["DATA_DIR"])
            log.info("database %s built from %s: %d resources", path, app.config["DATA_DIR"], len(resources))
            for problem in problems:
                log.warning("data problem, record left out: %s", problem.french())
    finally:
        db.conn.close()


def init_app(app):
    """Close connections after each request and make sure the database exists."""
    app.teardown_appcontext(close_db)
    ensure_database(app)
