"""The search index of a running app: opened once, healed at start, kept in step with writes.

Writers call `sync_index(db)` after each write; nothing else is needed. The storage
functions that write resources queue the ids they touch (the `index_queue` table) in the
same transaction, and `sync_index` takes that queue: one document at a time for a few
changes, a complete rebuild (beside the old index, swapped in at once) for many. If the index
write fails, the queue stays: the next search of any process retries after
SYNC_RETRY_SECONDS, and the next start in any case.
"""

import logging
import time
from dataclasses import dataclass

from flask import current_app

from directory import storage
from search import engine
from search.analysis import french_analyzer
from search.index import SearchIndex
from search.interpretation import interpret
from search.spelling import corrected_text
from search.synonyms import SynonymTable
from search.synonyms import load_groups

log = logging.getLogger(__name__)

REBUILD_ABOVE = 500  # more queued changes than this are taken by one rebuild
MAX_EDIT_SEGMENTS = 20  # edits beyond this many small segments make the next sync a rebuild
SYNC_RETRY_SECONDS = 5.0  # a failed index write is retried by searches at most this often


@dataclass
class SearchResult:
    """What a search shows: the resources of the page and everything around them."""

    total: int
    hits: list  # [(Resource, score)]
    facets: engine.Facets
    suggestion: str | None
    terms: frozenset
    interpretation: object


def get_index():
    """Return the app's SearchIndex."""
    return current_app.extensions["search_index"]


def get_analyzer():
    """Return the analyzer used to read queries (the index's own)."""
    return current_app.extensions["search_analyzer"]


def _take_queue(index, db, progress=None, force_rebuild=False):
    """Apply the queued changes to the index (caller holds no lock); return a word on what was done."""
    with index.write_lock():
        version = storage.content_version(db)
        queued = storage.queued_for_index(db)
        if not force_rebuild and not queued and index.is_current(version):
            return "up to date"
        if (
            force_rebuild
            or not index.is_schema_current()  # missing, or built by another version of the code
            or storage.EVERYTHING in queued
            or len(queued) > REBUILD_ABOVE
            or index.edit_segments() >= MAX_EDIT_SEGMENTS
            or not queued  # the versions differ and nothing says what changed
        ):
            count = storage.count_resources(db)
            index.rebuild(storage.iter_resources(db), version, count=count, progress=progress)
            outcome = f"rebuilt with {count} resources"
        else:
            wanted = sorted(queued)
            changed = storage.get_resources(db, wanted)
            found = {resource.id for resource in changed}
            index.update(changed, [identifier for identifier in wanted if identifier not in found], version)
            outcome = f"{len(wanted)} change(s) taken"
        storage.forget_queued(db, queued)
        return outcome


def sync_index(db):
    """Bring the search index in step with the database: call it after every write.

    Returns True when the index is up to date, False when the index write failed: the
    failure is logged and the changes stay queued, to be retried by the next search or start.
    """
    index = get_index()
    try:
        _take_queue(index, db)
    except Exception:  # noqa: BLE001 - the database write stands; the queue keeps the index change
        log.exception("search index update failed; the changes stay queued and will be retried")
        index.last_failure = time.monotonic()
        return False
    return True


def rebuild_index(db, progress=None):
    """Rebuild the whole index from the database (the `reindex` and `init-db` commands)."""
    _take_queue(get_index(), db, progress=progress, force_rebuild=True)


def heal_if_lagging(db):
    """Retry queued index changes that a failed write left behind (at most every few seconds)."""
    index = get_index()
    if time.monotonic() - index.last_failure < SYNC_RETRY_SECONDS or not storage.has_queued_changes(db):
        return
    sync_index(db)


def ensure_index(app):
    """Build the index when it is missing, or bring it up to date when it is older than the database."""
    index = app.extensions["search_index"]
    with index.write_lock():
        index.remove_unfinished_builds()  # a rebuild killed mid-way (see tests/quality/test_crash_safety.py)
    db = storage.open_database(app.config["DATABASE"])
    try:
        reason = "missing" if index.current_generation() is None else "older than the database"
        outcome = _take_queue(index, db)
        if outcome != "up to date":
            log.info("search index %s was %s: %s", index.root, reason, outcome)
    finally:
        db.conn.close()


def init_app(app):
    """Attach the index, the analyzer and the synonyms to the app, and heal the index if needed."""
    app.extensions["search_index"] = SearchIndex(app.config["INDEX_DIR"])
    app.extensions["search_analyzer"] = french_analyzer()
    app.extensions["search_synonyms"] = SynonymTable(load_groups())
    ensure_index(app)


def search_resources(db, search_request, moment):
    """Run a checked search; return the SearchResult of the page asked."""
    heal_if_lagging(db)
    analyzer = get_analyzer()
    synonyms = current_app.extensions["search_synonyms"]
    view = get_index().view()
    interpretation = interpret(search_request.text, synonyms, analyzer)
    suggestion = corrected_text(interpretation, view.speller)
    if suggestion:
        interpretation = interpret(suggestion, synonyms, analyzer)
    ranking = engine.rank(view, interpretation, search_request.filters, moment, search_request.page, search_request.per_page)
    resources = {resource.id: resource for resource in storage.get_resources(db, [identifier for identifier, _ in ranking.hits])}
    # A hit whose record vanished between index and database is skipped, never shown stale.
    hits = [(resources[identifier], score) for identifier, score in ranking.hits if identifier in resources]
    return SearchResult(ranking.total, hits, ranking.facets, suggestion, ranking.terms, interpretation)
