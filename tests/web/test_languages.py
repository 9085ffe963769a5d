"""The ten interface languages: the list, negotiation, and every page in every language."""

import datetime
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date
from babel.support import Translations

from directory.hours import now_in_paris
from web.catalogs import Review
from web.languages import LANGUAGES
from web.languages import best_language
from web.languages import get_language
from web.languages import with_french
from web.templating import weekday_date_pattern

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"

PAGES = {
    "home": "/{code}/",
    "arrondissement": "/{code}/arrondissements/14",
    "theme": "/{code}/themes/parentalite",
    "kind": "/{code}/kinds/laep",
    "resource": "/{code}/resources/laep-test-14",
    "search": "/{code}/search?q=ludotheque",
    "coverage": "/{code}/coverage",
    "life events": "/{code}/orientation/",
    "questionnaire start": "/{code}/orientation/separation/",
    "question": "/{code}/orientation/vacances/questions/caf_allocataire",
    "summary": "/{code}/orientation/vacances/summary",
    "results": "/{code}/orientation/results",
    "shortlist": "/{code}/shortlist",
    "sheet": "/{code}/sheet?ids=laep-test-14",
    "liaison": "/{code}/liaison?ids=laep-test-14",
    "accessibility statement": "/{code}/accessibilite",
    "not found": "/{code}/resources/nowhere",
}


def translate(language, message):
    """The message as the language's compiled catalog gives it."""
    return Translations.load(str(TRANSLATIONS), [language.locale]).gettext(message)


def test_the_ten_languages_with_their_own_names_and_directions():
    assert [language.code for language in LANGUAGES] == ["fr", "en", "ar", "fa", "zh-Hans", "ta", "bn", "pt", "es", "uk"]
    assert {language.code for language in LANGUAGES if language.dir == "rtl"} == {"ar", "fa"}
    for language in LANGUAGES:  # the direction agrees with the locale's own data
        assert Locale.parse(language.locale).character_order == ("right-to-left" if language.dir == "rtl" else "left-to-right")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ([("zh-CN", 1.0)], "zh-Hans"),
        ([("zh", 1.0)], "zh-Hans"),
        ([("pt-BR", 1.0)], "pt"),
        ([("ar-MA", 1.0), ("fr", 0.5)], "ar"),
        ([("prs", 1.0)], "fa"),
        ([("de", 1.0), ("uk", 0.8), ("en", 0.5)], "uk"),
        ([("en", 0.0), ("xx", 1.0)], "fr"),
        ([], "fr"),
    ],
)
def test_best_language_for_the_browser(accept, expected):
    assert best_language(accept).code == expected


def test_language_codes_are_found_in_any_case_and_form():
    assert get_language("zh_hans").code == "zh-Hans"
    assert get_language("AR").code == "ar"
    assert get_language("de") is None


def test_french_stands_beside_every_other_language():
    french, arabic = get_language("fr"), get_language("ar")
    assert with_french(arabic) == (arabic, french)
    assert with_french(french) == (french,)


@pytest.mark.parametrize(
    ("header", "path"), [("zh-CN,zh;q=0.9", "/zh-Hans/"), ("fa-IR", "/fa/"), ("pt-BR,pt;q=0.8", "/pt/"), ("ta-LK", "/ta/")]
)
def test_root_redirects_to_the_browsers_language(client, header, path):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(path)


def test_the_languages_api_lists_the_ten(client):
    languages = client.get("/api/v1/languages").get_json()
    assert len(languages) == 10
    assert {"code": "zh-Hans", "name": "简体中文", "dir": "ltr"} in languages
    assert {"code": "fa", "name": "فارسی", "dir": "rtl"} in languages


def test_the_api_answers_in_the_asked_language(client):
    response = client.get("/api/v1/search?arrondissement=99&lang=ar")
    assert response.status_code == 400
    assert response.get_json()["error"] == translate(get_language("ar"), "L'arrondissement doit être un nombre de 1 à 20.")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
@pytest.mark.parametrize("page", PAGES, ids=str)
def test_every_page_in_every_language(client, language, page):
    response = client.get(PAGES[page].format(code=language.code))
    assert response.status_code == (404 if page == "not found" else 200)
    html = response.get_data(as_text=True)
    assert f'<html lang="{language.code}" dir="{language.dir}">' in html
    assert f'class="skip-link" href="#main">{translate(language, "Aller au contenu")}<' in html
    for other in LANGUAGES:  # the switcher names each language in itself
        assert f'lang="{other.code}" hreflang="{other.code}" dir="{other.dir}"' in html
        assert f">{other.name}</a>" in html


