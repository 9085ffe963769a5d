"""The labelled relevance set: how families and staff ask, against the real Paris data.

Each query names the kinds that are a right answer and how high one must come. The
expectations rest on kinds with several records, so that completing the data does not
break them. No accents, typos, acronyms, arrondissement words, English and other languages.
"""

import pytest

from app import ROOT
from app import create_app

RELEVANCE_SET = [
    # (what is typed, acceptable kinds, one of them within the first N)
    ("mediation familiale", {"mediation_familiale"}, 3),
    ("médiation familiale", {"mediation_familiale"}, 3),
    ("mediation", {"mediation_familiale"}, 3),
    ("mediaton familliale", {"mediation_familiale"}, 3),
    ("family mediation", {"mediation_familiale"}, 3),
    ("الوساطة العائلية", {"mediation_familiale"}, 3),
    ("家庭调解", {"mediation_familiale"}, 3),
    ("mediación familiar", {"mediation_familiale"}, 3),
    ("laep", {"laep"}, 3),
    ("laep 14", {"laep"}, 3),
    ("lieu d'accueil enfants parents", {"laep"}, 3),
    ("playgroup", {"laep"}, 3),
    ("pension pas payée", {"aripa"}, 3),
    ("pension alimentaire", {"aripa"}, 3),
    ("impaye", {"aripa"}, 3),
    ("child support", {"aripa"}, 3),
    ("抚养费", {"aripa"}, 3),
    ("pensão alimentícia", {"aripa"}, 3),
    ("creche pour chercher du travail", {"creche_avip"}, 3),
    ("AVIP", {"creche_avip"}, 3),
    ("crèche", {"creche_avip", "rif"}, 5),
    ("nursery", {"creche_avip", "rif"}, 5),
    ("RIF", {"rif"}, 3),
    ("relais information familles 11e", {"rif"}, 3),
    ("PMI", {"pmi"}, 3),
    ("pmi 75018", {"pmi"}, 3),
    ("protection maternelle infantile", {"pmi"}, 3),
    ("vaccin bebe", {"pmi"}, 5),
    ("pregnant", {"pmi"}, 5),
    ("ludotheque", {"ludotheque"}, 3),
    ("ludotheqe", {"ludotheque"}, 3),
    ("toy library", {"ludotheque"}, 3),
    ("centre social 13e", {"centre_social"}, 3),
    ("Paris 19 centre social", {"centre_social"}, 3),
    ("community centre", {"centre_social"}, 3),
    ("EPN", {"mediation_numerique"}, 3),
    ("conseiller numerique", {"mediation_numerique"}, 3),
    ("aide informatique 18ème", {"mediation_numerique"}, 3),
    ("computer help", {"mediation_numerique"}, 3),
    ("ordinateur", {"equipement_solidaire", "mediation_numerique"}, 3),
    ("Caf", {"caf"}, 3),
    ("allocations familiales", {"caf"}, 3),
    ("PIJ", {"pij"}, 3),
    ("point information jeunesse", {"pij"}, 3),
    ("mission locale", {"mission_locale"}, 3),
    ("france services", {"france_services"}, 3),
    ("pimms", {"france_services"}, 3),
    ("acces au droit", {"acces_droits"}, 3),
    ("ecrivain public", {"acces_droits"}, 3),
    ("legal aid", {"acces_droits"}, 3),
    ("violences conjugales", {"violences"}, 3),
    ("domestic violence", {"violences"}, 3),
    ("3919", {"violences"}, 3),
    ("enfant en danger", {"enfance_en_danger"}, 3),
    ("119", {"enfance_en_danger"}, 3),
    ("colo", {"vacances_loisirs", "piv"}, 3),
    ("séjour vacances enfants", {"vacances_loisirs", "piv"}, 3),
    ("summer camp", {"vacances_loisirs", "piv"}, 3),
    ("aide aux devoirs", {"soutien_scolaire", "centre_social"}, 5),
    ("cours de francais", {"cours_francais"}, 3),
    ("french classes", {"cours_francais"}, 3),
    ("assistante sociale", {"service_social"}, 3),
    ("emploi", {"insertion", "mission_locale", "france_travail"}, 3),
]


@pytest.fixture(scope="module")
def real_client(tmp_path_factory):
    """A client of an app built from the real data/ folder, once for the module."""
    folder = tmp_path_factory.mktemp("real")
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests",
            "DATABASE": folder / "real.sqlite3",
            "INDEX_DIR": folder / "index",
            "DATA_DIR": ROOT / "data",
        }
    )
    return app.test_client()


def top_kinds(client, text, count, **filters):
    response = client.get("/api/v1/search", query_string={"q": text, "per_page": count, **filters})
    assert response.status_code == 200
    return [hit["kind"] for hit in response.get_json()["results"]]


def test_the_set_is_large_enough():
    assert len(RELEVANCE_SET) >= 40


@pytest.mark.parametrize(("text", "kinds", "within"), RELEVANCE_SET)
def test_expected_kind_comes_first(real_client, text, kinds, within):
    found = top_kinds(real_client, text, within)
    assert kinds & set(found), f"{text!r}: {found}"


@pytest.mark.parametrize("place", ["14e", "14ème", "14eme", "Paris 14", "75014", "quatorzième", "14"])
def test_arrondissement_words_put_its_places_first(real_client, place):
    response = real_client.get("/api/v1/search", query_string={"q": f"centre social {place}", "per_page": 3})
    assert [hit["arrondissement"] for hit in response.get_json()["results"]] == [14, 14, 14]


def test_arrondissement_words_alone_are_the_arrondissement_filter(real_client):
    result = real_client.get("/api/v1/search", query_string={"q": "Paris 13", "per_page": 100}).get_json()
    assert result["total"] and {hit["arrondissement"] for hit in result["results"]} == {13}


def test_a_typo_gets_a_suggestion_from_the_index_words(real_client):
    result = real_client.get("/api/v1/search", query_string={"q": "mediaton familliale"}).get_json()
    assert result["suggestion"] == "mediation familiale"
    assert real_client.get("/api/v1/search", query_string={"q": "mediation familiale"}).get_json()["suggestion"] is None


def test_open_resources_come_before_planned_ones(real_client):
    result = real_client.get("/api/v1/search", query_string={"q": "centre social", "per_page": 100}).get_json()
    statuses = [real_client.get(f"/api/v1/resources/{hit['id']}").get_json()["status"] for hit in result["results"]]
    assert "planned" in statuses
    assert statuses == sorted(statuses, key=lambda status: status != "open")
