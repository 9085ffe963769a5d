"""The orientation sheet: ids, the week of hours, what to bring, the page and its notices."""

import datetime
import html
import re

import pytest
from flask import render_template

from desk import sheets
from directory import taxonomy
from directory.hours import PARIS
from directory.models import Resource
from tests.desk.conftest import answer_questions
from web.languages import get_language

MONDAY = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=PARIS)  # a week without public holidays
FIVE = "laep-test-14,mediation-test-13,rif-test-14,epn-test-18,cs-test-18"


def test_parse_ids_keeps_order_drops_repeats_and_bad_ids():
    assert sheets.parse_ids(" a-1, b ,a-1,,Bad Id,c/../d ") == (["a-1", "b"], ("Bad Id", "c/../d"), ())
    assert sheets.parse_ids(None) == ([], (), ())
    many = ",".join(f"r{number}" for number in range(sheets.MAX_SHEET_RESOURCES + 2))
    kept, _malformed, left_out = sheets.parse_ids(many)
    assert len(kept) == sheets.MAX_SHEET_RESOURCES and left_out == ("r12", "r13")


def test_the_week_is_grouped_monday_first():
    week = sheets.week_summary("Mo-Fr 09:00-12:00; Th 14:00-19:30; Sa 10:00-12:00", MONDAY + datetime.timedelta(days=2))
    summary = [(group.first_day.strftime("%a"), group.last_day.strftime("%a"), group.intervals) for group in week]
    assert summary == [
        ("Mon", "Wed", ((datetime.time(9), datetime.time(12), ""),)),
        ("Thu", "Thu", ((datetime.time(14), datetime.time(19, 30), ""),)),
        ("Fri", "Fri", ((datetime.time(9), datetime.time(12), ""),)),
        ("Sat", "Sat", ((datetime.time(10), datetime.time(12), ""),)),
        ("Sun", "Sun", ()),
    ]
    assert sheets.week_summary(None, MONDAY) == ()


def test_every_kind_says_what_to_bring():
    assert set(taxonomy.WHAT_TO_BRING) == set(taxonomy.KIND_BY_CODE)
    entry = sheets.SheetEntry(Resource(id="x", name="X", kind="laep"))
    assert entry.what_to_bring == taxonomy.WHAT_TO_BRING["laep"]


def test_a_sheet_in_french_has_one_language_and_a_bilingual_sheet_two():
    french = sheets.FRENCH
    arabic = get_language("ar")
    assert sheets.Sheet((), french, MONDAY.date()).languages == (french,)
    assert sheets.Sheet((), arabic, MONDAY.date()).languages == (arabic, french)


def test_the_reasons_are_printed_unless_the_answers_speak_of_danger_or_the_form_says_no():
    places = [Resource(id="laep", name="LAEP", kind="laep"), Resource(id="rif", name="RIF", kind="rif")]
    known = {"laep": (("Vous nous avez dit que vous attendez un enfant.", {}),)}
    shown = sheets.choose_reasons(places, known, sensitive=False, choices=[])
    assert shown.offered and shown.shown and shown.by_id == known
    discreet = sheets.choose_reasons(places, known, sensitive=True, choices=[])
    assert discreet.offered and not discreet.shown and discreet.by_id == {}
    assert sheets.choose_reasons(places, known, sensitive=True, choices=["no", "yes"]).by_id == known
    assert not sheets.choose_reasons(places, known, sensitive=False, choices=["no"]).shown
    elsewhere = sheets.choose_reasons(places[1:], known, sensitive=False, choices=[])
    assert not elsewhere.offered and not elsewhere.shown


def test_the_sheet_with_explicit_ids(client):
    response = client.get(f"/fr/sheet?ids={FIVE}&family_lang=fr")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = html.unescape(response.get_data(as_text=True))
    for name in ("LAEP Les Petits Pas", "Médiation familiale du Sud", "Centre social La Passerelle"):
        assert name in page
    assert page.count('<svg width="') == 5
    assert "Code QR de la page de ce lieu" in page
    assert "Rien : pas d'inscription, pas de nom à donner." in page
    assert "lundi–vendredi" in page
    assert "Remise par" not in page
    assert "introuvable" not in page


def test_unknown_ids_are_left_out_with_a_notice(client):
    page = html.unescape(client.get("/fr/sheet?ids=laep-test-14,no-such-place,Bad!").get_data(as_text=True))
    assert "Ces lieux sont introuvables dans l'annuaire" in page
    assert "<code>no-such-place</code>" in page and "<code>Bad!</code>" in page
    assert "LAEP Les Petits Pas" in page


@pytest.mark.parametrize("query", ["", "?ids=", "?ids=no-such-place", "?ids=,,,"])
def test_no_valid_id_is_404(client, query):
    assert client.get("/fr/sheet" + query).status_code == 404
    assert client.get("/fr/sheet.pdf" + query).status_code == 404


