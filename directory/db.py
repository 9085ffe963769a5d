"""The database of a running app: one connection per thread, built from data/ when missing.

Opening SQLite and setting its pragmas costs more than most page queries, so each server
thread keeps its connection between requests (reopened if the file was replaced). A
request never leaves a transaction open: teardown rolls back whatever a failed write left.
"""

import datetime
import logging
import os
import threading

from flask import current_app
from flask import g

from directory import datafiles
from directory import storage

log = logging.getLogger(__name__)


def get_db():
    """Return this thread's database connection (opened on first use, or when the file changed)."""
    if "db" not in g:
        g.db = _thread_connection(current_app)
    return g.db


def _thread_connection(app):
    path = app.config["DATABASE"]
    try:
        identity = os.stat(path).st_ino
    except OSError:
        identity = None
    pool = app.extensions["db_connections"]
    cached = getattr(pool, "connection", None)
    if cached is not None and cached[0] == identity:
        return cached[1]
    if cached is not None:
        cached[1].conn.close()
    db = storage.open_database(path)
    pool.connection = (identity, db)
    return db


def release_db(_error=None):
    """End the request's use of the connection: roll back anything a failed write left open."""
    db = g.pop("db", None)
    if db is not None and db.conn.in_transaction:
        db.conn.rollback()


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
    app.extensions["db_connections"] = threading.local()
    app.teardown_appcontext(release_db)
    ensure_database(app)
