"""The desk mode: a new family and its language, its shortlist, its sheet, « Terminer »."""

import html


def test_the_desk_starts_with_a_new_family(desk_client):
    page = html.unescape(desk_client.get("/fr/staff/desk/").get_data(as_text=True))
    assert "Nouvelle famille" in page
    assert 'name="family_lang"' in page


def test_a_visit_from_language_to_sheet_and_terminer(desk_client):
    response = desk_client.post("/fr/staff/desk/family", data={"family_lang": "fr"})
    assert response.headers["Location"] == "/fr/staff/desk/"
    page = html.unescape(desk_client.get("/fr/staff/desk/").get_data(as_text=True))
    assert "Famille en cours. Sa langue :" in page and "Aucun lieu pour l'instant." in page
    assert "Famille en cours" in page.split("<main", 1)[0]  # the staff bar says a visit is under way
    desk_client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14"})
    desk_client.post("/fr/shortlist/add", data={"resource_id": "mediation-test-13"})
    page = html.unescape(desk_client.get("/fr/staff/desk/").get_data(as_text=True))
    assert "/fr/sheet?ids=laep-test-14,mediation-test-13&family_lang=fr" in page
    assert "/fr/liaison?ids=laep-test-14,mediation-test-13" in page
    response = desk_client.post("/fr/staff/desk/finish", follow_redirects=True)
    page = html.unescape(response.get_data(as_text=True))
    assert "Visite terminée : les informations de la famille sont effacées." in page
    assert "Nouvelle famille" in page
    with desk_client.session_transaction() as session:
        assert "shortlist" not in session and "family_visit" not in session and "staff" in session


def test_a_new_family_starts_with_an_empty_shortlist(desk_client):
    desk_client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14"})
    desk_client.post("/fr/staff/desk/family", data={"family_lang": "fr"})
    with desk_client.session_transaction() as session:
        assert session.get("shortlist") is None
        assert session["family_visit"] == {"language": "fr"}


def test_an_unknown_language_is_refused_with_a_message(desk_client):
    page = html.unescape(
        desk_client.post("/fr/staff/desk/family", data={"family_lang": "xx"}, follow_redirects=True).get_data(as_text=True)
    )
    assert "Choisissez la langue de la famille dans la liste." in page
    with desk_client.session_transaction() as session:
        assert "family_visit" not in session


def test_the_shortlist_page_proposes_the_visit_language(desk_client):
    desk_client.post("/fr/staff/desk/family", data={"family_lang": "fr"})
    desk_client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14"})
    page = desk_client.get("/fr/shortlist").get_data(as_text=True)
    assert '<option value="fr" lang="fr" selected>' in page
