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


DESK = "/fr/staff/desk"
YOUNG_CHILD = (  # the questionnaire "jeune-enfant", answered for a family of the 14e with a child of 2
    ("arrondissement", {"answer": "14"}),
    ("children_ages", {"age": ["2"]}),
    ("feels_isolated", {"answer": "yes"}),
    ("single_parent", {"answer": "no"}),
    ("housing", {"answer": "stable"}),
)


def answer_young_child(client):
    """Answer the questionnaire "jeune-enfant" at the desk; return where the last answer leads."""
    location = None
    for question_id, form in YOUNG_CHILD:
        response = client.post(f"{DESK}/questionnaires/jeune-enfant/questions/{question_id}", data=form)
        assert response.status_code == 303, (question_id, response.status_code)
        location = response.headers["Location"]
    return location


def test_the_desk_lists_the_life_events_in_both_languages(desk_client):
    desk_client.post(f"{DESK}/family", data={"family_lang": "ar"})
    page = html.unescape(desk_client.get(f"{DESK}/").get_data(as_text=True))
    assert "Questionnaire avec la famille" in page
    assert f'href="{DESK}/questionnaires/jeune-enfant/"' in page
    assert '<span class="said__text" lang="ar" dir="rtl">أماكن لي ولطفلي الصغير</span>' in page
    assert '<span class="said__text" lang="fr" dir="ltr">Des lieux pour mon jeune enfant et moi</span>' in page
    assert "Voir les propositions pour la famille" not in page  # nothing answered yet


def test_the_questionnaire_needs_a_family_under_way(desk_client):
    response = desk_client.get(f"{DESK}/questionnaires/jeune-enfant/questions/arrondissement", follow_redirects=True)
    assert "Commencez d'abord une nouvelle famille : choisissez sa langue." in html.unescape(response.get_data(as_text=True))
    assert response.request.path == f"{DESK}/"


def test_a_question_shows_in_the_family_language_and_in_french(desk_client):
    desk_client.post(f"{DESK}/family", data={"family_lang": "ar"})
    response = desk_client.get(f"{DESK}/questionnaires/separation/")
    assert response.headers["Location"] == f"{DESK}/questionnaires/separation/questions/separation"
    response = desk_client.get(response.headers["Location"])
    assert response.headers["Cache-Control"] == "no-store"
    page = html.unescape(response.get_data(as_text=True))
    assert 'lang="ar" dir="rtl">ما هو وضعك مع الوالد الآخر؟</span>' in page
    assert "Où en êtes-vous avec l'autre parent ?</span>" in page
    skip = (
        'lang="ar" dir="rtl">أفضّل ألّا أجيب</span><span class="said__text" lang="fr" dir="ltr">Je préfère ne pas répondre</span>'
    )
    assert skip in page
    assert f'action="{DESK}/questionnaires/separation/questions/separation"' in page
    assert "Quitter rapidement" not in page  # the staff member's screen, not the family's phone
    assert "Famille en cours. Sa langue :" in page
    assert 'data-read-aloud="question-body"' not in page  # one voice cannot read two languages


def test_a_french_family_sees_each_text_once(desk_client):
    desk_client.post(f"{DESK}/family", data={"family_lang": "fr"})
    page = desk_client.get(f"{DESK}/questionnaires/jeune-enfant/questions/children_ages").get_data(as_text=True)
    assert 'class="said' not in page
    assert "Âge de l&#39;enfant 1</label>" in page


def test_the_desk_runs_the_questionnaire_to_the_sheet_and_terminer_forgets_the_answers(desk_client):
    desk_client.post(f"{DESK}/family", data={"family_lang": "ar"})
    assert answer_young_child(desk_client) == f"{DESK}/questionnaires/jeune-enfant/summary"
    summary = html.unescape(desk_client.get(f"{DESK}/questionnaires/jeune-enfant/summary").get_data(as_text=True))
    assert '<span class="said__text" lang="ar" dir="rtl">الدائرة 14</span>' in summary
    assert '<span class="said__text" lang="fr" dir="ltr">14e arrondissement</span>' in summary
    assert f'href="{DESK}/questionnaires/jeune-enfant/questions/arrondissement?return_to=summary"' in summary
    assert f'href="{DESK}/results"' in summary

    results = html.unescape(desk_client.get(f"{DESK}/results").get_data(as_text=True))
    assert 'id="recommendation-laep"' in results
    assert f'name="next" value="{DESK}/results"' in results  # each place can join the family's shortlist
    assert '<option value="ar" lang="ar" selected>' in results  # the sheet in the family's language
    assert "Voir les propositions pour la famille" in desk_client.get(f"{DESK}/").get_data(as_text=True)

    desk_client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14"})
    sheet = html.unescape(desk_client.get("/fr/sheet?ids=laep-test-14&family_lang=ar").get_data(as_text=True))
    assert "Pourquoi ce lieu :" in sheet and "لماذا هذا المكان:" in sheet
    assert "Vous nous avez dit que vous avez un enfant de moins de 3 ans." in sheet

    desk_client.post(f"{DESK}/finish")
    with desk_client.session_transaction() as session:
        assert "orientation" not in session and "shortlist" not in session and "family_visit" not in session
    assert "Vous n'avez encore répondu à aucune question" in html.unescape(
        desk_client.get("/fr/orientation/results").get_data(as_text=True)
    )


def test_a_new_family_does_not_inherit_the_answers(desk_client):
    desk_client.post(f"{DESK}/family", data={"family_lang": "ar"})
    answer_young_child(desk_client)
    desk_client.post(f"{DESK}/family", data={"family_lang": "ta"})
    with desk_client.session_transaction() as session:
        assert "orientation" not in session


def test_clearing_the_answers_keeps_the_visit(desk_client):
    desk_client.post(f"{DESK}/family", data={"family_lang": "ar"})
    desk_client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14"})
    answer_young_child(desk_client)
    page = desk_client.get(f"{DESK}/results").get_data(as_text=True)
    assert f'action="{DESK}/answers/clear"' in page
    response = desk_client.post(f"{DESK}/answers/clear", follow_redirects=True)
    assert "Les réponses de la famille sont effacées." in html.unescape(response.get_data(as_text=True))
    with desk_client.session_transaction() as session:
        assert "orientation" not in session
        assert session["shortlist"] == ["laep-test-14"] and session["family_visit"] == {"language": "ar"}


def test_a_wrong_answer_at_the_desk_is_explained_and_stays_at_the_desk(desk_client):
    desk_client.post(f"{DESK}/family", data={"family_lang": "ar"})
    response = desk_client.post(f"{DESK}/questionnaires/jeune-enfant/questions/children_ages", data={"age": ["deux"]})
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "Écrivez chaque âge en chiffres" in page and 'value="deux"' in page
    assert f'action="{DESK}/questionnaires/jeune-enfant/questions/children_ages"' in page


def test_an_unknown_questionnaire_at_the_desk_is_404(desk_client):
    desk_client.post(f"{DESK}/family", data={"family_lang": "ar"})
    assert desk_client.get(f"{DESK}/questionnaires/nothing/").status_code == 404
    assert desk_client.get(f"{DESK}/questionnaires/jeune-enfant/questions/nothing").status_code == 404