def test_the_switcher_and_the_alternates_keep_the_page(client):
    html = client.get("/ar/search?q=cr%C3%A8che&page=1").get_data(as_text=True)
    assert 'href="/fr/search?q=cr%C3%A8che&amp;page=1"' in html
    assert 'hreflang="zh-Hans" href="http://localhost/zh-Hans/search?q=cr%C3%A8che&amp;page=1"' in html
    html = client.get("/uk/resources/laep-test-14").get_data(as_text=True)
    assert 'href="/fa/resources/laep-test-14"' in html
    assert '<a href="/uk/resources/laep-test-14" lang="uk" hreflang="uk" dir="ltr" aria-current="true">' in html


def test_machine_translated_pages_say_so_in_their_language(client):
    html = client.get("/ta/kinds/laep").get_data(as_text=True)
    assert f"<summary>{translate(get_language('ta'), 'Traduction automatique, non relue')}</summary>" in html
    assert 'href="/fr/kinds/laep" hreflang="fr"' in html  # the French page, for a doubt
    assert "Relais Information Familles" in html  # how to report a mistake
    assert "translation-notice" not in client.get("/fr/kinds/laep").get_data(as_text=True)


def test_the_notice_goes_once_a_translator_has_reviewed_the_catalog(app, client):
    app.extensions["catalog_reviews"]["ta"] = Review("reviewed", "Équipe tamoule", datetime.date(2026, 5, 4))
    assert "translation-notice" not in client.get("/ta/kinds/laep").get_data(as_text=True)


def test_the_notice_gives_the_feedback_address_when_there_is_one(app, client):
    app.config["FEEDBACK_EMAIL"] = "traductions@example.org"
    html = client.get("/ar/").get_data(as_text=True)
    assert '<a href="mailto:traductions@example.org"><bdi>traductions@example.org</bdi></a>' in html


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_dates_are_formatted_for_the_language(client, language):
    html = client.get(f"/{language.code}/resources/laep-test-14").get_data(as_text=True)
    today = now_in_paris().date()
    locale = Locale.parse(language.locale)
    assert format_date(today, weekday_date_pattern(locale), locale=locale) in html  # the hours table
    assert format_date(datetime.date(2025, 3, 1), "long", locale=locale) in html  # "checked on"


def test_weekday_dates_name_the_day_and_the_month_in_full():
    day = datetime.date(2026, 2, 5)
    assert format_date(day, weekday_date_pattern(Locale.parse("fr")), locale="fr") == "jeudi 5 février"
    assert format_date(day, weekday_date_pattern(Locale.parse("en")), locale="en") == "Thursday, February 5"
    assert format_date(day, weekday_date_pattern(Locale.parse("zh_Hans")), locale="zh_Hans") == "2月5日星期四"


def test_hours_use_the_languages_clock(client):
    # Babel's spacing: a narrow no-break space before AM/PM, thin spaces around the dash.
    assert "<bdi>9:00\u202fAM\u2009–\u200912:00\u202fPM</bdi>" in client.get("/en/resources/laep-test-14").get_data(as_text=True)
    assert "<bdi>09:00\u2009–\u200912:00</bdi>" in client.get("/fr/resources/laep-test-14").get_data(as_text=True)


def test_descriptions_are_shown_translated_or_marked_as_french(client):
    english = client.get("/en/resources/laep-test-14").get_data(as_text=True)
    assert '<p lang="en" dir="auto">A place to play with your child' in english
    assert "This description is not translated yet" not in english
    arabic = client.get("/ar/resources/laep-test-14").get_data(as_text=True)
    assert '<p lang="fr" dir="auto">Un lieu pour jouer' in arabic
    assert translate(get_language("ar"), "Cette description n'est pas encore traduite : elle est en français.") in arabic


def test_french_data_is_isolated_inside_translated_pages(client):
    html = client.get("/fa/resources/laep-test-14").get_data(as_text=True)
    assert '<h1 id="resource-title" lang="fr" dir="auto">LAEP Les Petits Pas</h1>' in html
    assert '<bdi lang="fr">10 rue de l&#39;Exemple</bdi>' in html
    assert 'href="tel:0140000001"><span aria-hidden="true">☎</span> <bdi>01 40 00 00 01</bdi>' in html
    card = client.get("/fa/kinds/laep").get_data(as_text=True)
    assert 'lang="fr" dir="auto">LAEP Les Petits Pas</a>' in card


def test_kind_explanations_are_translated_with_a_read_aloud_button(client):
    html = client.get("/es/kinds/laep").get_data(as_text=True)
    assert '<p id="kind-explanation">Un lugar para venir con su hijo menor de 6 años.' in html
    assert re.search(
        r'<button type="button" class="button button--secondary read-aloud" data-read-aloud="kind-explanation" data-label-stop="Parar la lectura" hidden>',
        html,
    )
    assert '<script src="/static/js/read-aloud.js" defer></script>' in html
    assert "<script>" not in html and "style=" not in html
