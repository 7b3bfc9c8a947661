"""TimeML TIMEX3 values: how a week, a shifted month, a count and a
stretch of the calendar are written ("2025-W33", "2025-09", "2.5"), and
which values an anaphor can count from."""

from __future__ import annotations

import datetime as dt
import re

# a stretch of the calendar: a year, a month, a day (with a time), a quarter
CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q(\d))?(?:T.*)?")


def iso_week(d: dt.date) -> str:
    """The ISO week holding ``d``: 2025-08-17 -> "2025-W33"."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months on: (2025, 12, 1) -> (2026, 1)."""
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def fmt_num(n: float) -> str:
    """A count as TimeML writes it: 2.0 -> "2", 2.5 -> "2.5"."""
    return str(int(n)) if float(n).is_integer() else str(n)


def is_calendar(value: str | None) -> bool:
    """Whether ``value`` is a stretch of the calendar an anaphor can count
    from ("2025-08-17", "2025-08", "1988-Q2", "1995"; not "P2W" or "PAST_REF")."""
    return value is not None and CALENDAR.fullmatch(value) is not None
