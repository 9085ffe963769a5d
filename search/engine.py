"""The search itself: score, filter, rank and count on the arrays of an IndexView (no Flask).

Ranking, in this order: open resources before planned ones; resources of a kind the text
names (through the synonyms file) or whose name holds every word; then the arrondissement
named (its own resources, then its neighbours, then Paris-wide services); confirmed records
before records to check; the text score; the fresher `verified_on`.

The text score of a word is a BM25-like weight (saturated term frequency × rarity), its
fields weighted by schema.FIELD_BOOSTS; a clause (a word or a synonym group) counts its best
alternative; documents that match more clauses score higher.
"""

import functools
import math
from dataclasses import dataclass
from dataclasses import field

import numpy as np

from directory import geography
from directory import hours
from directory import taxonomy
from directory.models import STALE_AFTER_DAYS
from search.analysis import analyze
from search.analysis import fold_accents
from search.analysis import french_analyzer
from search.schema import KIND_LABEL_BOOST
from search.snapshot import KIND_CODES
from search.snapshot import STATUS_CODES
from search.snapshot import THEME_BITS
from search.spelling import Speller

SATURATION = 1.2  # BM25's k1: the fifth mention of a word adds little
TERM_CACHE_SIZE = 2048  # score arrays kept per view
AGE_GROUPS = ((0, 2), (3, 5), (6, 11), (12, 17), (18, 25))  # the age filter's choices, in years
REMOTE = 0  # the arrondissement of remote and Paris-wide services


@dataclass(frozen=True)
class Filters:
    """Filters chosen on the search page or in the API; empty means any."""

    arrondissements: tuple = ()
    neighbours: bool = False  # also the arrondissements next to the chosen ones
    kinds: tuple = ()
    themes: tuple = ()
    languages: tuple = ()
    free: bool = False
    ages: tuple | None = None  # (youngest, oldest): resources for a child of these ages
    open_now: bool = False

    def wanted_arrondissements(self):
        """Return the arrondissements the filter keeps, neighbours included when asked."""
        wanted = list(self.arrondissements)
        if self.neighbours:
            for number in self.arrondissements:
                wanted.extend(geography.neighbours_of(number))
        return tuple(dict.fromkeys(wanted))


@dataclass
class Facets:
    """How many results each filter value would give, the other filters kept."""

    kinds: list = field(default_factory=list)  # [(kind code, count)]
    themes: list = field(default_factory=list)  # [(theme code, count)]
    arrondissements: list = field(default_factory=list)  # [(number, count)]
    languages: list = field(default_factory=list)  # [(code, count)]
    ages: list = field(default_factory=list)  # [((youngest, oldest), count)]
    free: int = 0
    open_now: int = 0


@dataclass
class Ranking:
    """One page of results and what the page shows around it."""

    total: int
    hits: list  # [(resource id, score)]
    facets: Facets
    terms: frozenset  # analyzed terms searched, for highlighting


@functools.cache
def kind_label_terms():
    """Return {analyzed term: (kind numbers)} for the words of the kinds' labels."""
    analyzer = french_analyzer()
    found = {}
    for kind in taxonomy.KINDS:
        for term in set(analyze(analyzer, f"{kind.label} {kind.plural}")):
            found.setdefault(term, []).append(KIND_CODES[kind.code])
    return {term: tuple(kinds) for term, kinds in found.items()}


