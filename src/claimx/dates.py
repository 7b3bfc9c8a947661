"""When: find temporal expressions and normalise them to TimeML TIMEX3 values.

Detection (:func:`detect`) needs a parsed Doc: spaCy's DATE/TIME entities plus
our own patterns for what the model misses ("now", "recently", quarters,
seasons, "for weeks"), each with the tense of the verb that governs it.
Normalisation (:func:`normalise`) is pure: an expression, a reference date and
a tense give a value such as ``2025-08-17``, ``2025-08``, ``2025-W33``,
``2025-Q3``, ``P2W`` or ``PRESENT_REF``, or ``None`` where it cannot be
resolved. :func:`infer_reference_date` finds the article's date in its text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

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
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "half": 0.5,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q", "weekend": "WE",
}
# heads of "X is due to / set to / expected to / plans to <verb>": future
FUTURE_HEADS = {"due", "set", "expect", "plan", "schedule", "go", "intend", "poise", "slate"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY_RE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|"
    r"Thu\.|Thurs\.|Fri\.|Sat\.|Sun\.)"
)
# extra expressions the NER misses (compiled once)
_EXTRA = re.compile(
    r"(?<!\w)(?:now|currently|recently|nowadays|today|tonight|yesterday|tomorrow|"
    r"(?:this|last|next|the)\s+(?:week(?:end)?|month|year|spring|summer|fall|autumn|winter)|"
    r"the\s+(?:first|second|third|fourth)\s+quarter(?:\s+of\s+\d{4})?|"
    r"(?:for|in)\s+(?:weeks|months|years|decades|days)|"
    r"mid-\d{4}s?|the\s+past|the\s+future|former(?:ly)?)(?!\w)",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(?:\d+|[a-z]+)[- ]years?[- ]old\b|\bage(?:d|s)?\b", re.IGNORECASE)
_DATELINE_WEEKDAY = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_RE})\s*[,(]?\s*(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}))\b"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    tense: str  # past | present | future
    head: int  # token index of the verb it attaches to (-1 when none)


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def infer_reference_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """A weekday written beside a day and month pins the year: the latest year,
    not after ``today``, in which that day was that weekday."""
    today = today or dt.date.today()
    for m in _DATELINE_WEEKDAY.finditer(text[:3000]):
        weekday = WEEKDAYS[m.group("wd").lower().rstrip(".")]
        month = _month(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        if month is None:
            continue
        for year in range(today.year, today.year - 28, -1):
            try:
                d = dt.date(year, month, day)
            except ValueError:
                break
            if d <= today and d.weekday() == weekday:
                return d
    return None


def _tense(tok: Token) -> tuple[str, int]:
    """Tense of the verb governing ``tok`` (walks up the tree)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX"):
            kids = [c for c in cur.children if c.dep_ in ("aux", "auxpass")]
            words = {c.lower_ for c in kids}
            if words & {"will", "'ll", "shall", "’ll", "would", "’d", "'d"} or (
                "to" in words and cur.head.lemma_ in FUTURE_HEADS
            ):
                return "future", cur.i
            if cur.tag_ in ("VBD", "VBN") or words & {"had", "did", "was", "were"}:
                return "past", cur.i
            if cur.tag_ == "VBG" and words & {"is", "are", "am", "'s", "’s"}:
                return "future", cur.i  # "is coming on Monday"
            if cur.lemma_ in FUTURE_HEADS and cur.head is not cur and any(
                c.dep_ in ("xcomp", "acomp") for c in cur.children
            ):
                return "future", cur.i
            if cur.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
                return "present", cur.i
            if cur.lemma_ == "due":
                return "future", cur.i
        if cur.lemma_ == "due" or cur.lower_ in ("next", "upcoming", "coming"):
            return "future", cur.i
        if cur.head is cur:
            break
        cur = cur.head
    return "past", -1


