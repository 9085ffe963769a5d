"""data·inclusion and HSDS: exports valid against the official schemas, imports that lose nothing."""

import csv
import datetime
import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator
from jsonschema import Draft202012Validator

from directory import datafiles
from directory import storage
from directory.exporting import export_bytes
from directory.formats import batch
from directory.formats import datainclusion
from directory.formats import hsds
from directory.formats import mappings
from directory.validation import clean_record
from tests.conftest import FIXTURE_DATA
from tests.conftest import content_version_of

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
MAPPINGS = Path(__file__).resolve().parents[2] / "data" / "mappings"


def validator(path, draft):
    schema = json.loads((SCHEMAS / path).read_text(encoding="utf-8"))
    return draft(schema, format_checker=draft.FORMAT_CHECKER)


def errors_of(checker, record):
    return [f"{list(error.path)}: {error.message}" for error in checker.iter_errors(record)]


@pytest.fixture(scope="module")
def fixture_resources():
    resources, problems = datafiles.load_resources(FIXTURE_DATA, today=datetime.date.today())
    assert not problems
    return resources


@pytest.fixture(scope="module")
def curated_resources():
    resources, _problems = datafiles.load_resources(Path(__file__).resolve().parents[2] / "data", today=datetime.date.today())
    return resources


def test_datainclusion_export_is_valid_against_the_schema(fixture_resources, curated_resources):
    structures = validator("datainclusion-v1/structure.json", Draft7Validator)
    services = validator("datainclusion-v1/service.json", Draft7Validator)
    for resources in (fixture_resources, curated_resources):
        document = datainclusion.export_document(resources, lambda resource: f"https://example.org/fr/resources/{resource.id}")
        assert len(document["structures"]) == len(document["services"]) == len(resources)
        for record in document["structures"]:
            assert errors_of(structures, record) == [], record["id"]
        for record in document["services"]:
            assert errors_of(services, record) == [], record["id"]


def test_hsds_export_is_valid_against_the_compiled_schemas(fixture_resources, curated_resources):
    nested = validator("hsds-3.0/compiled/service.json", Draft202012Validator)
    listed = validator("hsds-3.0/compiled/service_list.json", Draft202012Validator)
    for resource in [*fixture_resources, *curated_resources]:
        service = hsds.service_for(resource, "2025-05-01T08:30:00.250+00:00")
        assert errors_of(nested, service) == [], resource.id
        assert errors_of(listed, hsds.list_item_for(resource, "2025-05-01T08:30:00.250+00:00")) == [], resource.id
        assert uuid.UUID(service["id"]).version == 5


def test_hsds_ids_are_stable_and_distinct(fixture_resources):
    first = [hsds.service_for(resource)["id"] for resource in fixture_resources]
    assert first == [hsds.service_for(resource)["id"] for resource in fixture_resources]
    assert len(set(first)) == len(first)


def test_the_hsds_datapackage_has_every_table_with_its_columns_and_required_values(fixture_resources):
    archive = zipfile.ZipFile(io.BytesIO(export_bytes("hsds-datapackage", fixture_resources)))
    descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["version"] == "3.0.0"
    tables = {}
    for resource in descriptor["resources"]:
        rows = list(csv.DictReader(io.StringIO(archive.read(resource["path"]).decode("utf-8"))))
        fields = resource["schema"]["fields"]
        reader = csv.reader(io.StringIO(archive.read(resource["path"]).decode("utf-8")))
        assert next(reader) == [field["name"] for field in fields], resource["path"]
        for row in rows:
            for field in fields:
                if field.get("constraints", {}).get("required"):
                    assert row[field["name"]], (resource["path"], field["name"])
                if field.get("format") == "uuid" and row[field["name"]]:
                    uuid.UUID(row[field["name"]])
        tables[resource["path"]] = rows
    service_ids = {row["id"] for row in tables["services.csv"]}
    assert len(service_ids) == len(fixture_resources)
    assert {row["service_id"] for row in tables["service_at_location.csv"]} <= service_ids
    used_terms = {row["taxonomy_term_id"] for row in tables["attributes.csv"]}
    assert used_terms == {row["id"] for row in tables["taxonomy_terms.csv"]}


