"""When a record must be checked again: its review interval, per kind with a per-record override."""

import calendar
import datetime
from dataclasses import dataclass

DEFAULT_REVIEW_MONTHS = 12  # a year, for most places
# Kinds whose facts change faster: announced places (to see if they opened), holiday offers
# (they change every season), and local permanences of other services.
REVIEW_MONTHS_BY_KIND = {
    "piv": 6,
    "vacances_loisirs": 6,
    "creche_avip": 6,
    "laep": 6,
}
PLANNED_REVIEW_MONTHS = 3  # an announced place: has it opened?


@dataclass(frozen=True)
class Freshness:
    """A record's review interval and when its next check is due."""

    months: int
    due_on: datetime.date | None  # None when it was never verified: due now
    overdue: bool


def review_months(resource):
    """Return the record's review interval in months: its own, else its status's or kind's default."""
    if resource.review_months:
        return resource.review_months
    if resource.status == "planned":
        return PLANNED_REVIEW_MONTHS
    return REVIEW_MONTHS_BY_KIND.get(resource.kind, DEFAULT_REVIEW_MONTHS)


def add_months(day, months):
    """Return the same day `months` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def freshness_of(resource, today):
    """Return the Freshness of a record on a day."""
    months = review_months(resource)
    due_on = add_months(resource.verified_on, months) if resource.verified_on else None
    return Freshness(months, due_on, due_on is None or due_on <= today)


def overdue_table(resources, today):
    """Return ({(arrondissement or None, kind): overdue count}, [overdue resources, longest overdue first])."""
    counts = {}
    overdue = []
    for resource in resources:
        freshness = freshness_of(resource, today)
        if freshness.overdue and resource.status != "closed":
            counts[(resource.arrondissement, resource.kind)] = counts.get((resource.arrondissement, resource.kind), 0) + 1
            overdue.append((resource, freshness))
    overdue.sort(key=lambda item: (item[1].due_on or datetime.date.min, item[0].name))
    return counts, overdue