def detect(doc: Doc) -> list[DateMention]:
    """Temporal expressions in a parsed Doc, in reading order, without overlaps."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        s = text[start:end]
        if _AGE.search(s) or not re.search(r"\w", s):
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?%?", s) or s.lower() in ("may",):
            continue
        # "Monday’s meetings": keep the possessive out
        if s.endswith(("’s", "'s")):
            end -= 2
        # "Monday, days after ...": the NER ran two expressions together
        cut = re.match(rf"{_WEEKDAY_RE}(?=,\s+(?!{_MONTH_RE}))", text[start:end])
        if cut:
            end = start + cut.end()
        spans.append((start, end))
    for m in _EXTRA.finditer(text):
        start, end = m.span()
        if m.group(0).lower().startswith(("for ", "in ")):
            start = m.start() + m.group(0).index(" ") + 1
        if not any(s <= start < e or start <= s < end for s, e in spans):
            spans.append((start, end))
    spans.sort()
    # one date written twice: "Sunday (August 17)", "Sunday, August 17"
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and re.fullmatch(_WEEKDAY_RE, text[merged[-1][0] : merged[-1][1]]):
            gap = text[merged[-1][1] : start]
            if re.fullmatch(r",?\s*\(?", gap) and re.match(_MONTH_RE + r"|\d", text[start:end]):
                if gap.strip().startswith("(") and text[end : end + 1] == ")":
                    end += 1
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    out: list[DateMention] = []
    for start, end in merged:
        if out and start < out[-1].end:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tense, head = _tense(span.root)
        # a weekday possessive ("Monday’s meetings") in a future frame
        out.append(DateMention(start, end, tense, head))
    return out


# ---------------------------------------------------------------------------
# normalisation (pure)


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def _number(word: str) -> float | None:
    w = word.lower()
    if w in NUMBERS:
        return NUMBERS[w]
    try:
        return float(w.replace(",", ""))
    except ValueError:
        return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _year_for(month: int, day: int | None, ref: dt.date, tense: str) -> int:
    """The year of a month(/day) without one: by tense, else the nearest."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(dt.date(y, month, day or 15))
        except ValueError:
            continue
    if not cands:
        return ref.year
    if tense == "future":
        later = [c for c in cands if c >= ref.replace(day=1) if day is None or c >= ref]
        if later:
            return min(later).year
    if tense == "past":
        earlier = [c for c in cands if (c <= ref if day else (c.year, c.month) <= (ref.year, ref.month))]
        if earlier:
            return max(earlier).year
    return min(cands, key=lambda c: abs((c - ref).days)).year


_RE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RE_MDY = re.compile(rf"(?:{_WEEKDAY_RE},?\s+)?({_MONTH_RE})\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", re.I)
_RE_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}}))?", re.I)
_RE_MY = re.compile(rf"({_MONTH_RE})(?:,?\s+(?:of\s+)?(\d{{4}}))?$", re.I)
_RE_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
_RE_YEAR = re.compile(r"(?:(?:the\s+)?(?:year\s+|fiscal\s+|mid-|early\s+|late\s+)?)'?(\d{4})$", re.I)
_RE_DECADE = re.compile(r"(?:the\s+)?(?:early\s+|mid-|late\s+)?(\d{3})0s$", re.I)
_RE_AGO = re.compile(r"(\w+|\d+)\s+(day|week|month|year|decade)s?\s+ago", re.I)
_RE_DURATION = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:past|last|next|coming|previous|first|final)\s+)?"
    r"(?:(\w+|\d+(?:\.\d+)?)(?:[- ]and[- ]a[- ]half)?[- ])?(second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?"
    r"(?:[- ]long)?$",
    re.I,
)
_RE_VAGUE_DUR = re.compile(r"(?:for\s+)?(?:several|many|few|a\s+few|some|recent)?\s*(day|week|month|year|decade)s$", re.I)
_RE_QUARTER = re.compile(r"(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)(?:[- ]quarter)(?:\s+of\s+(\d{4}))?", re.I)
_RE_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?", re.I)


