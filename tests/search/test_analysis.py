"""The French analysis chain."""

from search.analysis import analyze
from search.analysis import french_analyzer


def terms(text):
    return analyze(french_analyzer(), text)


def test_accents_do_not_matter():
    assert terms("médiation familiale") == terms("mediation familiale") == terms("MÉDIATION FAMILIALE")


def test_elisions_and_stop_words_are_dropped():
    assert terms("l'accueil d'un enfant") == terms("accueil enfant")


def test_plurals_meet_singulars():
    assert terms("crèches") == terms("creche")
    assert terms("enfants parents") == terms("enfant parent")


def test_other_scripts_are_kept_as_words():
    assert terms("وساطة عائلية") == ["وساطة", "عائلية"]
    assert terms("家庭调解") != []
