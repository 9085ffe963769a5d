"""The orientation sheet's content: which resources, their week of hours, what to bring, why.

Plain values in, plain values out: the views render them in the family's language and in
French (desk/bilingual.py), as printable HTML or as a PDF (desk/pdf.py).
"""

import datetime
import re
from dataclasses import dataclass
from dataclasses import field

from desk.shortlist import SHORTLIST_LIMIT
from directory import hours
from directory import taxonomy
from web.languages import get_language
from web.languages import with_french

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")  # the directory's stable ids (data/README.md)
MAX_SHEET_RESOURCES = SHORTLIST_LIMIT  # ids beyond this many are left out with a notice
MAX_NOTE_LENGTH = 600  # characters of the staff member's note; it must fit on the sheet
FRENCH = get_language("fr")  # the receiving services read French: it is on every sheet


@dataclass(frozen=True)
class WeekdayHours:
    """Consecutive weekdays with the same opening hours, for the week's summary."""

    first_day: datetime.date
    last_day: datetime.date
    intervals: tuple  # ((start time, end time, comment), …); empty when closed or unknown
    unknown: bool  # the hours do not say ("sur rendez-vous"…)


@dataclass(frozen=True)
class SheetEntry:
    """One resource on the sheet.

    `reasons` is where a questionnaire's result says why the resource was proposed: French
    message ids with their placeholders, as ((message, {name: value}), …), translated in each
    language of the sheet. A sheet made from a shortlist has none.
    """

    resource: object  # directory.models.Resource
    week: tuple = ()  # (WeekdayHours, …), Monday first; empty when the hours are unknown
    reasons: tuple = ()

    @property
    def what_to_bring(self):
        """Return the French message id of what to bring to this kind of service."""
        return taxonomy.WHAT_TO_BRING.get(self.resource.kind, taxonomy.WHAT_TO_BRING["autre"])


@dataclass(frozen=True)
class Issuer:
    """The desk that hands the sheet over, when a signed-in staff member prints it."""

    desk_name: str
    phone: str | None = None
    address: str | None = None
    postal_code: str | None = None


@dataclass(frozen=True)
class Sheet:
    """Everything printed on one orientation sheet; built per request and never stored."""

    entries: tuple
    family_language: object  # web.languages.Language
    issued_on: datetime.date
    issuer: Issuer | None = None
    note: str = ""
    unknown_ids: tuple = field(default=())
    left_out_ids: tuple = field(default=())  # valid ids beyond MAX_SHEET_RESOURCES

    @property
    def languages(self):
        """Return the languages of the sheet: the family's, then French when it is another one."""
        return with_french(self.family_language)


@dataclass(frozen=True)
class Reasons:
    """Why the places of a sheet were proposed (from the session's answers), and whether it is printed."""

    by_id: dict  # resource id -> ((message, params), …); empty when not printed
    offered: bool  # some place of the sheet was proposed by the answers: the form offers the choice
    sensitive: bool  # the answers speak of violence or danger
    shown: bool


def choose_reasons(resources, reasons_by_id, sensitive, choices):
    """Return the Reasons of a sheet from the answers' reasons and the choice made on its form.

    `choices` are the values of the form's "why" fields: a hidden "no", then "yes" when its box
    is checked. Without a choice the reasons are printed, unless the answers speak of violence
    or danger: a sheet found by someone else must not tell it.
    """
    offered = any(resource.id in reasons_by_id for resource in resources)
    shown = offered and ("yes" in choices if choices else not sensitive)
    return Reasons(reasons_by_id if shown else {}, offered, sensitive, shown)


def parse_ids(text):
    """Split "ID1,ID2" into (ids to look up, ids not well-formed, ids beyond the limit), without repeats."""
    wanted = list(dict.fromkeys(part.strip() for part in (text or "").split(",") if part.strip()))
    malformed = tuple(identifier for identifier in wanted if not ID_PATTERN.match(identifier))
    valid = [identifier for identifier in wanted if ID_PATTERN.match(identifier)]
    return valid[:MAX_SHEET_RESOURCES], malformed, tuple(valid[MAX_SHEET_RESOURCES:])


def clean_note(text):
    """Return the staff member's note, trimmed and cut to MAX_NOTE_LENGTH characters."""
    return (text or "").strip()[:MAX_NOTE_LENGTH]


def week_summary(opening_hours, moment):
    """Return the next seven days' hours as WeekdayHours groups, Monday first; () when unknown."""
    if not opening_hours:
        return ()
    days = sorted(hours.week_schedule(opening_hours, moment), key=lambda day: day.day.weekday())
    groups = []
    for day in days:
        previous = groups[-1] if groups else None
        if previous and (previous.intervals, previous.unknown) == (day.intervals, day.unknown):
            groups[-1] = WeekdayHours(previous.first_day, day.day, previous.intervals, previous.unknown)
        else:
            groups.append(WeekdayHours(day.day, day.day, day.intervals, day.unknown))
    return tuple(groups)


def build_entries(resources, moment, reasons_by_id=None):
    """Return a SheetEntry for each resource, with its week of hours and its reasons when given."""
    reasons_by_id = reasons_by_id or {}
    return tuple(
        SheetEntry(resource, week_summary(resource.opening_hours, moment), tuple(reasons_by_id.get(resource.id, ())))
        for resource in resources
    )


def issuer_for(desk_name, desk_resource=None):
    """Return the Issuer of a desk, with its phone and address from its directory record."""
    if not desk_name:
        return None
    if desk_resource is None:
        return Issuer(desk_name)
    return Issuer(desk_name, desk_resource.phone, desk_resource.address, desk_resource.postal_code)
