"""The Whoosh schema of the resource index, and how a resource becomes a document."""

from whoosh.fields import ID
from whoosh.fields import STORED
from whoosh.fields import TEXT
from whoosh.fields import Schema

from search.analysis import french_analyzer

# Bump when the schema, the analysis or the snapshot layout changes: older indexes are rebuilt.
SCHEMA_VERSION = 2

# How much a word found in each text field counts, relative to the description.
FIELD_BOOSTS = {
    "name": 4.0,
    "audience": 1.5,
    "place": 1.5,
    "description": 1.0,
}
# A word of the kind's label ("ludothèque", "médiation familiale") counts like a word of the name.
KIND_LABEL_BOOST = 3.0


def build_schema():
    """Return the schema of the resource index."""
    analyzer = french_analyzer()
    # phrase=False: the search never asks for word positions, so none are stored.
    return Schema(
        id=ID(stored=True, unique=True),
        name=TEXT(analyzer=analyzer, stored=True, phrase=False),
        audience=TEXT(analyzer=analyzer, stored=True, phrase=False),
        place=TEXT(analyzer=analyzer, stored=True, phrase=False),
        description=TEXT(analyzer=analyzer, stored=True, phrase=False),
        kind=STORED,
        themes=STORED,
        arrondissement=STORED,
        status=STORED,
        cost=STORED,
        languages=STORED,
        min_age=STORED,
        max_age=STORED,
        verified_on=STORED,  # proleptic ordinal of the date
        confidence=STORED,
        opening_hours=STORED,
    )


def document_for(resource):
    """Return the index document of a resource."""
    return {
        "id": resource.id,
        "name": resource.name,
        "audience": resource.audience or "",
        "place": " ".join(part for part in (resource.address, resource.postal_code) if part),
        "description": resource.description,
        "kind": resource.kind,
        "themes": tuple(resource.all_themes),
        "arrondissement": resource.arrondissement or 0,
        "status": resource.status,
        "cost": resource.cost or "",
        "languages": tuple(resource.languages),
        "min_age": resource.min_age,
        "max_age": resource.max_age,
        "verified_on": resource.verified_on.toordinal() if resource.verified_on else 0,
        "confidence": resource.confidence,
        "opening_hours": resource.opening_hours or "",
    }
