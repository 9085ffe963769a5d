"""Highlighted excerpts."""

from search.analysis import analyze
from search.analysis import french_analyzer
from search.excerpts import excerpt

ANALYZER = french_analyzer()


def test_the_searched_words_are_marked_whatever_their_form():
    pieces = excerpt("Des médiateurs aident les familles à se parler.", set(analyze(ANALYZER, "famille")), ANALYZER)
    assert ("familles", True) in pieces
    assert "".join(piece for piece, _ in pieces) == "Des médiateurs aident les familles à se parler."


def test_a_long_text_is_cut_around_the_words():
    text = "Mot " * 200 + "ludothèque du quartier " + "fin " * 200
    pieces = excerpt(text, set(analyze(ANALYZER, "ludotheque")), ANALYZER, width=80)
    joined = "".join(piece for piece, _ in pieces)
    assert joined.startswith("…") and joined.endswith("…") and "ludothèque" in joined
    assert len(joined) < 120


def test_no_text_no_excerpt():
    assert excerpt("", {"x"}, ANALYZER) == []
