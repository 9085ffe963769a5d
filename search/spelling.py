"""Typos: words of the index close to a typed word, and the "vouliez-vous dire" text.

A typed word of FUZZY_MIN_LETTERS letters or more that no document holds is replaced by the
closest word of the index (1 edit for words up to 7 letters, 2 beyond; the most common word
wins a tie), and the search runs on the corrected text, which the page proposes as "vouliez-
vous dire". Only the index's own words are proposed (the folded words of names, descriptions,
audiences and addresses), so a suggestion always finds something; a word no document holds
finds nothing, so replacing it loses nothing. Shorter words are never corrected: they have
too many close neighbours.
"""

import collections
import re

FUZZY_MIN_LETTERS = 5


def max_distance(word):
    """Return how many edits a typed word may be away from an index word."""
    if len(word) < FUZZY_MIN_LETTERS:
        return 0
    return 1 if len(word) <= 7 else 2


def edit_distance(first, second, limit):
    """Return the Levenshtein distance of two words, or limit + 1 when it is larger than limit."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, character in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (character != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class Speller:
    """The index's words, grouped by first letter, with the number of documents holding each."""

    def __init__(self, vocabulary):
        self.vocabulary = vocabulary
        self._by_initial = collections.defaultdict(list)
        for word, count in vocabulary.items():
            if len(word) >= FUZZY_MIN_LETTERS - 1:
                self._by_initial[word[0]].append((word, count))

    def knows(self, word):
        """Tell whether the index holds this folded word."""
        return word in self.vocabulary

    def correction(self, word):
        """Return the index word closest to a typed word that no document holds, or None."""
        limit = max_distance(word)
        if not limit or self.knows(word):
            return None
        found = []
        # A typo rarely hits the first letter: looking only there keeps this fast.
        for candidate, count in self._by_initial.get(word[0], ()):
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                found.append((distance, -count, candidate))
        return min(found)[2] if found else None


def corrected_text(interpretation, speller):
    """Return the interpretation's text with each mistyped word corrected, or None when none is."""
    text = interpretation.normalized
    changed = False
    for clause in interpretation.clauses:
        correction = speller.correction(clause.typed) if clause.correctable else None
        if correction:
            text = re.sub(rf"(?<!\w){re.escape(clause.typed)}(?!\w)", correction, text)
            changed = True
    return text if changed else None
