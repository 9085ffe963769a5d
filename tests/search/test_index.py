"""The index on disk: atomic swaps, self-healing at start, updates after writes."""

import shutil

from app import create_app
from directory import storage
from search.index import SearchIndex
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
