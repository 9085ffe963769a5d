"""Understand what someone typed: arrondissement words, synonym phrases, then plain words.

The text is only ever read as words: no character has a special meaning, so quotes,
AND/OR/NOT, "field:" or "*" are just dropped or searched as words.

Arrondissement words ("14e", "14ème", "Paris 14", "75014", "quatorzième", a bare "14") are
taken out of the text and become a preference: the resources of that arrondissement come
first, then its neighbours. When nothing else was typed they act as the arrondissement filter.
"""

import re
from dataclasses import dataclass

from directory import geography
from search.analysis import analyze
from search.analysis import normalize_for_matching

MAX_QUERY_CHARACTERS = 500  # longer texts are cut: nobody types more to find a place
MAX_CLAUSES = 16  # words or phrases kept from a query
ORDINALS = {
    "premier": 1,
    "premiere": 1,
    "deuxieme": 2,
    "second": 2,
    "troisieme": 3,
    "quatrieme": 4,
    "cinquieme": 5,
    "sixieme": 6,
    "septieme": 7,
    "huitieme": 8,
    "neuvieme": 9,
    "dixieme": 10,
    "onzieme": 11,
    "douzieme": 12,
    "treizieme": 13,
    "quatorzieme": 14,
    "quinzieme": 15,
    "seizieme": 16,
    "dix septieme": 17,
    "dix huitieme": 18,
    "dix neuvieme": 19,
    "vingtieme": 20,
}
# "premier" and "second" are common words: they name an arrondissement only before "arrondissement".
AMBIGUOUS_ORDINALS = {"premier", "premiere", "second"}
ARRONDISSEMENT_WORDS = {"arrondissement", "arrondissements", "arr", "arrdt", "ardt", "arrt"}
NUMBER_SUFFIX = re.compile(r"^(\d{1,2})(e|er|ere|eme|ieme|em|me)$")
POSTAL_CODE = re.compile(r"^75\d{3}$")
PARIS_NUMBER = re.compile(r"^paris(\d{1,2})$")
AGE_UNITS = {"an", "ans", "mois", "annee", "annees", "semaine", "semaines"}  # "3 ans" is an age, not the 3e
PARIS_CENTRE_WORDS = ("paris", "centre")


@dataclass(frozen=True)
class Clause:
    """One thing asked for: a typed word, or a synonym group found in the text.

    `alternatives` are tuples of analyzed terms; a document matches an alternative when it
    holds all its terms, and the clause when it matches any alternative.
    """

    typed: str  # the word or phrase as found in the normalized text
    alternatives: tuple
    kind: str | None = None
    correctable: bool = False  # a plain word, which may be a typo


@dataclass(frozen=True)
class Interpretation:
    """What a search text asks for."""

    normalized: str  # the text as read: lowercase, without accents, punctuation or extra spaces
    clauses: tuple
    arrondissements: tuple  # arrondissement numbers named in the text
    kinds: tuple  # kinds named through the synonyms file

    @property
    def is_empty(self):
        """Tell whether nothing searchable was typed (only arrondissement words, or nothing)."""
        return not self.clauses


def _number(token):
    return int(token) if token.isdigit() and len(token) <= 2 else None


def take_arrondissements(tokens):
    """Return (arrondissement numbers, remaining tokens) from normalized tokens."""
    found = []
    kept = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        after = tokens[index + 2] if index + 2 < len(tokens) else ""
        consumed = 0
        number = None
        if POSTAL_CODE.match(token):
            number = geography.arrondissement_for_postal_code(token)
            consumed = 1 if number else 0
        elif match := NUMBER_SUFFIX.match(token):
            number, consumed = int(match.group(1)), 1
        elif match := PARIS_NUMBER.match(token):
            number, consumed = int(match.group(1)), 1
        elif token == "paris" and _number(following) is not None and after not in AGE_UNITS:
            number, consumed = _number(following), 2
        elif (token, following) == PARIS_CENTRE_WORDS:
            found.extend(geography.PARIS_CENTRE)
            index += 2
            continue
        elif f"{token} {following}" in ORDINALS:
            number, consumed = ORDINALS[f"{token} {following}"], 2
        elif token in ORDINALS and (token not in AMBIGUOUS_ORDINALS or following in ARRONDISSEMENT_WORDS):
            number, consumed = ORDINALS[token], 1
        elif _number(token) is not None and following not in AGE_UNITS:
            number, consumed = _number(token), 1
            if following in ("e", "er", "eme", "ieme", "ere"):
                consumed = 2
        if number is not None and consumed and 1 <= number <= 20:
            found.append(number)
            index += consumed
            continue
        kept.append(token)
        index += 1
    if found:
        kept = [token for token in kept if token not in ARRONDISSEMENT_WORDS]
    return tuple(dict.fromkeys(found)), kept


def interpret(text, synonym_table, analyzer):
    """Return the Interpretation of a search text."""
    normalized = normalize_for_matching((text or "")[:MAX_QUERY_CHARACTERS])
    arrondissements, tokens = take_arrondissements(normalized.split())
    matches, rest = synonym_table.find(" ".join(tokens))
    clauses = []
    seen = set()
    for match in matches:
        if match.group.position in seen:
            continue
        seen.add(match.group.position)
        alternatives = tuple(dict.fromkeys(tuple(analyze(analyzer, phrase)) for phrase in match.group.french))
        alternatives = tuple(alternative for alternative in alternatives if alternative)
        if alternatives:
            clauses.append(Clause(match.phrase, alternatives, kind=match.group.kind))
    for word in rest.split():
        terms = tuple(analyze(analyzer, word))
        if terms and (terms,) not in {clause.alternatives for clause in clauses}:
            clauses.append(Clause(word, (terms,), correctable=word.isalpha()))
    clauses = clauses[:MAX_CLAUSES]
    kinds = tuple(dict.fromkeys(clause.kind for clause in clauses if clause.kind))
    return Interpretation(normalized, tuple(clauses), arrondissements, kinds)
