"""Opening hours in OpenStreetMap syntax, evaluated in Paris time with French public holidays."""

import datetime
import functools
import zoneinfo
from dataclasses import dataclass

import opening_hours

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
COUNTRY = "FR"  # loads the French public holidays for "PH"
DAYS_SHOWN = 7  # the schedule on a resource page covers one week from today


@dataclass(frozen=True)
class DaySchedule:
    """The opening intervals of one day."""

    day: datetime.date
    intervals: tuple  # ((start time, end time, comment), …)
    unknown: bool  # some interval of the day has an unknown state ("sur rendez-vous"…)


@dataclass(frozen=True)
class OpenState:
    """Whether a place is open at a moment, and when that changes."""

    is_open: bool | None  # None when the hours do not say
    next_change: datetime.datetime | None


def now_in_paris():
    """Return the current time in Paris."""
    return datetime.datetime.now(PARIS)


@functools.lru_cache(maxsize=4096)
def parse_hours(text):
    """Parse an opening_hours text for a place in Paris (cached)."""
    return opening_hours.OpeningHours(text, timezone=PARIS, country=COUNTRY)


def open_state(text, moment):
    """Return the OpenState of these hours at a moment (None when there are no hours)."""
    if not text:
        return OpenState(None, None)
    hours = parse_hours(text)
    moment = moment.astimezone(PARIS)
    state, _comment = hours.state(moment)
    next_change = hours.next_change(moment)
    if state == opening_hours.State.UNKNOWN:
        return OpenState(None, next_change)
    return OpenState(state == opening_hours.State.OPEN, next_change)


def is_open_at(text, moment):
    """Return True, False, or None when the hours are missing or say nothing for that moment."""
    return open_state(text, moment).is_open


def week_schedule(text, moment, days=DAYS_SHOWN):
    """Return a DaySchedule for each day from the moment's date, for `days` days."""
    hours = parse_hours(text)
    moment = moment.astimezone(PARIS)
    start = datetime.datetime.combine(moment.date(), datetime.time(0, 0), tzinfo=PARIS)
    end = start + datetime.timedelta(days=days)
    by_day = {start.date() + datetime.timedelta(days=offset): ([], [False]) for offset in range(days)}
    for begin, finish, state, comment in hours.intervals(start, end):
        if state == opening_hours.State.CLOSED:
            continue
        begin = begin.astimezone(PARIS)
        finish = finish.astimezone(PARIS)
        day = begin.date()
        # An interval may run past midnight; split it at each day boundary.
        while day in by_day and begin < finish:
            day_end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=PARIS)
            piece_end = min(finish, day_end)
            intervals, unknown = by_day[day]
            if state == opening_hours.State.UNKNOWN:
                unknown[0] = True
            else:
                shown_end = piece_end.time() if piece_end < day_end else datetime.time(23, 59)
                intervals.append((begin.time(), shown_end, comment or ""))
            begin = piece_end
            day = begin.date()
    return [DaySchedule(day, tuple(intervals), unknown[0]) for day, (intervals, unknown) in sorted(by_day.items())]
