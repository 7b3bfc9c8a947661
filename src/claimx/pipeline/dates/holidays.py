"""Holidays: the table of their dates (fixed, the nth weekday of a month,
or moving with Easter), the day each falls on in a given year, and the
patterns that find their names in text ("Thanksgiving Day") and read them
in an expression ("last christmas")."""

from __future__ import annotations

import datetime as dt
import re

# holidays: fixed (month, day), or (month, weekday, nth) with nth = -1 for the last
HOLIDAYS: dict[str, tuple[int, int] | tuple[int, int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "thanksgiving day": (11, 3, 4), "thanksgiving": (11, 3, 4),
    "labor day": (9, 0, 1), "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "presidents' day": (2, 0, 3), "presidents day": (2, 0, 3), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3), "election day": (11, 1, 0), "easter": (0, 0, 0), "easter sunday": (0, 0, 0),
    "easter monday": (0, 0, 0), "good friday": (0, 0, 0), "palm sunday": (0, 0, 0),
}
_FROM_EASTER = {"easter monday": 1, "good friday": -2, "palm sunday": -7}
# normalisation: any case, longest first ("christmas eve" before "christmas")
HOLIDAY_RE = "|".join(sorted((re.escape(h).replace("'", "['’]") for h in HOLIDAYS), key=len, reverse=True))


# detection: the capitalised names ("Thanksgiving Day"), longest first
HOLIDAY_NAMES = "|".join(
    re.escape(" ".join(w if w == "of" else w[:1].upper() + w[1:] for w in h.split())).replace("'", "['’]")
    for h in sorted(HOLIDAYS, key=len, reverse=True)
    if not h.startswith("the ")
)
HOLIDAY = re.compile(rf"\b(?:(?:last|next|this)\s+)?(?:{HOLIDAY_NAMES})\b(?!\s+(?:week|season|holidays?|weekend|break))")


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday(name: str, year: int) -> dt.date:
    """The day holiday ``name`` (lower case, as in the table) falls on in ``year``."""
    rule = HOLIDAYS[name]
    if rule == (0, 0, 0):  # moves with Easter: (0, 0, 0) plus the days in _FROM_EASTER
        return easter(year) + dt.timedelta(days=_FROM_EASTER.get(name, 0))
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, weekday, nth = rule
    if name == "election day":  # the Tuesday after the first Monday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
    if nth == -1:
        last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))

