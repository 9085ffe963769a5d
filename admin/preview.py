"""The opening-hours preview of the edit form: does the text parse, is it open now, the week."""

from dataclasses import dataclass

from desk.sheets import week_summary
from directory import hours
from directory.validation import hours_problem


@dataclass(frozen=True)
class HoursPreview:
    """What the editor sees under the hours field."""

    text: str
    problem: str | None  # why the text does not parse (the parser's own words)
    is_open: bool | None
    next_change: object  # datetime or None
    week: tuple  # desk.sheets.WeekdayHours groups, Monday first


def preview_hours(text, moment):
    """Return the HoursPreview of an opening_hours text at a moment (Paris time)."""
    text = (text or "").strip()
    if not text:
        return HoursPreview(text, None, None, None, ())
    problem = hours_problem(text)
    if problem:
        return HoursPreview(text, problem, None, None, ())
    state = hours.open_state(text, moment)
    return HoursPreview(text, None, state.is_open, state.next_change, week_summary(text, moment))
