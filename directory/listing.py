"""Plain functions that arrange resources for the pages: groups, hours, alternatives."""

from dataclasses import dataclass

from directory import geography
from directory import hours
from directory import taxonomy


@dataclass(frozen=True)
class HoursView:
    """What a page shows about opening hours."""

    is_open: bool | None
    next_change: object  # datetime or None
    days: list  # [DaySchedule]
    details: str | None


def group_by_theme_and_kind(resources):
    """Return [(theme, [(kind, [resources])])] in taxonomy order, each resource once, under its main theme.

    The main theme is the first of the kind's themes (a LAEP is "être parent" before "petite
    enfance"): listing a place under every theme would repeat it on the page.
    """
    by_theme = {}
    for resource in resources:
        themes = resource.all_themes
        if themes:
            by_theme.setdefault(themes[0], []).append(resource)
    groups = []
    for theme in taxonomy.THEMES:
        in_theme = by_theme.get(theme.code)
        if not in_theme:
            continue
        kinds = [(kind, [r for r in in_theme if r.kind == kind.code]) for kind in taxonomy.KINDS]
        groups.append((theme, [(kind, of_kind) for kind, of_kind in kinds if of_kind]))
    return groups


def group_by_arrondissement(resources):
    """Return [(arrondissement or None, [resources])], arrondissements in order, remote ones last."""
    numbers = sorted({resource.arrondissement for resource in resources if resource.arrondissement})
    groups = [(number, [r for r in resources if r.arrondissement == number]) for number in numbers]
    remote = [resource for resource in resources if resource.arrondissement is None]
    if remote:
        groups.append((None, remote))
    return groups


def kinds_present(resources, theme):
    """Return [(kind, count)] of the kinds of a theme that have resources, in taxonomy order."""
    counts = {}
    for resource in resources:
        counts[resource.kind] = counts.get(resource.kind, 0) + 1
    return [(kind, counts[kind.code]) for kind in taxonomy.KINDS if kind.code in counts]


def hours_view(resource, moment):
    """Return the HoursView of a resource at a moment (Paris time)."""
    if not resource.opening_hours:
        return HoursView(None, None, [], resource.hours_details)
    state = hours.open_state(resource.opening_hours, moment)
    is_open = state.is_open if resource.status == "open" else False
    return HoursView(is_open, state.next_change, hours.week_schedule(resource.opening_hours, moment), resource.hours_details)


def nearby_alternatives(candidates, resource, limit=5):
    """Return open resources like this one: same arrondissement first, then neighbours, then remote."""
    neighbours = geography.neighbours_of(resource.arrondissement) if resource.arrondissement else ()

    def distance(candidate):
        if candidate.arrondissement == resource.arrondissement:
            return 0
        if candidate.arrondissement in neighbours:
            return 1
        return 2 if candidate.arrondissement is None else 3

    usable = [c for c in candidates if c.id != resource.id and c.status == "open"]
    return sorted(usable, key=lambda candidate: (distance(candidate), candidate.name))[:limit]
