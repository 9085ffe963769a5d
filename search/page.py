"""What the search page shows around the results: filter choices with counts, pages, other leads."""

from dataclasses import dataclass

from directory import geography
from directory import taxonomy

RELATED_KINDS_SHOWN = 6
# The four services the directory exists for, proposed when nothing else is known.
FIRST_KINDS = ("laep", "mediation_familiale", "aripa", "creche_avip")


@dataclass(frozen=True)
class Choice:
    """One value of a filter: its code, how many results it gives, whether it is chosen."""

    value: object
    count: int
    selected: bool


@dataclass(frozen=True)
class ZeroResultLeads:
    """Where to look when a search finds nothing."""

    neighbours: list  # [(arrondissement, results there)]
    kinds: list  # kind codes


def _choices(counted, chosen):
    counts = dict(counted)
    values = [value for value, _ in counted] + [value for value in chosen if value not in counts]
    return [Choice(value, counts.get(value, 0), value in chosen) for value in values]


def filter_choices(facets, filters):
    """Return {filter name: [Choice]} for the page's filter form."""
    ages = [(f"{youngest}-{oldest}", count) for (youngest, oldest), count in facets.ages]
    chosen_age = f"{filters.ages[0]}-{filters.ages[1]}" if filters.ages else None
    if chosen_age and chosen_age not in dict(ages):
        ages.append((chosen_age, 0))
    by_arrondissement = dict(facets.arrondissements)
    return {
        "arrondissement": [
            Choice(number, by_arrondissement.get(number, 0), number in filters.arrondissements)
            for number in geography.arrondissement_numbers()
        ],
        "neighbours": Choice(True, None, filters.neighbours),
        "theme": _choices(facets.themes, filters.themes),
        "kind": _choices(facets.kinds, filters.kinds),
        "age": [Choice(value, count, value == chosen_age) for value, count in ages],
        "language": _choices(facets.languages, filters.languages),
        "free": Choice(True, facets.free, filters.free),
        "open_now": Choice(True, facets.open_now, filters.open_now),
    }


def page_count(total, per_page):
    """Return the number of pages of results."""
    return max(1, -(-total // per_page))


def zero_result_leads(result, filters):
    """Return the neighbouring arrondissements and the kinds to propose when nothing was found."""
    places = filters.arrondissements or result.interpretation.arrondissements
    counts = dict(result.facets.arrondissements)
    neighbours = []
    for number in places:
        for neighbour in geography.neighbours_of(number):
            if neighbour not in places and neighbour not in dict(neighbours):
                neighbours.append((neighbour, counts.get(neighbour, 0)))
    named = list(dict.fromkeys((*result.interpretation.kinds, *filters.kinds)))
    themes = {theme for code in named for theme in taxonomy.KIND_BY_CODE[code].themes}
    related = [kind.code for kind in taxonomy.KINDS if kind.code not in named and themes & set(kind.themes)]
    kinds = named + related or [code for code, _ in sorted(result.facets.kinds, key=lambda pair: -pair[1])] or list(FIRST_KINDS)
    return ZeroResultLeads(neighbours, kinds[:RELATED_KINDS_SHOWN])
