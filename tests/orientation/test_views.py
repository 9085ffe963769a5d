"""The questionnaire pages through the test client: no JavaScript, back and forth, summary, results."""

import re
from pathlib import Path

import pytest

from orientation.questionnaires import load_catalog
from tests.orientation.pages import PREVIOUS
from tests.orientation.pages import answer
from tests.orientation.pages import complete
from tests.orientation.pages import csrf_token
from tests.orientation.pages import link
from tests.orientation.pages import path_of
from tests.orientation.pages import sample_form

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "data" / "questionnaires"
CATALOG = load_catalog(QUESTIONNAIRES)


def stored_value_shown(page, form):
    values = form.get("answer", form.get("age"))
    values = values if isinstance(values, list) else [values]
    return all(
        re.search(rf'value="{re.escape(value)}"( checked)?', page)
        and (f'value="{value}" checked' in page or 'type="number"' in page)
        for value in values
    )


@pytest.mark.parametrize("questionnaire_id", [item.id for item in CATALOG.questionnaires])
def test_every_questionnaire_back_and_forth(client, questionnaire_id):
    questionnaire = CATALOG.get(questionnaire_id)
    visited = complete(client, CATALOG, questionnaire_id)
    assert visited, questionnaire_id

    # The summary lists every answer, each with a link to change it.
    summary = client.get(f"/fr/orientation/{questionnaire_id}/summary").get_data(as_text=True)
    assert summary.count(">Changer<") == len(visited)
    assert "Pas encore de réponse" not in summary

    # Back, as with the browser's button or the "previous" link: each page shows its answer again.
    path = visited[-1][0]
    for expected_path, question_id in reversed(visited):
        assert path == expected_path
        page = client.get(path)
        assert page.status_code == 200
        assert page.headers["Cache-Control"] == "no-store"
        text = page.get_data(as_text=True)
        assert stored_value_shown(text, sample_form(questionnaire.step(question_id).question)), question_id
        path = link(text, PREVIOUS)
    assert path == f"/fr/orientation/{questionnaire_id}/"

    # Forward again with other answers: the first page leads on to the second question.
    first_path, first_id = visited[0]
    first_page = client.get(first_path).get_data(as_text=True)
    following = answer(client, first_path, sample_form(questionnaire.step(first_id).question, 1), csrf_token(first_page))
    assert "/questions/" in following or following.endswith("/summary")

    # Change an answer from the summary: back to the summary (or to a question it reveals).
    change = link(client.get(f"/fr/orientation/{questionnaire_id}/summary").get_data(as_text=True), "Changer")
    assert change.endswith("?return_to=summary")
    change_page = client.get(change).get_data(as_text=True)
    change_id = change.split("/questions/")[1].split("?")[0]
    landing = answer(
        client, change, dict(sample_form(questionnaire.step(change_id).question), return_to="summary"), csrf_token(change_page)
    )
    assert landing.endswith("/summary") or "return_to=summary" in landing

    results = client.get("/fr/orientation/results")
    assert results.status_code == 200
    text = results.get_data(as_text=True)
    assert "Pourquoi ?" in text and "Vous nous avez dit" in text or "Relais Information Familles" in text
    assert 'class="recommendation' in text


def test_life_events_on_the_home_page_and_the_orientation_page(client):
    for path in ("/fr/", "/fr/orientation/"):
        page = client.get(path).get_data(as_text=True)
        for questionnaire in CATALOG.questionnaires:
            assert f'href="/fr/orientation/{questionnaire.id}/"' in page


@pytest.mark.parametrize(
    "path", ["/fr/", "/fr/resources/laep-test-14", "/fr/search?q=laep", "/fr/no-such-page", "/fr/orientation/vacances/"]
)
def test_the_danger_page_is_linked_from_every_page(client, path):
    assert 'class="danger-link" href="/fr/orientation/danger/"' in client.get(path).get_data(as_text=True)


