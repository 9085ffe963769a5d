"""The synonyms file: checked at load, with messages that name the group and the key."""

import pytest
import yaml

from search.synonyms import SYNONYMS_FILE
from search.synonyms import SynonymsError
from search.synonyms import SynonymTable
from search.synonyms import load_groups
from search.synonyms import parse_groups

MAIN_KINDS = ("laep", "mediation_familiale", "aripa", "creche_avip", "pmi", "rif", "ludotheque", "centre_social")
FAMILY_LANGUAGES = ("en", "ar", "zh", "pt", "es", "fa", "ta", "bn", "uk")


def test_the_file_loads():
    assert len(load_groups()) >= 25


def test_main_kinds_can_be_asked_in_the_family_languages():
    entries = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8"))
    by_kind = {entry.get("kind"): entry for entry in entries}
    for kind in MAIN_KINDS:
        missing = [code for code in FAMILY_LANGUAGES if not by_kind[kind].get(code)]
        assert not missing, f"{kind}: {missing}"


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"fr": ["x"]}, "liste de groupes"),
        (["laep"], "dictionnaire"),
        ([{"en": ["x"]}], "« fr »"),
        ([{"kind": "creche", "fr": ["x"]}], "type de service inconnu"),
        ([{"fr": []}], "liste de textes"),
        ([{"fr": ["x"], "english": ["y"]}], "clé inconnue « english »"),
    ],
)
def test_mistakes_are_named(entries, message):
    with pytest.raises(SynonymsError, match=message) as error:
        parse_groups(entries, source="synonyms.yaml")
    assert "synonyms.yaml" in str(error.value)


def test_phrases_match_whole_words_or_inside_chinese_runs():
    table = SynonymTable(parse_groups([{"kind": "pmi", "fr": ["pmi"], "zh": ["疫苗"]}, {"fr": ["caf"]}]))
    assert [match.phrase for match in table.find("pmi cafe")[0]] == ["pmi"]
    assert [match.phrase for match in table.find("我要打疫苗")[0]] == ["疫苗"]
