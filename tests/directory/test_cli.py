"""The directory commands: check-data, init-db, import, export, reindex."""

import dataclasses
import shutil

from directory import storage
from tests.conftest import FIXTURE_DATA
from tests.conftest import content_version_of


def test_check_data_passes_on_the_fixture(runner):
    result = runner.invoke(args=["check-data", "--data-dir", str(FIXTURE_DATA)])
    assert result.exit_code == 0, result.output
    assert "0 problème(s)" in result.output


def test_check_data_names_the_record_and_the_field(runner, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, folder)
    path = folder / "resources" / "fixture.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('postal_code: "75013"', 'postal_code: "75012"', 1).replace('phone: "3238"', 'phone: "32 38"'),
        encoding="utf-8",
    )
    result = runner.invoke(args=["check-data", "--data-dir", str(folder)])
    assert result.exit_code == 1
    assert "(mediation-test-13) · postal_code" in result.output
    assert "(aripa-test) · phone" in result.output


def test_init_db_rebuilds_with_the_same_ids(app, runner):
    before = set(_ids(app))
    result = runner.invoke(args=["init-db", "--data-dir", str(FIXTURE_DATA)])
    assert result.exit_code == 0, result.output
    assert set(_ids(app)) == before


def test_init_db_if_missing_keeps_an_existing_database(runner):
    result = runner.invoke(args=["init-db", "--if-missing"])
    assert "déjà présente" in result.output


def test_init_db_refuses_to_lose_changes_made_since_unless_forced(app, runner):
    db = storage.open_database(app.config["DATABASE"])
    try:
        resource = storage.get_resource(db, "laep-test-14")
        renamed = dataclasses.replace(resource, name="LAEP renommé par une référente")
        storage.update_resource(db, renamed, storage.resource_version(db, resource.id), actor="amina")
    finally:
        db.conn.close()
    result = runner.invoke(args=["init-db", "--data-dir", str(FIXTURE_DATA)])
    assert result.exit_code == 1
    assert "1 modification(s)" in result.output and "--force" in result.output
    assert "LAEP renommé par une référente" in _names(app)  # nothing was replaced
    result = runner.invoke(args=["init-db", "--data-dir", str(FIXTURE_DATA), "--force"])
    assert result.exit_code == 0, result.output
    assert "LAEP renommé par une référente" not in _names(app)
    assert runner.invoke(args=["init-db", "--data-dir", str(FIXTURE_DATA)]).exit_code == 0  # nothing new since


def _resources(app):
    db = storage.open_database(app.config["DATABASE"])
    try:
        return list(storage.iter_resources(db))
    finally:
        db.conn.close()


def _names(app):
    return [resource.name for resource in _resources(app)]


def _ids(app):
    return [resource.id for resource in _resources(app)]


def test_export_then_import_changes_nothing(app, runner, tmp_path):
    exported = tmp_path / "export.csv"
    assert runner.invoke(args=["export", "--format", "csv", "--output", str(exported)]).exit_code == 0
    result = runner.invoke(args=["import", str(exported)])
    assert result.exit_code == 0, result.output
    assert "0 créées, 0 modifiées, 12 inchangées" in result.output


def test_import_creates_and_updates_and_the_search_sees_it(app, client, runner, tmp_path):
    exported = tmp_path / "export.csv"
    runner.invoke(args=["export", "--output", str(exported)])
    text = exported.read_text(encoding="utf-8").replace("LAEP Les Petits Pas", "LAEP Les Grands Pas")
    laep_line = next(line for line in text.splitlines() if line.startswith("laep-test-14,"))
    text += (
        laep_line.replace("laep-test-14", "laep-nouveau-14")
        .replace("Les Grands Pas", "Le Nouveau Nid")
        .replace("10 rue", "12 rue")
        + "\n"
    )
    edited = tmp_path / "edited.csv"
    edited.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["import", str(edited)])
    assert result.exit_code == 0, result.output
    assert "1 créées, 1 modifiées" in result.output
    found = client.get("/api/v1/search?q=nouveau+nid").get_json()
    assert [hit["id"] for hit in found["results"]] == ["laep-nouveau-14"]
    assert client.get("/api/v1/search?q=grands").get_json()["total"] == 1


def test_a_broken_import_writes_nothing_and_says_where(app, runner, tmp_path):
    exported = tmp_path / "export.csv"
    runner.invoke(args=["export", "--output", str(exported)])
    lines = exported.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("ARIPA", "ARIPA renommée")
    broken_line = next(number for number, line in enumerate(lines) if line.startswith("ludo-test-19,"))
    lines[broken_line] = lines[broken_line].replace("75019", "75099")
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    version = content_version_of(app)
    result = runner.invoke(args=["import", str(broken)])
    assert result.exit_code == 1
    assert f"ligne {broken_line + 1} (ludo-test-19) · postal_code" in result.output
    assert "rien n'a été importé" in result.output
    assert content_version_of(app) == version


def test_import_refuses_unknown_formats(runner, tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"PK\x03\x04")
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert "format inconnu" in result.output


def test_import_dry_run_writes_nothing(app, runner, tmp_path):
    exported = tmp_path / "export.csv"
    runner.invoke(args=["export", "--output", str(exported)])
    version = content_version_of(app)
    result = runner.invoke(args=["import", "--dry-run", str(exported)])
    assert result.exit_code == 0
    assert "rien n'a été écrit" in result.output
    assert content_version_of(app) == version


def test_reindex_swaps_in_a_new_index(app, runner):
    index_dir = app.config["INDEX_DIR"]
    before = (index_dir / "current").readlink()
    result = runner.invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert (index_dir / "current").readlink() != before