def test_the_danger_page_gives_help_before_any_question(client):
    page = client.get("/fr/orientation/danger/").get_data(as_text=True)
    assert page.index('href="tel:3919"') < page.index("Commencer")
    assert page.index('href="tel:119"') < page.index("Commencer")
    assert "/fr/resources/ligne-3919-test" in page and "/fr/resources/ligne-119-test" in page
    assert "Quitter rapidement" in page
    # No question comes before the help: the only forms there are "add to my selection" buttons.
    before_questions = page.split("Commencer")[0].split('class="quick-exit"')[1].split("</form>", 1)[1]
    assert "question-form" not in before_questions and "<fieldset" not in before_questions


def test_sensitive_question_pages_do_not_name_the_question_in_their_title(client):
    page = client.get("/fr/orientation/separation/questions/domestic_violence").get_data(as_text=True)
    assert "<title>Question 2 sur " in page
    assert "<title>Dans quel arrondissement" in client.get("/fr/orientation/vacances/questions/arrondissement").get_data(
        as_text=True
    )


def test_quick_exit_only_on_sensitive_topics(client):
    assert "Quitter rapidement" in client.get("/fr/orientation/separation/questions/separation").get_data(as_text=True)
    assert "Quitter rapidement" in client.get("/fr/orientation/pension/").get_data(as_text=True)
    assert "Quitter rapidement" not in client.get("/fr/orientation/vacances/questions/arrondissement").get_data(as_text=True)


def test_quick_exit_forgets_everything_and_leaves_without_a_token(client):
    page = client.get("/fr/orientation/vacances/questions/arrondissement").get_data(as_text=True)
    answer(client, "/fr/orientation/vacances/questions/arrondissement", {"answer": "18"}, csrf_token(page))
    for method in (client.post, client.get):
        response = method("/fr/orientation/quit")
        assert response.status_code == 303
        assert response.headers["Location"] == "https://meteofrance.com/"
        assert response.headers["Referrer-Policy"] == "no-referrer"
    summary = client.get("/fr/orientation/vacances/summary").get_data(as_text=True)
    assert ">Changer<" not in summary


def test_clear_answers_needs_the_form_token_and_forgets_the_answers(client):
    page = client.get("/fr/orientation/vacances/questions/arrondissement").get_data(as_text=True)
    token = csrf_token(page)
    answer(client, "/fr/orientation/vacances/questions/arrondissement", {"answer": "18"}, token)
    assert client.post("/fr/orientation/clear").status_code == 400
    response = client.post("/fr/orientation/clear", data={"csrf_token": token})
    assert response.status_code == 303 and path_of(response.headers["Location"]) == "/fr/orientation/?cleared=1"
    assert "Vos réponses sont effacées." in client.get("/fr/orientation/?cleared=1").get_data(as_text=True)
    assert ">Changer<" not in client.get("/fr/orientation/vacances/summary").get_data(as_text=True)


def test_a_wrong_answer_is_explained_and_what_was_typed_is_kept(client):
    path = "/fr/orientation/emploi/questions/children_ages"
    token = csrf_token(client.get(path).get_data(as_text=True))
    response = client.post(path, data={"csrf_token": token, "age": ["4", "quarante"]})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'role="alert"' in page and "Écrivez chaque âge en chiffres" in page
    assert 'value="4"' in page and 'value="quarante"' in page
    response = client.post(path, data={"csrf_token": token})
    assert "Pas encore d&#39;enfant" in response.get_data(as_text=True)


def test_skip_buttons_and_no_child_button(client):
    path = "/fr/orientation/emploi/questions/parent_age"
    page = client.get(path).get_data(as_text=True)
    assert 'name="skip" value="?"' in page and "Je préfère ne pas répondre" in page
    assert answer(client, path, {"skip": "?"}, csrf_token(page)).endswith("/questions/registered_france_travail")
    ages = "/fr/orientation/naissance/questions/children_ages"
    page = client.get(ages).get_data(as_text=True)
    assert answer(client, ages, {"no_children": "yes"}, csrf_token(page)).endswith("/questions/single_parent")