class IndexView:
    """The whole index as arrays indexed by global document number, for one Whoosh generation."""

    def __init__(self, segments):
        """Assemble [(SegmentFacts, offset, deleted local numbers)] in offset order."""
        segments = sorted(segments, key=lambda item: item[1])
        self.size = max((offset + len(facts.ids) for facts, offset, _ in segments), default=0)
        self._segments = [(facts, offset) for facts, offset, _ in segments]

        def joined(name, dtype):
            array = np.zeros(self.size, dtype)
            for facts, offset, _ in segments:
                array[offset : offset + len(facts.ids)] = getattr(facts, name)
            return array

        self.kind = joined("kind", np.int16)
        self.arrondissement = joined("arrondissement", np.int8)
        self.status = joined("status", np.int8)
        self.free = joined("free", bool)
        self.themes = joined("themes", np.uint8)
        self.min_age = joined("min_age", np.int16)
        self.max_age = joined("max_age", np.int16)
        self.verified_on = joined("verified_on", np.int32)
        self.low_confidence = joined("low_confidence", bool)
        self.ids = [""] * self.size
        self.names = [""] * self.size
        self.language_codes = []
        self.languages = np.zeros(self.size, np.uint64)
        positions = {}  # opening_hours text → its place in hours_texts
        self.hours = np.full(self.size, -1, np.int32)
        vocabulary = {}
        live = np.zeros(self.size, bool)
        for facts, offset, deleted in segments:
            end = offset + len(facts.ids)
            self.ids[offset:end] = facts.ids
            self.names[offset:end] = facts.names
            live[offset:end] = True
            live[offset + np.asarray(deleted, np.int64)] = False
            for bit, code in enumerate(facts.language_codes):
                if code not in self.language_codes:
                    self.language_codes.append(code)
                has = (facts.languages >> np.uint64(bit)) & np.uint64(1)
                self.languages[offset:end] |= has << np.uint64(self.language_codes.index(code))
            mapping = np.asarray([positions.setdefault(text, len(positions)) for text in facts.hours_texts] + [-1], np.int32)
            self.hours[offset:end] = mapping[facts.hours]
            for word, count in facts.vocabulary.items():
                vocabulary[word] = vocabulary.get(word, 0) + count
        self.hours_texts = list(positions)
        self.searchable = live & (self.status != STATUS_CODES["closed"])
        self.document_count = int(self.searchable.sum())
        self.speller = Speller(vocabulary)
        self._scores = {}
        self._open = None  # (minute, mask)
        self._name_ranks = None

    def term_scores(self, term):
        """Return the score of a term in each document (0 where it is absent); cached."""
        scores = self._scores.get(term)
        if scores is not None:
            return scores
        weights = np.zeros(self.size, np.float32)
        for facts, offset in self._segments:
            docs, values = facts.text.row(term)
            weights[docs + offset] = values
        label_kinds = kind_label_terms().get(term)
        if label_kinds:
            weights[np.isin(self.kind, label_kinds)] += KIND_LABEL_BOOST
        weights[~self.searchable] = 0
        holding = int(np.count_nonzero(weights))
        rarity = math.log(1 + (self.document_count - holding + 0.5) / (holding + 0.5))
        scores = (weights * (SATURATION + 1) / (weights + SATURATION) * rarity).astype(np.float32)
        if len(self._scores) >= TERM_CACHE_SIZE:
            self._scores.clear()
        self._scores[term] = scores
        return scores

    def name_holds(self, term):
        """Return where a document's name holds a term."""
        holds = np.zeros(self.size, bool)
        for facts, offset in self._segments:
            docs, _ = facts.name.row(term)
            holds[docs + offset] = True
        return holds

    def open_now(self, moment):
        """Return where a resource is open at this moment (Paris time); cached for the minute."""
        minute = moment.replace(second=0, microsecond=0)
        if self._open is None or self._open[0] != minute:
            states = [hours.is_open_at(text, minute) is True for text in self.hours_texts]
            is_open = np.asarray([*states, False], bool)  # the last entry answers "no hours" (-1)
            self._open = (minute, is_open[self.hours] & (self.status == STATUS_CODES["open"]))
        return self._open[1]

    def name_ranks(self):
        """Return the alphabetical rank of each document's name (accents and case ignored)."""
        if self._name_ranks is None:
            keys = np.asarray([fold_accents(name).lower() for name in self.names])
            self._name_ranks = np.empty(self.size, np.int64)
            self._name_ranks[np.argsort(keys, kind="stable")] = np.arange(self.size)
        return self._name_ranks


def _alternative_scores(view, terms):
    total = np.zeros(view.size, np.float32)
    present = np.ones(view.size, bool)
    for term in terms:
        scores = view.term_scores(term)
        total += scores
        present &= scores > 0
    return np.where(present, total, 0).astype(np.float32)


def _filter_masks(view, filters, moment):
    masks = {}
    if filters.arrondissements:
        masks["arrondissement"] = np.isin(view.arrondissement, filters.wanted_arrondissements())
    if filters.kinds:
        masks["kind"] = np.isin(view.kind, [KIND_CODES[code] for code in filters.kinds])
    if filters.themes:
        masks["theme"] = (view.themes & np.uint8(sum(THEME_BITS[code] for code in filters.themes))) != 0
    if filters.languages:
        bits = sum(1 << view.language_codes.index(code) for code in filters.languages if code in view.language_codes)
        masks["language"] = (view.languages & np.uint64(bits)) != 0
    if filters.free:
        masks["free"] = view.free
    if filters.ages:
        youngest, oldest = filters.ages
        masks["age"] = (view.min_age <= oldest) & (view.max_age >= youngest)
    if filters.open_now:
        masks["open_now"] = view.open_now(moment)
    return masks


def _all_but(candidates, masks, left_out):
    kept = candidates.copy()
    for name, mask in masks.items():
        if name != left_out:
            kept &= mask
    return kept


