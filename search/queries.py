"""Turn what someone typed and the chosen filters into a Whoosh query, and run it.

The user's words are only ever words: they go through the analyzer and become Term
queries; no query parser ever sees them, so quotes, AND/OR/NOT, "field:" or "*" mean
nothing special.
"""

from dataclasses import dataclass
from dataclasses import field

from whoosh import query as wq

from search.analysis import analyze
from search.schema import FIELD_BOOSTS

MAX_QUERY_CHARACTERS = 500  # longer texts are cut: nobody types more to find a place
MAX_TERMS = 32  # distinct words kept from a query
MATCH_MORE_WORDS = 0.9  # Or(scale): documents matching more of the words rank higher


@dataclass(frozen=True)
class Filters:
    """Filters chosen on the search page or in the API; None or empty means any."""

    arrondissements: tuple = ()
    kinds: tuple = ()
    themes: tuple = ()
    languages: tuple = ()
    free: bool = False
    statuses: tuple = ("open", "planned")


@dataclass
class SearchPage:
    """One page of search results."""

    total: int
    page: int
    per_page: int
    hits: list = field(default_factory=list)  # [(resource id, score)]


def query_terms(text, analyzer):
    """Return the distinct analyzed terms of a text, in order, at most MAX_TERMS."""
    terms = analyze(analyzer, (text or "")[:MAX_QUERY_CHARACTERS])
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def text_query(terms):
    """Return a query that finds any of the terms in any text field, weighted by field."""
    if not terms:
        return wq.Every()
    per_term = [wq.Or([wq.Term(name, term, boost=boost) for name, boost in FIELD_BOOSTS.items()]) for term in terms]
    return per_term[0] if len(per_term) == 1 else wq.Or(per_term, scale=MATCH_MORE_WORDS)


def filter_query(filters):
    """Return the query that restricts results to the filters, or None."""
    parts = []
    for name, values in (
        ("arrondissement", [str(number) for number in filters.arrondissements]),
        ("kind", filters.kinds),
        ("themes", filters.themes),
        ("languages", filters.languages),
        ("status", filters.statuses),
    ):
        if values:
            parts.append(wq.Or([wq.Term(name, value) for value in values]))
    if filters.free:
        parts.append(wq.Term("cost", "free"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


def search_page(searcher, analyzer, text, filters, page, per_page):
    """Run a search and return one SearchPage; an empty text lists everything filtered."""
    terms = query_terms(text, analyzer)
    if not terms and (text or "").strip():
        # Only symbols or common words: nothing to look for, rather than everything.
        return SearchPage(total=0, page=page, per_page=per_page)
    restrict = filter_query(filters)
    if terms:
        results = searcher.search_page(text_query(terms), page, pagelen=per_page, filter=restrict)
    else:
        results = searcher.search_page(wq.Every(), page, pagelen=per_page, filter=restrict, sortedby="sort_name")
    # Whoosh shows the last page for a page past the end; we show an empty one instead.
    if results.pagenum != page:
        return SearchPage(total=results.total, page=page, per_page=per_page)
    # Sorted lists carry a sort key, not a relevance score.
    hits = [(hit["id"], round(hit.score, 4) if terms else 0.0) for hit in results]
    return SearchPage(total=results.total, page=page, per_page=per_page, hits=hits)
