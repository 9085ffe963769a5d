"""Read-optimized arrays of one Whoosh segment: what ranking, filters and facets need.

Whoosh keeps the index; answering from its postings one document at a time is too slow in
Python for 100,000 resources. So, for each segment, the postings of the text fields and the
stored attributes are read once into numpy arrays: a rebuild writes them beside the
segment (`snapshot-<segment id>.npz` and `.json`), and the small segments that later edits
add are read when a searcher first meets them. A segment never changes once written
(edits add segments and mark documents deleted), so its arrays never go stale.
"""

import collections
import functools
import hashlib
import json
import re
from dataclasses import dataclass

import numpy as np

from directory import taxonomy
from search.analysis import fold_accents
from search.schema import FIELD_BOOSTS

STATUS_CODES = {"open": 0, "planned": 1, "closed": 2}
KIND_CODES = {kind.code: number for number, kind in enumerate(taxonomy.KINDS)}
THEME_BITS = {theme.code: 1 << number for number, theme in enumerate(taxonomy.THEMES)}
# The arrays store kinds and themes by their place in the taxonomy's lists: an index whose
# snapshots were written with another order (a kind inserted, a theme renamed) must be rebuilt.
TAXONOMY_ORDER = hashlib.sha256(" ".join([*KIND_CODES, "/", *THEME_BITS]).encode()).hexdigest()[:16]
if len(THEME_BITS) > 8:
    raise ValueError("more than 8 themes: widen the themes array (uint8) of search/snapshot.py")
UNKNOWN_MIN_AGE = 0  # a resource that names no age is for children of any age
UNKNOWN_MAX_AGE = 99
SPELLING_WORD = re.compile(r"[^\W\d_]{3,}")  # words the "did you mean" may propose


@dataclass
class Postings:
    """Compressed rows: for term number i, docs[offsets[i]:offsets[i + 1]] and their weights."""

    terms: dict  # term → row number
    offsets: np.ndarray
    docs: np.ndarray
    weights: np.ndarray

    def row(self, term):
        """Return (local doc numbers, weights) of a term; empty arrays when absent."""
        number = self.terms.get(term)
        if number is None:
            return np.empty(0, np.int32), np.empty(0, np.float32)
        start, end = self.offsets[number], self.offsets[number + 1]
        return self.docs[start:end], self.weights[start:end]


@dataclass
class SegmentFacts:
    """The arrays of one segment, indexed by the segment's own document numbers."""

    ids: list
    names: list
    kind: np.ndarray  # int16, KIND_CODES
    arrondissement: np.ndarray  # int8, 0 for remote or Paris-wide services
    status: np.ndarray  # int8, STATUS_CODES
    free: np.ndarray  # bool
    themes: np.ndarray  # uint8, THEME_BITS
    languages: np.ndarray  # uint64 bits over language_codes
    language_codes: list
    min_age: np.ndarray  # int16
    max_age: np.ndarray  # int16
    verified_on: np.ndarray  # int32 ordinal, 0 when unknown
    low_confidence: np.ndarray  # bool
    hours: np.ndarray  # int32 index into hours_texts, -1 when none
    hours_texts: list
    text: Postings  # every text field, weighted by FIELD_BOOSTS
    name: Postings  # the name alone, for "the name holds every word"
    vocabulary: dict  # folded word of the text fields → number of documents holding it


@functools.lru_cache(maxsize=200_000)
def _folded(word):
    # Words repeat from document to document: fold each one once.
    return fold_accents(word)


def _read_postings(reader, fieldname):
    """Yield (term, doc numbers, frequencies) of a field of a segment reader."""
    for term in reader.field_terms(fieldname):
        pairs = list(reader.postings(fieldname, term).items_as("frequency"))
        yield (
            term,
            np.fromiter((doc for doc, _ in pairs), np.int32, len(pairs)),
            np.fromiter((frequency for _, frequency in pairs), np.float32, len(pairs)),
        )


def _compress(rows):
    """Turn {term: (docs, weights)} into Postings."""
    terms = {}
    offsets = [0]
    docs = []
    weights = []
    for number, (term, (term_docs, term_weights)) in enumerate(sorted(rows.items())):
        terms[term] = number
        docs.append(term_docs)
        weights.append(term_weights)
        offsets.append(offsets[-1] + len(term_docs))
    return Postings(
        terms,
        np.asarray(offsets, np.int64),
        np.concatenate(docs) if docs else np.empty(0, np.int32),
        np.concatenate(weights) if weights else np.empty(0, np.float32),
    )


def _text_postings(reader):
    pieces = collections.defaultdict(list)
    for fieldname, boost in FIELD_BOOSTS.items():
        for term, docs, frequencies in _read_postings(reader, fieldname):
            pieces[term].append((docs, frequencies * boost))
    rows = {}
    for term, parts in pieces.items():
        docs = np.concatenate([docs for docs, _ in parts])
        weights = np.concatenate([weights for _, weights in parts])
        if len(parts) > 1:  # the same document through several fields: add the weights
            docs, inverse = np.unique(docs, return_inverse=True)
            weights = np.bincount(inverse, weights).astype(np.float32)
        rows[term] = (docs.astype(np.int32), weights)
    return _compress(rows)