def test_every_mapped_datainclusion_value_is_in_the_published_enumerations():
    enums = {
        name: {item["value"] for item in json.loads((SCHEMAS / "datainclusion-v1" / "extra" / f"{name}.json").read_text())}
        for name in ("thematiques", "publics", "reseaux-porteurs", "types-de-services", "frais", "modes-mobilisation")
    }
    mapping = yaml.safe_load((MAPPINGS / "datainclusion.yaml").read_text(encoding="utf-8"))
    for entries in (mapping["kinds"].values(), mapping["themes"].values()):
        for entry in entries:
            assert set(entry.get("thematiques", [])) <= enums["thematiques"]
            assert set(entry.get("publics", [])) <= enums["publics"]
            assert set(entry.get("reseaux_porteurs", [])) <= enums["reseaux-porteurs"]
            assert entry.get("type") is None or entry["type"] in enums["types-de-services"]
    for rule in mapping["import"]["kinds"]:
        assert set(rule.get("thematiques", [])) <= enums["thematiques"]
        assert set(rule.get("reseaux_porteurs", [])) <= enums["reseaux-porteurs"]
    assert set(mapping["import"]["frais"]) == enums["frais"]
    assert set(mapping["import"]["modes_mobilisation"]) == enums["modes-mobilisation"]


def test_a_mapping_naming_an_unknown_kind_stops_with_the_file_and_the_key(monkeypatch, tmp_path):
    text = (MAPPINGS / "hsds.yaml").read_text(encoding="utf-8").replace("{kind: laep,", "{kind: lapep,")
    (tmp_path / "hsds.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(mappings, "MAPPINGS_DIR", tmp_path)
    mappings.hsds.cache_clear()
    try:
        with pytest.raises(mappings.MappingError, match=r"hsds.yaml · import.kinds\[2\] : type de service inconnu « lapep »"):
            mappings.hsds()
    finally:
        mappings.hsds.cache_clear()


@pytest.mark.parametrize(
    "text",
    ["Mo-Fr 09:00-12:00,14:00-18:00", "Mo-We 09:00-17:00; Sa 10:00-12:00", "Tu-Sa 10:00-18:00"],
)
def test_weekly_hours_survive_hsds_schedules(text):
    assert hsds.opening_hours_from(hsds.schedules_for(text, "x")) == text


def test_schedules_that_osm_cannot_say_give_no_hours():
    assert hsds.opening_hours_from([{"freq": "MONTHLY", "byday": "1SA", "opens_at": "10:00", "closes_at": "12:00"}]) is None
    assert hsds.opening_hours_from([{"freq": "WEEKLY", "byday": "XX", "opens_at": "10:00", "closes_at": "12:00"}]) is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("+33 1 40 00 00 01", "01 40 00 00 01"),
        ("0140000001", "01 40 00 00 01"),
        ("01.40.00.00.01", "01 40 00 00 01"),
        ("3919", "3919"),
    ],
)
def test_phone_numbers_are_read_in_the_directory_format(given, expected):
    assert batch.phone_from_text(given) == expected


def test_foreign_ids_are_stable_valid_and_distinct():
    assert batch.foreign_id("di", "dora--abc123") == batch.foreign_id("di", "dora--abc123")
    assert batch.foreign_id("di", "dora--abc_123") != batch.foreign_id("di", "dora--abc-123")
    assert len(batch.foreign_id("hsds", "x" * 300)) <= 80


# The import command with each format.


