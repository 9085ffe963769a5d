"""Editing from a browser: the check-data rules next to each field, history, conflicts, archive."""

import re

from directory import storage


def edit_form(client, resource_id):
    """Return the edit form's values as a dict of lists, as the browser would send them."""
    page = client.get(f"/fr/staff/resources/{resource_id}/edit").get_data(as_text=True)
    values = {}
    for name, value in re.findall(r'<input id="field-[^"]*" name="([^"]+)" type="(?:text|date)"[^>]*value="([^"]*)"', page):
        values.setdefault(name, []).append(value.replace("&#39;", "'").replace("&amp;", "&"))
    for name, value in re.findall(r'<input type="checkbox" name="([^"]+)" value="([^"]+)" checked>', page):
        values.setdefault(name, []).append(value)
    for name, value in re.findall(r'<textarea id="field-[^"]*" name="([^"]+)"[^>]*>([^<]*)</textarea>', page):
        values[name] = [value.replace("&#39;", "'").replace("&amp;", "&")]
    for name, block in re.findall(r'<select id="field-[^"]*" name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        selected = re.search(r'<option value="([^"]*)" selected>', block)
        values[name] = [selected.group(1) if selected else ""]
    values["version"] = [re.search(r'name="version" value="(\d+)"', page).group(1)]
    return values


def test_an_editor_changes_a_field_and_the_history_says_who_and_what(editor, client, db):
    form = edit_form(editor, "laep-test-14")
    form["phone"] = ["0140000099"]
    response = editor.post("/fr/staff/resources/laep-test-14/edit", data=form)
    assert response.status_code == 302
    assert storage.get_resource(db, "laep-test-14").phone == "01 40 00 00 99"
    assert storage.resource_version(db, "laep-test-14") == 2
    history = editor.get("/fr/staff/resources/laep-test-14/history").get_data(as_text=True)
    assert "Par edith" in history and "01 40 00 00 01" in history and "01 40 00 00 99" in history
    [entry] = storage.resource_history(db, "laep-test-14")
    assert (entry.action, entry.actor, entry.changed_fields()) == ("update", "edith", ["phone"])
    assert "01 40 00 00 99" in client.get("/fr/resources/laep-test-14").get_data(as_text=True)


