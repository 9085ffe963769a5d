"""The upload page: « Vérifier » writes nothing, « Importer » writes all or nothing; admins only."""

import io
import json

from directory import storage
from tests.conftest import content_version_of


def _upload(client, action, name, data, source=""):
    return client.post(
        "/fr/staff/imports",
        data={"action": action, "source": source, "files": [(io.BytesIO(data), name)]},
        content_type="multipart/form-data",
    )


def test_an_editor_may_not_import(editor):
    assert editor.get("/fr/staff/imports").status_code == 403


def test_check_then_import_an_export(admin_client, app, db):
    exported = admin_client.get("/fr/staff/exports/hsds").data
    version = content_version_of(app)
    checked = _upload(admin_client, "check", "hsds.json", exported).get_data(as_text=True)
    assert "12 fiches valides, prêtes à importer." in checked
    assert content_version_of(app) == version
    imported = _upload(admin_client, "import", "hsds.json", exported).get_data(as_text=True)
    assert "0 créées, 0 modifiées, 12 inchangées" in imported


def test_a_broken_file_is_reported_line_by_line_and_writes_nothing(admin_client, app):
    services = [
        {
            "source": "dora",
            "id": "dora--x",
            "structure_id": "s",
            "nom": "LAEP X",
            "description": "Un lieu pour jouer.",
            "date_maj": "2031-01-01",
            "code_postal": "75014",
        }
    ]
    version = content_version_of(app)
    page = _upload(
        admin_client, "import", "services.json", json.dumps(services).encode(), source="https://example.org/"
    ).get_data(as_text=True)
    assert "1 problème : rien n'a été importé." in page
    assert "enregistrement 1" in page and "La date de vérification est dans le futur." in page
    assert content_version_of(app) == version


def test_an_unreadable_file_says_why(admin_client):
    page = _upload(admin_client, "check", "photo.png", b"\x89PNG").get_data(as_text=True)
    assert "format inconnu" in page


def test_imports_record_who_imported_which_file(admin_client, db):
    exported = admin_client.get("/fr/staff/exports/csv").data.decode().replace("LAEP Les Petits Pas", "LAEP Les Grands Pas")
    _upload(admin_client, "import", "fiches.csv", exported.encode())
    [entry] = storage.resource_history(db, "laep-test-14")
    assert (entry.action, entry.actor, entry.source_file) == ("import", "ada", "fiches.csv")
