"""The Whoosh schema of the resource index, and how a resource becomes a document."""

from whoosh.fields import BOOLEAN
from whoosh.fields import ID
from whoosh.fields import KEYWORD
from whoosh.fields import NUMERIC
from whoosh.fields import TEXT
from whoosh.fields import Schema

from directory import taxonomy
from search.analysis import fold_accents
from search.analysis import french_analyzer

# Bump when the schema or the analysis changes: an index built with another version is rebuilt.
SCHEMA_VERSION = 1

# How much a word found in each field counts, relative to the description.
FIELD_BOOSTS = {
    "name": 4.0,
    "kind_label": 3.0,
    "audience": 1.5,
    "place": 1.5,
    "description": 1.0,
}
NO_ARRONDISSEMENT = "none"  # the arrondissement term of remote services


def build_schema():
    """Return the schema of the resource index."""
    analyzer = french_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        sort_name=ID(sortable=True),  # folded, lowercased name for alphabetical lists
        name=TEXT(analyzer=analyzer, stored=True),
        kind_label=TEXT(analyzer=analyzer),
        description=TEXT(analyzer=analyzer, stored=True),
        audience=TEXT(analyzer=analyzer),
        place=TEXT(analyzer=analyzer),
        kind=ID(stored=True),
        themes=KEYWORD(commas=True),
        arrondissement=ID(stored=True),
        status=ID(stored=True),
        cost=ID,
        languages=KEYWORD(commas=True),
        min_age=NUMERIC(int),
        max_age=NUMERIC(int),
        needs_check=BOOLEAN(stored=True),
        verified_on=NUMERIC(int, stored=True),  # proleptic ordinal of the date, for ties
    )


def document_for(resource, today):
    """Return the index document of a resource."""
    kind = taxonomy.KIND_BY_CODE[resource.kind]
    place_words = [resource.address or "", resource.postal_code or ""]
    if resource.arrondissement:
        place_words.append(f"Paris {resource.arrondissement}")
    return {
        "id": resource.id,
        "name": resource.name,
        "sort_name": fold_accents(resource.name).lower(),
        "kind_label": f"{kind.label} {kind.plural} {resource.kind.replace('_', ' ')}",
        "description": resource.description,
        "audience": resource.audience or "",
        "place": " ".join(word for word in place_words if word),
        "kind": resource.kind,
        "themes": ",".join(resource.all_themes),
        "arrondissement": str(resource.arrondissement) if resource.arrondissement else NO_ARRONDISSEMENT,
        "status": resource.status,
        "cost": resource.cost or "unknown",
        "languages": ",".join(resource.languages),
        "min_age": resource.min_age if resource.min_age is not None else 0,
        "max_age": resource.max_age if resource.max_age is not None else 99,
        "needs_check": resource.needs_check(today),
        "verified_on": resource.verified_on.toordinal() if resource.verified_on else 0,
    }
