"""Opening hours evaluated in Paris time, with French public holidays."""

import datetime

from directory.hours import PARIS
from directory.hours import is_open_at
from directory.hours import open_state
from directory.hours import week_schedule

MAIRIE = "Mo-Fr 08:30-17:00; Th 08:30-19:30; PH off"


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def test_open_on_a_weekday_morning():
    assert is_open_at(MAIRIE, paris(2026, 11, 23, 10, 0)) is True


def test_closed_at_night_and_on_sunday():
    assert is_open_at(MAIRIE, paris(2026, 11, 23, 20, 0)) is False
    assert is_open_at(MAIRIE, paris(2026, 11, 22, 10, 0)) is False


def test_closed_on_a_french_public_holiday():
    # 11 November 2026 is a Wednesday and Armistice day.
    assert is_open_at(MAIRIE, paris(2026, 11, 11, 10, 0)) is False


def test_time_is_read_in_paris():
    # 08:00 UTC is 09:00 in Paris in winter: open.
    utc = datetime.datetime(2026, 11, 23, 8, 0, tzinfo=datetime.UTC)
    assert is_open_at(MAIRIE, utc) is True


def test_next_change():
    state = open_state(MAIRIE, paris(2026, 11, 26, 18, 0))  # a Thursday evening
    assert state.is_open is True
    assert state.next_change.astimezone(PARIS).time() == datetime.time(19, 30)


def test_no_hours_means_unknown():
    assert is_open_at(None, paris(2026, 11, 23, 10, 0)) is None


def test_week_schedule_lists_seven_days_with_the_holiday_closed():
    days = week_schedule(MAIRIE, paris(2026, 11, 9, 12, 0))
    assert len(days) == 7
    by_date = {day.day: day for day in days}
    assert by_date[datetime.date(2026, 11, 11)].intervals == ()
    assert by_date[datetime.date(2026, 11, 12)].intervals[0][:2] == (datetime.time(8, 30), datetime.time(19, 30))


def test_round_the_clock_service():
    days = week_schedule("24/7", paris(2026, 11, 9, 12, 0))
    assert all(day.intervals for day in days)