def test_errors_are_shown_next_to_their_field_and_nothing_typed_is_lost(editor, db):
    form = edit_form(editor, "laep-test-14")
    form.update(postal_code=["75013"], opening_hours=["lundi matin"], description=["Un texte tout neuf, à garder."])
    response = editor.post("/fr/staff/resources/laep-test-14/edit", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "ne correspond pas au 14e arrondissement" in page
    assert 'id="error-opening_hours-1"' in page and 'aria-invalid="true"' in page
    assert "Un texte tout neuf, à garder." in page and 'value="lundi matin"' in page
    assert storage.resource_version(db, "laep-test-14") == 1


def test_the_errors_are_in_the_editors_language(editor):
    form = edit_form(editor, "laep-test-14")
    form["postal_code"] = ["75999"]
    page = editor.post("/en/staff/resources/laep-test-14/edit", data=form).get_data(as_text=True)
    assert 'lang="en"' in page and 'id="error-postal_code-1"' in page


def test_a_stale_form_lands_on_the_conflict_page_with_both_versions(editor, second_editor, db):
    first = edit_form(editor, "laep-test-14")
    second = edit_form(second_editor, "laep-test-14")
    first["name"] = ["LAEP Les Petits Pas (version d'Edith)"]
    assert editor.post("/fr/staff/resources/laep-test-14/edit", data=first).status_code == 302
    second["name"] = ["LAEP Les Petits Pas (version de Marc)"]
    conflict = second_editor.post("/fr/staff/resources/laep-test-14/edit", data=second)
    page = conflict.get_data(as_text=True)
    assert conflict.status_code == 409
    assert "version d&#39;Edith" in page and "version de Marc" in page and "edith" in page
    assert storage.get_resource(db, "laep-test-14").name == "LAEP Les Petits Pas (version d'Edith)"
    # Saving deliberately from the conflict page carries the current version.
    current = re.search(r'name="version" value="(\d+)"', page).group(1)
    second["version"] = [current]
    assert second_editor.post("/fr/staff/resources/laep-test-14/edit", data=second).status_code == 302
    assert storage.get_resource(db, "laep-test-14").name == "LAEP Les Petits Pas (version de Marc)"
    assert [entry.actor for entry in storage.resource_history(db, "laep-test-14")] == ["marc", "edith"]


def test_a_new_resource_gets_an_id_from_its_name_and_appears_in_the_search(editor, client, db):
    form = edit_form(editor, "laep-test-14")
    form.pop("version")
    form.update(name=["LAEP La Clairière"], address=["3 rue Neuve"], id=[""])
    response = editor.post("/fr/staff/resources/new", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert storage.get_resource(db, "laep-la-clairiere-14") is not None
    assert client.get("/api/v1/search?q=clairiere").get_json()["total"] == 1
    again = editor.post("/fr/staff/resources/new", data=form)
    assert "Cet identifiant est déjà pris" in again.get_data(as_text=True)


def test_archive_removes_everywhere_public_and_restore_brings_it_back(editor, client, db):
    version = storage.resource_version(db, "laep-test-14")
    assert editor.post("/fr/staff/resources/laep-test-14/archive", data={"version": version}).status_code == 302
    assert client.get("/fr/resources/laep-test-14").status_code == 404
    assert client.get("/api/v1/resources/laep-test-14").status_code == 404
    assert client.get("/api/v1/search?q=petits+pas").get_json()["total"] == 0
    assert "Petits Pas" not in client.get("/fr/arrondissements/14").get_data(as_text=True)
    assert "Petits Pas" not in client.get("/api/hsds/services?per_page=100").get_data(as_text=True)
    assert "laep-test-14" in editor.get("/fr/staff/archive/").get_data(as_text=True)
    assert editor.post("/fr/staff/archive/laep-test-14/restore").status_code == 302
    assert client.get("/fr/resources/laep-test-14").status_code == 200
    assert client.get("/api/v1/search?q=petits+pas").get_json()["total"] == 1
    assert [entry.action for entry in storage.resource_history(db, "laep-test-14")] == ["restore", "archive"]


def test_still_up_to_date_records_a_verification(editor, db):
    version = storage.resource_version(db, "epn-test-18")
    response = editor.post("/fr/staff/resources/epn-test-18/verify", data={"version": version, "next": "/fr/staff/freshness"})
    assert response.headers["Location"] == "/fr/staff/freshness"
    resource = storage.get_resource(db, "epn-test-18")
    [entry] = storage.resource_history(db, "epn-test-18")
    assert entry.action == "verify" and entry.changed_fields() == ["verified_on"]
    assert resource.verified_on.isoformat() in entry.after["verified_on"]


def test_the_freshness_dashboard_counts_overdue_records_by_arrondissement_and_kind(editor):
    page = editor.get("/fr/staff/freshness").get_data(as_text=True)
    assert "Fiches à vérifier par arrondissement et par type" in page
    assert "Espace numérique Goutte d&#39;Or" in page  # verified in 2022: overdue
    assert "LAEP Les Petits Pas" in page  # a LAEP is checked every 6 months


def test_the_hours_preview_says_open_now_and_the_week(editor):
    page = editor.get("/fr/staff/hours-preview?opening_hours=Mo-Su+00:00-24:00").get_data(as_text=True)
    assert "Ouvert maintenant" in page and "lundi" in page
    broken = editor.get("/fr/staff/hours-preview?opening_hours=lundi").get_data(as_text=True)
    assert "Horaires illisibles" in broken


def test_unknown_ids_go_back_to_the_list_with_a_message(editor):
    response = editor.get("/fr/staff/resources/nope/edit")
    assert response.headers["Location"] == "/fr/staff/resources/"
    assert "n&#39;existe pas" in editor.get("/fr/staff/resources/").get_data(as_text=True)


def test_downloads_in_every_format(editor):
    for export_format, media_type in (
        ("csv", "text/csv"),
        ("datainclusion", "application/json"),
        ("hsds-datapackage", "application/zip"),
    ):
        response = editor.get(f"/fr/staff/exports/{export_format}")
        assert response.status_code == 200 and response.mimetype == media_type
        assert "attachment" in response.headers["Content-Disposition"]
    assert (
        b"https://localhost/fr/resources/laep-test-14" in editor.get("/fr/staff/exports/datainclusion").data
        or b"/fr/resources/laep-test-14" in editor.get("/fr/staff/exports/datainclusion").data
    )