def count_facets(view, candidates, masks, moment):
    """Count each filter value among the candidates, every other chosen filter applied."""
    facets = Facets()
    by_kind = np.bincount(view.kind[_all_but(candidates, masks, "kind")], minlength=len(taxonomy.KINDS))
    facets.kinds = [(kind.code, int(by_kind[KIND_CODES[kind.code]])) for kind in taxonomy.KINDS if by_kind[KIND_CODES[kind.code]]]
    kept = _all_but(candidates, masks, "theme")
    theme_bits = view.themes[kept]
    facets.themes = [
        (theme.code, count)
        for theme in taxonomy.THEMES
        if (count := int(np.count_nonzero(theme_bits & np.uint8(THEME_BITS[theme.code]))))
    ]
    by_arrondissement = np.bincount(view.arrondissement[_all_but(candidates, masks, "arrondissement")], minlength=21)
    facets.arrondissements = [(number, int(by_arrondissement[number])) for number in range(1, 21) if by_arrondissement[number]]
    spoken = view.languages[_all_but(candidates, masks, "language")]
    facets.languages = sorted(
        (
            (code, count)
            for bit, code in enumerate(view.language_codes)
            if (count := int(np.count_nonzero(spoken & np.uint64(1 << bit))))
        ),
        key=lambda pair: (-pair[1], pair[0]),
    )
    kept = _all_but(candidates, masks, "age")
    youngest, oldest = view.min_age[kept], view.max_age[kept]
    facets.ages = [(group, int(np.count_nonzero((youngest <= group[1]) & (oldest >= group[0])))) for group in AGE_GROUPS]
    facets.free = int(np.count_nonzero(view.free[_all_but(candidates, masks, "free")]))
    facets.open_now = int(np.count_nonzero(view.open_now(moment)[_all_but(candidates, masks, "open_now")]))
    return facets


def _arrondissement_tiers(view, documents, preferred):
    """Return 3 for the preferred arrondissements, 2 for their neighbours, 1 for Paris-wide, else 0."""
    if not preferred:
        return np.zeros(len(documents), np.int64)
    near = [number for own in preferred for number in geography.neighbours_of(own) if number not in preferred]
    numbers = view.arrondissement[documents]
    return np.select(
        [np.isin(numbers, preferred), np.isin(numbers, near), numbers == REMOTE],
        [3, 2, 1],
        default=0,
    ).astype(np.int64)


def _top(keys, wanted):
    """Return the positions of the `wanted` largest keys, largest first."""
    if wanted < len(keys):
        best = np.argpartition(-keys, wanted - 1)[:wanted]
        return best[np.argsort(-keys[best], kind="stable")]
    return np.argsort(-keys, kind="stable")


def rank(view, interpretation, filters, moment, page, per_page):
    """Search the view; return the Ranking of one page."""
    candidates = view.searchable.copy()
    score = np.zeros(view.size, np.float32)
    name_match = np.ones(view.size, bool)
    searched_terms = set()
    if interpretation.clauses:
        matched_clauses = np.zeros(view.size, np.int16)
        for clause in interpretation.clauses:
            clause_score = np.zeros(view.size, np.float32)
            in_name = np.zeros(view.size, bool)
            for terms in clause.alternatives:
                np.maximum(clause_score, _alternative_scores(view, terms), out=clause_score)
                searched_terms.update(terms)
                holds = np.ones(view.size, bool)
                for term in terms:
                    holds &= view.name_holds(term)
                in_name |= holds
            matched_clauses += clause_score > 0
            score += clause_score
            name_match &= in_name
        score *= matched_clauses / len(interpretation.clauses)
        candidates &= matched_clauses > 0
    elif interpretation.arrondissements and not filters.arrondissements:
        # Only arrondissement words were typed: they are the arrondissement filter.
        candidates &= np.isin(view.arrondissement, interpretation.arrondissements)
    masks = _filter_masks(view, filters, moment)
    facets = count_facets(view, candidates, masks, moment)
    selected = _all_but(candidates, masks, None)
    documents = np.flatnonzero(selected)
    preferred = interpretation.arrondissements or (filters.arrondissements if filters.neighbours else ())
    today = moment.date().toordinal()
    is_open = (view.status[documents] == STATUS_CODES["open"]).astype(np.int64)
    confirmed = (~view.low_confidence[documents] & (view.verified_on[documents] >= today - STALE_AFTER_DAYS)).astype(np.int64)
    tiers = _arrondissement_tiers(view, documents, preferred)
    if interpretation.clauses:
        named = (
            np.isin(view.kind[documents], [KIND_CODES[code] for code in interpretation.kinds]) | name_match[documents]
        ).astype(np.int64)
        quantized = np.minimum(np.round(score[documents].astype(np.float64) * 1000), 9_999_999).astype(np.int64)
        prefix = ((is_open * 2 + named) * 4 + tiers) * 2 + confirmed
        keys = (prefix * 10_000_000 + quantized) * 1_000_000 + view.verified_on[documents].astype(np.int64)
    else:
        prefix = (is_open * 4 + tiers) * 2 + confirmed
        keys = prefix * (view.size + 1) + (view.size - view.name_ranks()[documents])
    order = _top(keys, min(page * per_page, len(documents)))
    shown = documents[order[(page - 1) * per_page : page * per_page]]
    hits = [(view.ids[number], round(float(score[number]), 4)) for number in shown]
    return Ranking(total=len(documents), hits=hits, facets=facets, terms=frozenset(searched_terms))
