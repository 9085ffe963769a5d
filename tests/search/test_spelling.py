"""Typo correction from the index's own words."""

from search.analysis import french_analyzer
from search.interpretation import interpret
from search.spelling import Speller
from search.spelling import corrected_text
from search.spelling import edit_distance
from search.synonyms import SynonymTable

SPELLER = Speller({"mediation": 30, "familiale": 20, "familiales": 5, "ludotheque": 4, "laep": 3})


def test_edit_distance_is_bounded():
    assert edit_distance("mediaton", "mediation", 2) == 1
    assert edit_distance("abc", "abcdefgh", 2) == 3


def test_words_of_five_letters_or_more_are_corrected():
    assert SPELLER.correction("mediaton") == "mediation"
    assert SPELLER.correction("familliale") == "familiale"
    assert SPELLER.correction("laup") is None  # too short to guess
    assert SPELLER.correction("mediation") is None  # known


def test_the_corrected_text_keeps_the_other_words():
    understood = interpret("mediaton familliale 14e", SynonymTable([]), french_analyzer())
    assert corrected_text(understood, SPELLER) == "mediation familiale 14e"
    assert corrected_text(interpret("laep", SynonymTable([]), french_analyzer()), SPELLER) is None