def _export(runner, tmp_path, export_format, name):
    path = tmp_path / name
    result = runner.invoke(args=["export", "--format", export_format, "--output", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize(
    ("export_format", "name"), [("datainclusion", "di.json"), ("hsds", "hsds.json"), ("hsds-datapackage", "package.zip")]
)
def test_importing_our_own_export_changes_nothing(app, runner, tmp_path, export_format, name):
    path = _export(runner, tmp_path, export_format, name)
    version = content_version_of(app)
    for _ in range(2):
        result = runner.invoke(args=["import", str(path)])
        assert result.exit_code == 0, result.output
        assert "0 créées, 0 modifiées, 12 inchangées" in result.output
    assert content_version_of(app) == version + 2


def _datainclusion_file(tmp_path, services, structures=None):
    path = tmp_path / "services.json"
    path.write_text(json.dumps({"structures": structures or [], "services": services}), encoding="utf-8")
    return path


def _di_service(identifier, **values):
    service = {
        "source": "dora",
        "id": f"dora--{identifier}",
        "structure_id": "dora--s1",
        "nom": "LAEP La Cabane",
        "description": "Un lieu pour jouer avec son enfant de moins de 6 ans.",
        "date_maj": "2025-02-01",
        "lien_source": f"https://dora.inclusion.beta.gouv.fr/services/{identifier}",
        "thematiques": ["famille--soutien-a-la-parentalite-et-a-leducation"],
        "frais": "gratuit",
        "code_postal": "75019",
        "adresse": "4 rue des Exemples",
        "telephone": "+33142000000",
        "modes_mobilisation": ["se-presenter"],
        "horaires_accueil": "Mo-Fr 09:00-12:00",
    }
    service.update(values)
    return service


STRUCTURE = {
    "source": "dora",
    "id": "dora--s1",
    "nom": "Association La Cabane",
    "date_maj": "2025-01-01",
    "site_web": "https://example.org/cabane",
}


def test_a_datainclusion_service_becomes_a_resource_and_a_second_import_changes_nothing(app, runner, client, tmp_path):
    path = _datainclusion_file(tmp_path, [_di_service("abc")], [STRUCTURE])
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 créées" in result.output
    found = client.get("/api/v1/resources/di-dora-abc").get_json()
    assert (found["kind"], found["arrondissement"], found["phone"], found["cost"]) == ("laep", 19, "01 42 00 00 00", "free")
    assert found["website"] == "https://example.org/cabane"
    assert client.get("/api/v1/search?q=cabane").get_json()["total"] == 1
    again = runner.invoke(args=["import", str(path)])
    assert "0 créées, 0 modifiées, 1 inchangées" in again.output


def test_a_broken_datainclusion_file_writes_nothing_and_names_each_record(app, runner, tmp_path):
    services = [_di_service("ok"), _di_service("bad", code_postal="75099"), _di_service("bad2", horaires_accueil="lundi matin")]
    path = _datainclusion_file(tmp_path, services, [STRUCTURE])
    version = content_version_of(app)
    result = runner.invoke(args=["import", "--dry-run", str(path)])
    assert result.exit_code == 1
    assert "services · enregistrement 3 (di-dora-bad2) · opening_hours" in result.output
    assert "rien n'a été importé" in result.output
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert content_version_of(app) == version


def test_records_outside_paris_and_unknown_structures_are_reported(app, runner, tmp_path):
    outside = _di_service("loin", code_postal="93200", adresse="1 rue de Saint-Denis")
    orphan = _di_service("orphelin", structure_id="dora--inconnue")
    path = _datainclusion_file(tmp_path, [_di_service("ici"), outside, orphan], [STRUCTURE])
    result = runner.invoke(args=["import", "--dry-run", str(path)])
    assert "(di-dora-loin) · Hors de Paris" in result.output
    assert "enregistrement 3 (di-dora-orphelin) · structure_id : Structure inconnue" in result.output
    assert result.exit_code == 1


def test_an_import_leaves_archived_records_alone(app, runner, tmp_path):
    exported = _export(runner, tmp_path, "csv", "all.csv")
    db = storage.open_database(app.config["DATABASE"])
    try:
        storage.archive_resource(db, "laep-test-14", storage.resource_version(db, "laep-test-14"), "tester")
    finally:
        db.conn.close()
    result = runner.invoke(args=["import", str(exported)])
    assert result.exit_code == 0, result.output
    assert "(laep-test-14) · Fiche archivée" in result.output
    assert "0 créées, 0 modifiées, 11 inchangées" in result.output


def test_an_hsds_file_from_elsewhere_needs_a_source_and_takes_our_taxonomy(app, runner, client, tmp_path):
    service = hsds.service_for(datafiles.load_resources(FIXTURE_DATA, today=datetime.date.today())[0][0])
    service["id"] = str(uuid.uuid4())
    service["name"] = "LAEP Ailleurs"
    service.pop("url", None)
    service["organization"].pop("website", None)
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"total_items": 1, "contents": [service]}), encoding="utf-8")
    result = runner.invoke(args=["import", "--dry-run", str(path)])
    assert result.exit_code == 1
    assert "source : Ce champ est obligatoire." in result.output
    result = runner.invoke(args=["import", "--source", "https://example.org/feed", str(path)])
    assert result.exit_code == 0, result.output
    found = client.get(f"/api/v1/resources/hsds-{service['id']}").get_json()
    assert (found["kind"], found["opening_hours"], found["source"]) == (
        "laep",
        "Mo-Fr 09:00-12:00,14:00-18:00",
        "https://example.org/feed",
    )


