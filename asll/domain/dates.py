"""The calendar of the trade: French working days, adding months, counting years back.
Every rule that moves a date (deadlines, measure ends, retention) uses these."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=64)
def _holidays(year: int):
    import holidays  # heavy (dateutil, every country's calendar): `asll extract` needs none

    return holidays.France(years=year)


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a French public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """`count` working days after (count > 0) or before (count < 0) `start`."""
    step = 1 if count > 0 else -1
    day, left = start, abs(count)
    while left:
        day += timedelta(days=step)
        if is_working_day(day):
            left -= 1
    return day


def add_months(start: date, months: int) -> date:
    """Same day `months` later (or earlier), kept to the month's last day: 31 Jan + 1 → 29 Feb."""
    year, month0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    month = month0 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def years_before(day: date, years: int) -> date:
    """The same date `years` earlier; 29 February becomes the 28th in a common year."""
    return add_months(day, -12 * years)