def test_a_hidden_question_sends_on_to_the_next_one(client):
    path = "/fr/orientation/separation/questions/separation"
    answer(client, path, {"answer": "considering"}, csrf_token(client.get(path).get_data(as_text=True)))
    response = client.get("/fr/orientation/separation/questions/child_support")
    assert response.status_code == 303
    assert path_of(response.headers["Location"]) == "/fr/orientation/separation/questions/arrondissement"


def test_answering_from_the_summary_goes_to_questions_it_reveals(client):
    path = "/fr/orientation/separation/questions/separation"
    token = csrf_token(client.get(path).get_data(as_text=True))
    for question_id, form in (("separation", {"answer": "considering"}), ("domestic_violence", {"answer": "no"})):
        answer(client, f"/fr/orientation/separation/questions/{question_id}", form, token)
    landing = answer(client, path, {"answer": "separated", "return_to": "summary"}, token)
    assert landing == "/fr/orientation/separation/questions/conflict?return_to=summary"


@pytest.mark.parametrize(
    "path",
    [
        "/fr/orientation/nothing/",
        "/fr/orientation/vacances/questions/nothing",
        "/fr/orientation/vacances/questions/separation",
        "/fr/orientation/nothing/summary",
    ],
)
def test_unknown_pages_are_404(client, path):
    assert client.get(path).status_code == 404


def test_results_without_answers_invite_to_choose(client):
    page = client.get("/fr/orientation/results").get_data(as_text=True)
    assert "Vous n'avez encore répondu à aucune question" in page


def test_results_link_each_place_to_its_page_and_are_printable(client):
    path = "/fr/orientation/separation/questions/separation"
    token = csrf_token(client.get(path).get_data(as_text=True))
    for question_id, form in (
        ("separation", {"answer": "in_progress"}),
        ("domestic_violence", {"answer": "yes"}),
        ("arrondissement", {"answer": "13"}),
    ):
        answer(client, f"/fr/orientation/separation/questions/{question_id}", form, token)
    page = client.get("/fr/orientation/results").get_data(as_text=True)
    assert page.index("D'abord, de l'aide tout de suite") < page.index('id="recommendation-service_social"')
    assert 'href="/fr/resources/ligne-3919-test"' in page
    assert "recommendation-mediation_familiale" not in page
    assert "Quitter rapidement" in page
    assert "data-print hidden" in page and "js/print.js" in page
    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert any(".quick-exit, .clear-answers" in block for block in css.split("@media print")[1:])


def test_no_inline_script_or_style_on_orientation_pages(client):
    for path in (
        "/fr/orientation/",
        "/fr/orientation/danger/",
        "/fr/orientation/naissance/questions/birth_stage",
        "/fr/orientation/results",
    ):
        page = client.get(path).get_data(as_text=True)
        assert "<style" not in page and " style=" not in page
        assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page))


def test_every_place_proposed_can_join_the_shortlist_and_the_first_ones_make_a_sheet(client):
    path = "/fr/orientation/jeune-enfant/questions/arrondissement"
    token = csrf_token(client.get(path).get_data(as_text=True))
    answer(client, path, {"answer": "14"}, token)
    answer(client, "/fr/orientation/jeune-enfant/questions/children_ages", {"age": ["2"]}, token)
    page = client.get("/fr/orientation/results").get_data(as_text=True)
    proposed = re.findall(r'<li class="recommended-resource">.*?</li>', page, re.DOTALL)
    assert proposed
    for place in proposed:
        assert "Ajouter à ma sélection" in place and 'name="next" value="/fr/orientation/results"' in place
    sheet_form = page.split('class="section results__sheet"')[1].split("</section>")[0]
    assert 'action="/fr/sheet"' in sheet_form
    assert 'name="ids" value="rif-test-14,laep-test-14"' in sheet_form  # the first place of each proposal
    assert '<option value="fr" lang="fr" selected>' in sheet_form