def test_an_unknown_family_language_falls_back_with_a_notice(client):
    page = html.unescape(client.get("/fr/sheet?ids=laep-test-14&family_lang=xx").get_data(as_text=True))
    assert "La langue demandée n'est pas disponible : la fiche est en Français." in page


def test_the_note_comes_only_by_post_and_is_printed(client):
    note = "Demander Mme Durand, <b>bureau 2</b>."
    get_page = client.get("/fr/sheet", query_string={"ids": "laep-test-14", "note": note}).get_data(as_text=True)
    assert 'class="sheet__note"' not in get_page
    post_page = client.post("/fr/sheet", data={"ids": "laep-test-14", "note": note}).get_data(as_text=True)
    assert "Demander Mme Durand, &lt;b&gt;bureau 2&lt;/b&gt;." in post_page
    assert "Un mot de l'accueil" in html.unescape(post_page)


def test_a_desk_account_prints_its_desk(desk_client):
    page = html.unescape(desk_client.get("/fr/sheet?ids=laep-test-14").get_data(as_text=True))
    assert "Remise par :" in page and "RIF du 14e" in page and "01 53 90 67 14" in page


def test_planned_and_doubtful_places_are_flagged(client):
    page = html.unescape(client.get("/fr/sheet?ids=piv-test-15,epn-test-18").get_data(as_text=True))
    assert "À venir : pas encore ouvert" in page
    assert "Informations à confirmer : appelez avant de vous déplacer." in page


def test_a_right_to_left_family_language_gets_its_own_blocks(client):
    page = client.get("/fr/sheet?ids=laep-test-14&family_lang=ar").get_data(as_text=True)
    assert '<article class="sheet" lang="ar" dir="rtl">' in page
    assert page.count('class="sheet-entry__text" lang="ar" dir="rtl"') == 1
    assert page.count('class="sheet-entry__text" lang="fr" dir="ltr"') == 1
    assert "/ar/resources/laep-test-14" not in page  # the QR codes are drawn, not written


def test_reasons_from_a_questionnaire_are_printed_in_each_language(app):
    resource = Resource(id="laep-test-14", name="LAEP", kind="laep")
    reason = ("Vous avez un enfant de %(age)s ans.", {"age": 2})
    entry = sheets.SheetEntry(resource, reasons=(reason,))
    sheet = sheets.Sheet((entry,), sheets.FRENCH, MONDAY.date())
    with app.test_request_context("/fr/sheet"):
        page = render_template("desk/sheet_pdf.html", sheet=sheet, qr_format="png", qr_images={"laep-test-14": "data:,"})
    assert "Pourquoi ce lieu :" in page
    assert "Vous avez un enfant de 2 ans." in page


def test_a_sheet_from_the_results_says_why_each_place_was_proposed(client):
    answer_questions(client, "vacances", [("arrondissement", {"answer": "18"}), ("children_ages", {"age": ["9"]})])
    results = html.unescape(client.get("/fr/orientation/results").get_data(as_text=True))
    assert "Une fiche à emporter" in results
    sheet_ids = re.search(r'name="ids" value="([^"]+)"', results).group(1)
    assert sheet_ids.split(",")[0] == "cs-test-18"
    page = html.unescape(client.get("/fr/sheet", query_string={"ids": sheet_ids + ",laep-test-14"}).get_data(as_text=True))
    assert "Vous nous avez dit que vous cherchez des vacances ou des loisirs pour les enfants." in page
    assert page.count("Pourquoi ce lieu :") == len(sheet_ids.split(","))  # not for the LAEP, which nothing proposed
    assert 'name="why" value="yes" checked' in page
    # Unchecked on the sheet's form: the page and its PDF leave the reasons out.
    unchecked = client.post("/fr/sheet", data={"ids": sheet_ids, "why": "no"}).get_data(as_text=True)
    assert "Pourquoi ce lieu" not in html.unescape(unchecked)


def test_a_sheet_without_answers_has_no_reasons_and_no_choice(client):
    page = html.unescape(client.get("/fr/sheet?ids=cs-test-18").get_data(as_text=True))
    assert "Pourquoi ce lieu" not in page and 'name="why"' not in page


def test_answers_that_speak_of_violence_keep_the_reasons_off_the_sheet_unless_asked(client):
    answer_questions(
        client,
        "separation",
        [
            ("separation", {"answer": "in_progress"}),
            ("domestic_violence", {"answer": "yes"}),
            ("arrondissement", {"answer": "13"}),
        ],
    )
    page = html.unescape(client.get("/fr/sheet?ids=ligne-3919-test").get_data(as_text=True))
    assert "Pourquoi ce lieu" not in page
    assert 'name="why" value="yes" aria-describedby="sheet-why-hint"' in page
    assert "Les réponses parlent de violences ou de danger" in page
    asked = html.unescape(client.post("/fr/sheet", data={"ids": "ligne-3919-test", "why": ["no", "yes"]}).get_data(as_text=True))
    assert "Vous nous avez dit qu'il y a des violences dans votre couple ou votre famille, ou que vous avez peur." in asked