def normalise(expr: str, ref: dt.date | None, tense: str = "past") -> tuple[str | None, str]:
    """TIMEX3 ``(value, kind)`` for one expression; kind is date|time|duration|set."""
    s = " ".join(expr.replace("’", "'").split())
    low = s.lower().strip(" .,")
    low = re.sub(r"^(?:on|in|at|by|since|until|from|during)\s+", "", low)

    # sets
    if re.match(r"(?:every|each)\s+", low) or low in ("daily", "weekly", "monthly", "annually", "yearly"):
        unit = {"daily": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y"}.get(low)
        if unit is None:
            m = re.search(r"(day|week|month|year)", low)
            unit = UNITS[m.group(1)] if m else None
        return (f"P1{unit}" if unit else None), "set"

    # vague references
    if low in ("now", "currently", "nowadays", "the moment", "present", "at present", "the present"):
        return "PRESENT_REF", "date"
    if low in ("recently", "the past", "former", "formerly", "previously", "earlier", "lately", "once"):
        return "PAST_REF", "date"
    if low in ("the future", "soon", "future", "later"):
        return "FUTURE_REF", "date"

    # absolute dates
    m = _RE_ISO.search(low)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "date"
    m = _RE_SLASH.fullmatch(low)
    if m:
        y = int(m.group(3))
        y = y + 2000 if y < 50 else y + 1900 if y < 100 else y
        return f"{y:04d}-{int(m.group(1)):02d}-{int(m.group(2)):02d}", "date"
    m = _RE_MDY.search(s) or None
    if m and _month(m.group(1)):
        month, day = _month(m.group(1)), int(m.group(2))
        if 1 <= day <= 31:
            year = int(m.group(3)) if m.group(3) else (_year_for(month, day, ref, tense) if ref else None)
            return (f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"), "date"
    m = _RE_DMY.search(s)
    if m and _month(m.group(2)):
        month, day = _month(m.group(2)), int(m.group(1))
        if 1 <= day <= 31:
            year = int(m.group(3)) if m.group(3) else (_year_for(month, day, ref, tense) if ref else None)
            return (f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"), "date"
    m = _RE_MY.search(low)
    if m and _month(m.group(1)) and not low.startswith("may ") and re.match(
        rf"(?:(?:early|late|mid|mid-|this|last|next|in)\s*)?{_MONTH_RE}", s.strip(), re.I
    ):
        month = _month(m.group(1))
        if m.group(2):
            return f"{m.group(2)}-{month:02d}", "date"
        if ref is None:
            return None, "date"
        if low.startswith("last "):
            return f"{ref.year - 1 if month >= ref.month else ref.year}-{month:02d}", "date"
        if low.startswith("next "):
            return f"{ref.year + 1 if month <= ref.month else ref.year}-{month:02d}", "date"
        if low.startswith("this "):
            return f"{ref.year}-{month:02d}", "date"
        return f"{_year_for(month, None, ref, tense)}-{month:02d}", "date"
    m = _RE_QUARTER.search(low)
    if m:
        q = ORDINALS[m.group(1).lower()]
        year = m.group(2) or (str(ref.year) if ref else None)
        return (f"{year}-Q{q}" if year else None), "date"
    m = _RE_DECADE.fullmatch(low)
    if m:
        return f"{m.group(1)}X", "date"
    m = _RE_YEAR.fullmatch(low)
    if m:
        return m.group(1), "date"
    m = re.fullmatch(r"(?:the\s+)?(?:fiscal\s+)?(\d{4})\s*[-–/]\s*(\d{2,4})", low)
    if m:
        return m.group(1), "date"

    # ago
    m = _RE_AGO.search(low)
    if m and ref is not None:
        n = _number(m.group(1))
        unit = m.group(2).lower()
        if n is not None:
            n_int = int(n)
            if unit == "day":
                return (ref - dt.timedelta(days=n_int)).isoformat(), "date"
            if unit == "week":
                return _iso_week(ref - dt.timedelta(weeks=n_int)), "date"
            if unit == "month":
                y, mo = _shift_month(ref.year, ref.month, -n_int)
                return f"{y}-{mo:02d}", "date"
            if unit == "year":
                return str(ref.year - n_int), "date"
            if unit == "decade":
                return f"{str(ref.year - 10 * n_int)[:3]}X", "date"
        return "PAST_REF", "date"

    # relative days
    rel_day = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    first = low.split()[0] if low.split() else ""
    if first in rel_day:
        if ref is None:
            return None, "date"
        d = ref + dt.timedelta(days=rel_day[first])
        rest = low.split()[1:]
        if first == "tonight":
            return f"{d.isoformat()}TNI", "time"
        if rest and rest[-1] in PARTS_OF_DAY:
            return f"{d.isoformat()}T{PARTS_OF_DAY[rest[-1]]}", "time"
        return d.isoformat(), "date"
    m = re.fullmatch(r"(?:this|that|the)\s+(morning|afternoon|evening|night)", low)
    if m:
        return (f"{ref.isoformat()}T{PARTS_OF_DAY[m.group(1)]}" if ref else None), "time"

    # weekdays
    m = re.match(r"(?:(last|next|this|on|early|late)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?"
                 r"(?:\s+(morning|afternoon|evening|night))?$", low)
    if m:
        if ref is None:
            return None, "date"
        wd = WEEKDAYS[m.group(2)]
        mod = m.group(1)
        delta = (wd - ref.weekday()) % 7  # days forward to the next such weekday (0 = today)
        if mod == "next" or (mod not in ("last", "this") and tense in ("future", "present")):
            d = ref + dt.timedelta(days=delta or (7 if mod == "next" else 0))
        elif mod == "this":
            d = ref + dt.timedelta(days=delta if tense != "past" else delta - 7 if delta else 0)
        else:
            d = ref - dt.timedelta(days=(7 - delta) % 7 if mod != "last" else ((7 - delta) % 7 or 7))
        if m.group(3):
            return f"{d.isoformat()}T{PARTS_OF_DAY[m.group(3)]}", "time"
        return d.isoformat(), "date"

    # this/last/next unit
    m = re.fullmatch(r"(this|last|next|the\s+past|the\s+coming|the\s+next|the\s+last|earlier\s+this|later\s+this)\s+"
                     r"(week|weekend|month|year|spring|summer|fall|autumn|winter|quarter|decade|century)", low)
    if m:
        if ref is None:
            return None, "date"
        which, unit = m.group(1), m.group(2)
        step = {"last": -1, "next": 1}.get(which, 0)
        if which in ("the past", "the last", "the coming", "the next"):
            return f"P1{UNITS.get(unit, 'X') if unit not in SEASONS else 'X'}", "duration"
        if unit == "week":
            return _iso_week(ref + dt.timedelta(weeks=step)), "date"
        if unit == "weekend":
            return _iso_week(ref + dt.timedelta(weeks=step)) + "-WE", "date"
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, step)
            return f"{y}-{mo:02d}", "date"
        if unit == "year":
            return str(ref.year + step), "date"
        if unit == "quarter":
            q = (ref.month - 1) // 3 + 1 + step
            y = ref.year + (q - 1) // 4
            return f"{y}-Q{(q - 1) % 4 + 1}", "date"
        if unit == "decade":
            return f"{str(ref.year + 10 * step)[:3]}X", "date"
        if unit in SEASONS:
            return f"{ref.year + step}-{SEASONS[unit]}", "date"
        return None, "date"
    m = re.fullmatch(r"(?:the\s+)?(weekend|week|month|year)", low)
    if m and ref is not None:
        unit = m.group(1)
        if unit in ("week", "weekend"):
            return _iso_week(ref) + ("-WE" if unit == "weekend" else ""), "date"
        if unit == "month":
            return f"{ref.year}-{ref.month:02d}", "date"
        return str(ref.year), "date"
    m = re.fullmatch(r"(?:this\s+|last\s+|next\s+)?(spring|summer|fall|autumn|winter)(?:\s+of)?(?:\s+(\d{4}))?", low)
    if m:
        year = m.group(2) or (str(ref.year + (1 if low.startswith("next") else -1 if low.startswith("last") else 0)) if ref else None)
        return (f"{year}-{SEASONS[m.group(1)]}" if year else None), "date"

    # times of day
    m = _RE_TIME.search(low)
    if m:
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        minute = int(m.group(2) or 0)
        day = ref.isoformat() if ref else "XXXX-XX-XX"
        return f"{day}T{hour:02d}:{minute:02d}", "time"
    if low in ("noon", "midday"):
        return (f"{ref.isoformat()}T12:00" if ref else None), "time"

    # durations
    m = _RE_DURATION.fullmatch(low)
    if m:
        unit = UNITS.get(m.group(2).lower().rstrip("s").replace("centurie", "century").replace("centur", "century").replace("centuryy", "century"), "X")
        n = _number(m.group(1)) if m.group(1) else 1
        if (m.group(1) and n is None) or (not m.group(1) and low.endswith("s")):
            n_str = "X"
        else:
            n_str = _fmt_num(n if n is not None else 1)
        if "-and-a-half" in low or " and a half" in low:
            n_str = _fmt_num((n or 0) + 0.5)
        prefix = "PT" if unit in ("H", "S") or (unit == "M" and "minute" in low) else "P"
        return f"{prefix}{n_str}{unit}", "duration"
    m = _RE_VAGUE_DUR.fullmatch(low)
    if m:
        return f"PX{UNITS[m.group(1).lower()]}", "duration"
    return None, "date"


_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .,'’-]{{1,40}}?,?\s*\(?(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:,\s*(?P<y>\d{{4}}))?\)?"
    r"\s*(?:\([A-Za-z .]+\))?\s*[—–-]"
)


def dateline_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date of a wire dateline ("WASHINGTON, Aug. 17 (Reuters) —")."""
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    month = _month(m.group("m"))
    if month is None:
        return None
    today = today or dt.date.today()
    year = int(m.group("y")) if m.group("y") else today.year
    try:
        d = dt.date(year, month, int(m.group("d")))
    except ValueError:
        return None
    if not m.group("y") and d > today:
        d = d.replace(year=year - 1)
    return d
