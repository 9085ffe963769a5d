"""The database module: migrations, stable ids, upserts, filters."""

import datetime

import pytest

from directory import storage
from directory.models import resource_from_mapping


def make(identifier, **values):
    base = {
        "id": identifier,
        "name": identifier.title(),
        "kind": "laep",
        "status": "open",
        "arrondissement": 14,
        "postal_code": "75014",
        "description": "Un lieu.",
        "source": "https://example.org/",
        "verified_on": datetime.date(2025, 1, 1),
        "confidence": "high",
    }
    base.update(values)
    return resource_from_mapping(base)


@pytest.fixture
def db(tmp_path):
    database = storage.open_database(tmp_path / "db.sqlite3")
    storage.migrate(database)
    yield database
    database.conn.close()


def test_migrations_apply_once_and_set_the_version(tmp_path):
    database = storage.open_database(tmp_path / "new.sqlite3")
    assert storage.schema_version(database) == 0
    assert storage.migrate(database) == [version for version, _, _ in storage.MIGRATIONS]
    assert storage.migrate(database) == []
    assert storage.schema_version(database) == storage.SCHEMA_VERSION
    assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_replace_keeps_ids_and_round_trips_every_field(db):
    resource = make("a", themes=["vacances"], access=["walk_in"], languages=["fr", "ar"], descriptions={"en": "A place."})
    storage.replace_all_resources(db, [resource])
    storage.replace_all_resources(db, [resource])
    assert storage.get_resource(db, "a") == resource
    assert storage.count_resources(db) == 1


def test_every_write_bumps_the_content_version(db):
    before = storage.content_version(db)
    storage.replace_all_resources(db, [make("a")])
    storage.upsert_resources(db, [make("b")])
    assert storage.content_version(db) == before + 2


def test_upsert_counts_created_updated_unchanged_and_versions(db):
    storage.replace_all_resources(db, [make("a"), make("b")])
    created, updated, unchanged = storage.upsert_resources(db, [make("a"), make("b", name="Nouveau nom"), make("c")])
    assert (created, updated, unchanged) == (1, 1, 1)
    assert storage.resource_updated_at(db, "b")[0] == 2
    assert storage.resource_updated_at(db, "a")[0] == 1


def test_a_failed_write_leaves_nothing(db):
    storage.replace_all_resources(db, [make("a")])
    version = storage.content_version(db)
    with pytest.raises(RuntimeError):
        with storage.write_transaction(db):
            db.execute("DELETE FROM resources")
            raise RuntimeError("crash in the middle")
    assert storage.count_resources(db) == 1
    assert storage.content_version(db) == version


def test_list_by_theme_uses_kind_defaults_and_extra_themes(db):
    storage.replace_all_resources(
        db,
        [
            make("laep"),
            make("cs", kind="centre_social", themes=["vacances"]),
            make("piv", kind="piv"),
            make("old", status="planned", kind="piv"),
        ],
    )
    assert [r.id for r in storage.list_resources(db, theme="vacances")] == ["cs", "piv"]
    assert [r.id for r in storage.list_resources(db, theme="vacances", statuses=("planned",))] == ["old"]
    assert storage.counts_by_arrondissement(db) == {14: 3}


def test_list_by_several_kinds_and_near_arrondissements_keeps_remote_services(db):
    storage.replace_all_resources(
        db,
        [
            make("here"),
            make("next-door", arrondissement=15, postal_code="75015"),
            make("far", arrondissement=19, postal_code="75019"),
            make("line", arrondissement=None, postal_code=None),
            make("pmi", kind="pmi"),
            make("cs", kind="centre_social"),
        ],
    )
    assert [r.id for r in storage.list_resources(db, kinds=["laep", "pmi"])] == ["far", "here", "line", "next-door", "pmi"]
    assert [r.id for r in storage.list_resources(db, kinds=["laep"], near=[14, 15])] == ["here", "line", "next-door"]
    assert [r.id for r in storage.list_resources(db, kinds=["laep"], near=[])] == ["line"]
    assert storage.list_resources(db, kinds=[]) == []