# The per-document arrays of SegmentFacts: (type, value of a deleted or missing document).
ARRAYS = {
    "kind": (np.int16, KIND_CODES["autre"]),
    "arrondissement": (np.int8, 0),
    "status": (np.int8, STATUS_CODES["closed"]),
    "free": (bool, False),
    "themes": (np.uint8, 0),
    "languages": (np.uint64, 0),
    "min_age": (np.int16, UNKNOWN_MIN_AGE),
    "max_age": (np.int16, UNKNOWN_MAX_AGE),
    "verified_on": (np.int32, 0),
    "low_confidence": (bool, False),
    "hours": (np.int32, -1),
}


def read_segment(reader):
    """Return the SegmentFacts of a Whoosh segment reader (deleted documents included)."""
    count = reader.doc_count_all()
    ids = [""] * count
    names = [""] * count
    arrays = {name: np.full(count, default, dtype) for name, (dtype, default) in ARRAYS.items()}
    language_codes = {}
    hours_texts = {}
    vocabulary = collections.Counter()
    for docnum in range(count):
        # Whoosh keeps no field whose value is None: every optional field is read with get().
        stored = reader.stored_fields(docnum)
        if not stored:
            continue
        ids[docnum] = stored["id"]
        names[docnum] = stored["name"]
        arrays["kind"][docnum] = KIND_CODES.get(stored["kind"], KIND_CODES["autre"])
        arrays["arrondissement"][docnum] = stored.get("arrondissement") or 0
        arrays["status"][docnum] = STATUS_CODES.get(stored["status"], STATUS_CODES["closed"])
        arrays["free"][docnum] = stored.get("cost") == "free"
        arrays["themes"][docnum] = sum(THEME_BITS.get(theme, 0) for theme in stored.get("themes", ()))
        bits = 0
        for code in stored.get("languages", ()):
            bits |= 1 << language_codes.setdefault(code, len(language_codes))
        arrays["languages"][docnum] = bits
        for name in ("min_age", "max_age"):
            if stored.get(name) is not None:
                arrays[name][docnum] = stored[name]
        arrays["verified_on"][docnum] = stored.get("verified_on", 0)
        arrays["low_confidence"][docnum] = stored.get("confidence") == "low"
        if stored.get("opening_hours"):
            arrays["hours"][docnum] = hours_texts.setdefault(stored["opening_hours"], len(hours_texts))
        text = " ".join(stored.get(name, "") for name in ("name", "description", "audience", "place"))
        vocabulary.update({_folded(word) for word in SPELLING_WORD.findall(text.lower())})
    if len(language_codes) > 64:
        raise ValueError("more than 64 languages spoken on site: widen SegmentFacts.languages")
    name_rows = {term: (docs, np.ones(len(docs), np.float32)) for term, docs, _ in _read_postings(reader, "name")}
    return SegmentFacts(
        ids=ids,
        names=names,
        language_codes=list(language_codes),
        hours_texts=list(hours_texts),
        text=_text_postings(reader),
        name=_compress(name_rows),
        vocabulary=dict(vocabulary),
        **arrays,
    )


def save_segment(facts, stem):
    """Write SegmentFacts to <stem>.npz and <stem>.json."""
    arrays = {name: getattr(facts, name) for name in ARRAYS}
    for prefix in ("text", "name"):
        postings = getattr(facts, prefix)
        arrays.update(
            {f"{prefix}_offsets": postings.offsets, f"{prefix}_docs": postings.docs, f"{prefix}_weights": postings.weights}
        )
    np.savez(f"{stem}.npz", **arrays)
    lists = {
        "ids": facts.ids,
        "names": facts.names,
        "language_codes": facts.language_codes,
        "hours_texts": facts.hours_texts,
        "text_terms": list(facts.text.terms),
        "name_terms": list(facts.name.terms),
        "vocabulary": facts.vocabulary,
    }
    with open(f"{stem}.json", "w", encoding="utf-8") as stream:
        json.dump(lists, stream, ensure_ascii=False)


def load_segment(stem):
    """Read SegmentFacts written by save_segment."""
    with open(f"{stem}.json", encoding="utf-8") as stream:
        lists = json.load(stream)
    with np.load(f"{stem}.npz") as arrays:
        values = {name: arrays[name] for name in ARRAYS}
        postings = {
            prefix: Postings(
                {term: number for number, term in enumerate(lists[f"{prefix}_terms"])},
                arrays[f"{prefix}_offsets"],
                arrays[f"{prefix}_docs"],
                arrays[f"{prefix}_weights"],
            )
            for prefix in ("text", "name")
        }
    return SegmentFacts(
        ids=lists["ids"],
        names=lists["names"],
        language_codes=lists["language_codes"],
        hours_texts=lists["hours_texts"],
        vocabulary=lists["vocabulary"],
        text=postings["text"],
        name=postings["name"],
        **values,
    )
