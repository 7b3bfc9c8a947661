"""The calendar's words and the shapes of dates that several modules read:
month and weekday names, seasons, parts of the day, the units of time, and
the regular-expression fragments built from them (a month as written, a
weekday, two days of one month, a clock time). The patterns for what the
NER misses are data (``data/date_patterns.tsv``, read by :mod:`.detect`).
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# the turns of the day, as the parts of it they fall in (TIDES's tokens: MO, EV, NI)
TURNS_OF_DAY = {"dawn": "MO", "daybreak": "MO", "sunrise": "MO", "dusk": "EV", "sunset": "EV", "nightfall": "NI"}

# a month or a weekday as written ("Sept.", "August", "Thurs.")
MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY_RE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|"
    r"Thu\.|Thurs\.|Fri\.|Sat\.|Sun\.)"
)
# ... and in lower case, as the normaliser reads them (one group each)
WEEKDAY_WORD = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
UNIT_WORD = r"(second|minute|hour|day|night|week|weekend|month|year|decade|centur(?:y|ie)|quarter|fortnight)s?"

# "April 24 and 25": two days of one month (the second takes the first's month)
DAYS = rf"((?:{MONTH_RE})\.?\s+\d{{1,2}})\s*(?:and|&|or|-|–)\s*(\d{{1,2}})"
# a clock time: "10:30 a.m.", "3 pm"
CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?", re.I)
# time zones written after a clock time ("21:30 UTC", "10 a.m. ET", "14:00 local time")
ZONE = (
    r"(?:GMT|UTC|Z|BST|IST|CES?T|EES?T|WES?T|MSK|[ECMP][SD]?T|AES?T|AED?T|JST|KST|HKT|SGT|WIB|"
    r"local\s+time|local(?=\s*[,;:()]|\s*$))"
)
# a 24-hour clock time: "21:30", "09:10", "0600 GMT", "14.30 GMT", "1430 hours" (four
# digits or a dot only with a zone or "hours" after them; never inside a longer number)
CLOCK_24 = re.compile(
    r"(?<![\d.:,$/])(?:([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?![\d:]|\s*[ap]\.?\s?m\b)"
    rf"|([01]\d|2[0-3])\.?([0-5]\d)(?=\s*(?:{ZONE}|hours|hrs)\b))",
    re.I,
)


def month_number(word: str) -> int | None:
    """The month a word names ("Sept." -> 9), or None."""
    return MONTHS.get(word.lower().rstrip("."))