def test_a_datapackage_folder_with_a_dangling_row_still_reads(app, runner, tmp_path):
    folder = tmp_path / "package"
    folder.mkdir()
    with zipfile.ZipFile(_export(runner, tmp_path, "hsds-datapackage", "p.zip")) as archive:
        archive.extractall(folder)
    services = (
        (folder / "services.csv").read_text(encoding="utf-8").replace("LAEP Les Petits Pas", "LAEP Les Petits Pas (rénové)")
    )
    (folder / "services.csv").write_text(services, encoding="utf-8")
    result = runner.invoke(args=["import", str(folder)])
    assert result.exit_code == 0, result.output
    assert "0 créées, 1 modifiées, 11 inchangées" in result.output


def test_mixed_or_unknown_json_is_refused(runner, tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert "ni data·inclusion" in result.output


# Found by tests/quality/test_fuzz_imports.py: each of these stopped the import with a traceback.


def test_a_datainclusion_record_of_the_wrong_types_is_a_problem_of_that_record(runner, tmp_path):
    services = [
        _di_service("ok"),
        _di_service("nul", thematiques=[None]),
        _di_service("liste", code_postal=["75019"], latitude="48.8"),
        _di_service("objet", structure_id={"id": "dora--s1"}),
    ]
    path = _datainclusion_file(tmp_path, services, [STRUCTURE, dict(STRUCTURE, id=["dora--s2"])])
    result = runner.invoke(args=["import", "--dry-run", str(path)])
    assert result.exit_code == 1, result.output
    assert "enregistrement 2 (di-dora-nul) · thematiques[0] : Un texte est attendu ici." in result.output
    assert "enregistrement 3 (di-dora-liste) · code_postal : Un texte ou un nombre est attendu ici." in result.output
    assert "enregistrement 3 (di-dora-liste) · latitude : Un nombre est attendu ici." in result.output
    assert "enregistrement 4 (di-dora-objet) · structure_id" in result.output


def test_an_hsds_service_of_the_wrong_types_is_a_problem_of_that_service(runner, tmp_path):
    services = json.loads(_export(runner, tmp_path, "hsds", "services.json").read_text(encoding="utf-8"))
    services[0]["attributes"][0]["taxonomy_term_id"] = ["a list"]
    services[1]["service_at_locations"] = "14 rue de l'Exemple"
    services[2]["organization"] = True
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(services), encoding="utf-8")
    result = runner.invoke(args=["import", "--dry-run", str(path)])
    assert result.exit_code == 1, result.output
    assert "enregistrement 1 (aripa-test) · attributes[0].taxonomy_term_id : Un texte est attendu ici." in result.output
    assert "enregistrement 2" in result.output and "service_at_locations : Une liste est attendue ici." in result.output
    assert "enregistrement 3" in result.output and "organization : Un objet JSON est attendu ici." in result.output


def test_a_csv_line_with_more_cells_than_the_header_is_a_problem(runner, tmp_path):
    lines = _export(runner, tmp_path, "csv", "directory.csv").read_text(encoding="utf-8").splitlines()
    lines[2] += ",une cellule de trop"
    path = tmp_path / "extra.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(args=["import", "--dry-run", str(path)])
    assert result.exit_code == 1, result.output
    assert "ligne 3" in result.output and "Cette ligne a plus de cellules que l'en-tête." in result.output


def test_a_damaged_zip_and_a_datapackage_with_broken_numbers_are_refused_cleanly(runner, tmp_path):
    package = _export(runner, tmp_path, "hsds-datapackage", "p.zip")
    data = bytearray(package.read_bytes())
    data[len(data) // 3] ^= 0xFF  # inside a member's compressed data
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    result = runner.invoke(args=["import", str(damaged)])
    assert result.exit_code == 1 and "archive zip illisible" in result.output, result.output
    folder = tmp_path / "package"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    locations = (folder / "locations.csv").read_text(encoding="utf-8").splitlines()
    header = locations[0].split(",")
    cells = next(csv.reader([locations[1]]))
    cells[header.index("latitude")] = "quarante-huit"
    stream = io.StringIO()
    csv.writer(stream, lineterminator="\n").writerow(cells)
    (folder / "locations.csv").write_text("\n".join([locations[0], stream.getvalue().rstrip("\n"), *locations[2:]]) + "\n")
    result = runner.invoke(args=["import", "--dry-run", str(folder)])
    assert result.exit_code == 1, result.output
    assert "latitude : Un nombre est attendu ici." in result.output


def test_coordinates_of_another_type_are_a_problem_not_a_crash(today):
    _values, problems = clean_record({"latitude": [48.8], "longitude": {"x": 2.3}}, today=today)
    assert {"latitude", "longitude"} <= {problem.field for problem in problems}
