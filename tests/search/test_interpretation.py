"""Reading what was typed: arrondissement words, synonym phrases, plain words."""

import pytest

from search.analysis import french_analyzer
from search.interpretation import interpret
from search.synonyms import SynonymTable
from search.synonyms import load_groups


@pytest.fixture(scope="module")
def read():
    table = SynonymTable(load_groups())
    analyzer = french_analyzer()
    return lambda text: interpret(text, table, analyzer)


@pytest.mark.parametrize(
    "text",
    [
        "laep 14e",
        "laep 14ème",
        "laep 14eme",
        "laep 14 ème",
        "laep Paris 14",
        "laep paris14",
        "laep 75014",
        "laep quatorzième",
        "laep 14",
    ],
)
def test_every_way_of_writing_an_arrondissement(read, text):
    understood = read(text)
    assert understood.arrondissements == (14,)
    assert [clause.typed for clause in understood.clauses] == ["laep"]


def test_first_sixteenth_postal_code_and_paris_centre(read):
    assert read("1er arrondissement").arrondissements == (1,)
    assert read("pmi 75116").arrondissements == (16,)
    assert read("dix-huitième").arrondissements == (18,)
    assert read("rif paris centre").arrondissements == (1, 2, 3, 4)


def test_ages_and_common_words_are_not_arrondissements(read):
    assert read("enfant 3 ans").arrondissements == ()
    assert read("premier rendez-vous").arrondissements == ()
    assert read("3919").arrondissements == ()
    assert read("arrondissement 25").arrondissements == ()


def test_synonym_phrases_in_any_language_name_a_kind(read):
    for text in ("family mediation", "الوساطة العائلية", "我需要家庭调解", "mediación familiar", "сімейна медіація"):
        assert read(text).kinds == ("mediation_familiale",), text


def test_a_synonym_phrase_searches_the_french_words(read):
    clause = read("child support").clauses[0]
    assert ("pension", "alimentair") in clause.alternatives


def test_the_longest_phrase_wins(read):
    assert read("creche pour chercher du travail").kinds == ("creche_avip",)
    assert read("médiation numérique").kinds == ("mediation_numerique",)


def test_query_syntax_is_only_words(read):
    understood = read('"laep" AND name:* OR (NOT)')
    assert all(term.isalnum() for clause in understood.clauses for terms in clause.alternatives for term in terms)


def test_nothing_searchable(read):
    assert read("").is_empty and read("?!*").is_empty and read("14e").is_empty
