"""The index on disk: atomic swaps, self-healing at start, updates after writes."""

import shutil
import threading

from app import create_app
from directory import storage
from search import service
from search import snapshot
from search.index import SearchIndex
from search.service import sync_index
from tests.conftest import content_version_of


def test_a_missing_index_is_rebuilt_at_start(app, caplog):
    shutil.rmtree(app.config["INDEX_DIR"])
    with caplog.at_level("INFO"):
        create_app(dict(app.config))
    assert "was missing: rebuilt" in caplog.text
    assert SearchIndex(app.config["INDEX_DIR"]).current_generation() is not None


def test_an_index_older_than_the_database_is_rebuilt_at_start(app, caplog):
    db = storage.open_database(app.config["DATABASE"])
    resource = storage.get_resource(db, "laep-test-14")
    resource.name = "LAEP Renommé"
    storage.upsert_resources(db, [resource])
    db.conn.close()
    with caplog.at_level("INFO"):
        fresh = create_app(dict(app.config))
    assert "older than the database" in caplog.text
    result = fresh.test_client().get("/api/v1/search?q=renomme").get_json()
    assert [hit["id"] for hit in result["results"]] == ["laep-test-14"]


def test_an_index_built_with_another_taxonomy_order_is_rebuilt_at_start(app, monkeypatch):
    index = SearchIndex(app.config["INDEX_DIR"])
    before = index.current_generation()
    assert index.is_schema_current()
    # A release that inserts a kind in the middle of the taxonomy changes the stored positions.
    monkeypatch.setattr(snapshot, "TAXONOMY_ORDER", "another-order")
    assert not index.is_schema_current()
    fresh = create_app(dict(app.config))
    assert SearchIndex(app.config["INDEX_DIR"]).current_generation() != before
    result = fresh.test_client().get("/api/v1/search?kind=laep").get_json()
    assert [hit["id"] for hit in result["results"]] == ["laep-test-14"]


def test_a_rebuild_keeps_the_previous_generation_for_open_readers(app):
    index = SearchIndex(app.config["INDEX_DIR"])
    first = index.current_generation()
    db = storage.open_database(app.config["DATABASE"])
    resources = list(storage.iter_resources(db))
    version = storage.content_version(db)
    db.conn.close()
    with index.searcher() as searcher:  # a reader on the old generation…
        index.rebuild(resources, version)
        assert searcher.doc_count() == 11  # …still reads it after the swap
    second = index.current_generation()
    assert second != first
    index.rebuild(resources, version)
    assert not first.exists()  # only two generations are kept
    assert second.exists()


def test_a_half_built_generation_is_never_current(app):
    index = SearchIndex(app.config["INDEX_DIR"])
    (index.root / "gen-99999999999999999999").mkdir()  # a build killed mid-way
    assert index.current_generation() != index.root / "gen-99999999999999999999"
    assert index.is_current(content_version_of(app))


def test_a_half_built_generation_is_removed_at_the_next_start(app):
    half = SearchIndex(app.config["INDEX_DIR"]).root / "gen-1"
    half.mkdir()
    (half / "_MAIN_1.toc").write_bytes(b"")  # a build killed mid-way (tests/quality/test_crash_safety.py kills real ones)
    create_app(dict(app.config))
    assert not half.exists()
    assert SearchIndex(app.config["INDEX_DIR"]).is_current(content_version_of(app))


def rename(app, resource_id, name, **changes):
    """Write through the storage and sync the index, as every writer does."""
    db = storage.open_database(app.config["DATABASE"])
    try:
        resource = storage.get_resource(db, resource_id)
        resource.name = name
        for field_name, value in changes.items():
            setattr(resource, field_name, value)
        storage.upsert_resources(db, [resource])
        with app.app_context():
            return sync_index(db)
    finally:
        db.conn.close()


def found(client, text):
    return [hit["id"] for hit in client.get("/api/v1/search", query_string={"q": text}).get_json()["results"]]


def test_a_write_is_searchable_at_once_and_the_queue_is_emptied(app, client):
    assert rename(app, "laep-test-14", "LAEP Arlequin")
    assert found(client, "arlequin") == ["laep-test-14"]
    db = storage.open_database(app.config["DATABASE"])
    assert storage.queued_for_index(db) == {}
    db.conn.close()


def test_a_closed_resource_leaves_the_index(app, client):
    rename(app, "laep-test-14", "LAEP Arlequin", status="closed")
    assert found(client, "arlequin") == []


def test_a_failed_index_write_stays_queued_and_heals_at_the_next_search(app, client, monkeypatch, caplog):
    def broken_update(*_args, **_kwargs):
        raise OSError("disk full")

    original = SearchIndex.update
    monkeypatch.setattr(SearchIndex, "update", broken_update)
    assert not rename(app, "laep-test-14", "LAEP Arlequin")
    assert "stay queued" in caplog.text
    monkeypatch.setattr(SearchIndex, "update", original)
    app.extensions["search_index"].last_failure = float("-inf")  # the retry delay has passed
    assert found(client, "arlequin") == ["laep-test-14"]


def test_two_writers_at_once_both_reach_the_index(app, client):
    threads = [
        threading.Thread(target=rename, args=(app, "laep-test-14", "LAEP Arlequin")),
        threading.Thread(target=rename, args=(app, "rif-test-14", "RIF Boussole")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found(client, "arlequin") == ["laep-test-14"]
    assert found(client, "boussole") == ["rif-test-14"]


def test_many_edits_end_in_a_rebuild(app, client, monkeypatch):
    monkeypatch.setattr(service, "MAX_EDIT_SEGMENTS", 2)
    index = SearchIndex(app.config["INDEX_DIR"])
    for number in range(3):
        rename(app, "laep-test-14", f"LAEP Numero{number}x")
    assert index.edit_segments() <= 1
    assert found(client, "numero2x") == ["laep-test-14"]


def test_the_snapshot_of_a_segment_is_what_whoosh_holds(app):
    index = SearchIndex(app.config["INDEX_DIR"])
    generation = index.current_generation()
    with index.searcher() as searcher:
        for segment_reader, _offset in searcher.reader().leaf_readers():
            read = snapshot.read_segment(segment_reader)
            saved = snapshot.load_segment(generation / f"snapshot-{segment_reader.segment().segment_id()}")
            assert read.ids == saved.ids and read.vocabulary == saved.vocabulary
            assert all((getattr(read, name) == getattr(saved, name)).all() for name in snapshot.ARRAYS)
            docs, weights = saved.text.row("parent")
            assert len(docs) == len(weights) > 0
