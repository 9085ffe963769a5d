"""Directory pages through the test client."""

import pytest


def test_home_lists_themes_and_the_twenty_arrondissements(client):
    page = client.get("/fr/").get_data(as_text=True)
    assert "Paris Centre" in page
    for number in range(1, 21):
        assert f'href="/fr/arrondissements/{number}"' in page
    for theme in ("parentalite", "numerique", "vacances", "insertion"):
        assert f'href="/fr/themes/{theme}"' in page
    assert 'role="search"' in page


def test_arrondissement_page_groups_by_theme_and_kind(client):
    page = client.get("/fr/arrondissements/14").get_data(as_text=True)
    assert "LAEP Les Petits Pas" in page
    assert "Relais Information Familles de la mairie du 14e" in page
    assert 'id="theme-parentalite"' in page
    assert "ARIPA, pensions alimentaires" in page  # remote services are listed too


def test_planned_places_are_shown_apart_and_never_as_open(client):
    page = client.get("/fr/arrondissements/15").get_data(as_text=True)
    assert "Bientôt" in page
    assert "Point Information Vacances du 15e" in page
    resource = client.get("/fr/resources/piv-test-15").get_data(as_text=True)
    assert "pas encore ouvert" in resource
    assert "Ouvert maintenant" not in resource


def test_paris_centre_arrondissements_keep_their_own_pages(client):
    page = client.get("/fr/arrondissements/2").get_data(as_text=True)
    assert "Paris Centre" in page
    assert 'href="/fr/arrondissements/1"' in page


def test_kind_page_explains_the_kind(client):
    page = client.get("/fr/kinds/laep").get_data(as_text=True)
    assert "C'est quoi" in page or "C&#39;est quoi" in page
    assert "LAEP Les Petits Pas" in page


def test_theme_page_lists_resources_with_extra_themes(client):
    page = client.get("/fr/themes/vacances").get_data(as_text=True)
    assert "Centre social La Passerelle" in page


def test_resource_page_shows_every_public_field(client):
    page = client.get("/fr/resources/laep-test-14").get_data(as_text=True)
    for text in (
        "LAEP Les Petits Pas",
        "10 rue de l&#39;Exemple",
        "75014 Paris",
        "01 40 00 00 01",
        'href="tel:0140000001"',
        "Sans rendez-vous",
        "Gratuit",
        "Enfants de 0 à 5 ans",
        "arabe",
        "Source",
        "Vérifié le 1 mars 2025",
        "Jours fériés pris en compte",
    ):
        assert text in page, text
    assert ("Ouvert maintenant" in page) or ("Fermé maintenant" in page)


def test_doubtful_records_carry_a_notice(client):
    assert "Informations à confirmer" in client.get("/fr/resources/epn-test-18").get_data(as_text=True)  # low confidence
    assert "Informations à confirmer" in client.get("/fr/resources/ludo-test-19").get_data(as_text=True)  # old
    assert "Informations à confirmer" not in client.get("/fr/resources/laep-test-14").get_data(as_text=True)


def test_document_sources_are_named(client):
    page = client.get("/fr/resources/mediation-test-13").get_data(as_text=True)
    assert "Projet social de territoire du 13e" in page
    assert "ligne 120" in page


def test_closed_place_keeps_a_page_with_alternatives(client):
    page = client.get("/fr/resources/ludo-test-20").get_data(as_text=True)
    assert "Ce lieu est fermé" in page
    assert "Ludothèque des Buttes" in page  # open, same kind, neighbouring arrondissement


def test_html_in_data_is_escaped(client):
    page = client.get("/fr/resources/html-test-11").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize(
    "url",
    [
        "/fr/resources/unknown",
        "/fr/arrondissements/21",
        "/fr/arrondissements/0",
        "/fr/kinds/nope",
        "/fr/themes/nope",
        "/xx/",
        "/fr/arrondissements/abc",
    ],
)
def test_unknown_things_get_a_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page introuvable" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        "/fr/resources/%00",
        "/fr/resources/" + "a" * 5000,
        "/fr/search?q=%ff%fe",
        "/fr/resources/..%2f..%2fetc",
        "/%F0%9F%98%80/",
        "/fr/resources/<script>",
    ],
)
def test_strange_urls_never_give_a_server_error(client, url):
    assert client.get(url).status_code < 500
