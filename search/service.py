"""The search index of a running app: opened once, healed at start, kept in step with writes."""

import datetime
import logging

from flask import current_app

from directory import hours
from directory import storage
from search.analysis import french_analyzer
from search.index import SearchIndex
from search.queries import search_page

log = logging.getLogger(__name__)

OPEN_NOW_CANDIDATES = 2000  # hits checked against the clock for the "open now" filter


def get_index():
    """Return the app's SearchIndex."""
    return current_app.extensions["search_index"]


def get_analyzer():
    """Return the analyzer used to read queries (the index's own)."""
    return current_app.extensions["search_analyzer"]


def rebuild_index(index, db, progress=None):
    """Rebuild the whole index from the database; return the number of resources read."""
    version = storage.content_version(db)
    resources = list(storage.iter_resources(db))
    index.rebuild(resources, version, datetime.date.today(), progress=progress)
    return len(resources)


def sync_index(db, changed_ids=(), deleted_ids=()):
    """Bring the index in step after a database write (whole rebuild if it was missing)."""
    index = get_index()
    version = storage.content_version(db)
    if index.current_generation() is None:
        rebuild_index(index, db)
        return
    changed = storage.get_resources(db, list(changed_ids))
    index.update(changed, deleted_ids, version, datetime.date.today())


def ensure_index(app):
    """Build the index when it is missing, or rebuild it when it is older than the database."""
    index = app.extensions["search_index"]
    db = storage.open_database(app.config["DATABASE"])
    try:
        version = storage.content_version(db)
        if index.is_current(version):
            return
        reason = "missing" if index.current_generation() is None else "older than the database"
        count = rebuild_index(index, db)
        log.info("search index %s was %s: rebuilt with %d resources", index.root, reason, count)
    finally:
        db.conn.close()


def init_app(app):
    """Attach the index to the app and heal it if needed."""
    app.extensions["search_index"] = SearchIndex(app.config["INDEX_DIR"])
    app.extensions["search_analyzer"] = french_analyzer()
    ensure_index(app)


def search_resources(db, search_request, moment):
    """Run a checked search; return (total, [(Resource, score)]) for the page asked."""
    analyzer = get_analyzer()
    with get_index().searcher() as searcher:
        if not search_request.open_now:
            found = search_page(
                searcher, analyzer, search_request.text, search_request.filters, search_request.page, search_request.per_page
            )
            total, hits = found.total, found.hits
        else:
            # "Open now" depends on the clock, not on the index: filter every hit, then paginate.
            found = search_page(searcher, analyzer, search_request.text, search_request.filters, 1, OPEN_NOW_CANDIDATES)
            by_id = {resource.id: resource for resource in storage.get_resources(db, [hit[0] for hit in found.hits])}
            open_hits = [
                hit
                for hit in found.hits
                if hit[0] in by_id and hours.is_open_at(by_id[hit[0]].opening_hours, moment) and by_id[hit[0]].status == "open"
            ]
            start = (search_request.page - 1) * search_request.per_page
            total, hits = len(open_hits), open_hits[start : start + search_request.per_page]
    resources = {resource.id: resource for resource in storage.get_resources(db, [hit[0] for hit in hits])}
    # A hit whose record vanished between index and database is skipped, never shown stale.
    return total, [(resources[identifier], score) for identifier, score in hits if identifier in resources]
