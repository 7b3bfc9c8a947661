"""The reference date: the day an article was written, which relative
expressions ("yesterday", "last week") count from. Metadata, else the
``--published`` option, else a wire dateline ("WASHINGTON, Aug. 17
(Reuters) —"), else a weekday written beside a day and month ("Sunday
(August 17)" pins the year), else none.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from claimx.lexicon import outlets
from claimx.pipeline.dates.words import MONTH_RE, WEEKDAY_RE, WEEKDAYS, month_number

_DATELINE_WEEKDAY = re.compile(
    rf"\b(?P<wd>{WEEKDAY_RE})\s*[,(]?\s*(?:(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH_RE}))\b"
)
# A wire dateline, opening a paragraph: a place, perhaps its state or country,
# perhaps a date, perhaps the agency in brackets, then a dash ("WASHINGTON
# (Reuters) — ", "DAR ES SALAAM, Tanzania (AP) _ ", "JACKSON, Miss. - ",
# "CLEVELAND, July 19 (UPI) — ", "New York (AFP) – "), or a date and the agency
# with no dash ("PORTLAND, Maine, Jan. 14 (AP) The mill"). The place is in
# capitals, or names a news agency (:func:`dateline_at` checks): "City
# officials, March 3 — " opens a sentence, "Boris Johnson (pictured) - who
# ..." names a person, no dateline. A weekday or a month is no place. A dash
# glued to the next word ends one only after a date ("WASHINGTON, Aug. 17—"):
# "U.S.–China talks", "NATO—Russia ties" are words.
# A run-in headline in capitals before a dash reads as one too, as it always
# did ("DEMOGRAPHICS FAVOR CRUZ, BUT ECONOMY FAVORS TRUMP - David Wasserman:"):
# page furniture either way, and no date.
_PLACE_WORD = r"(?:[A-Z][\w.'’-]*|de|da|del|la|el)"
_DATELINE = re.compile(
    rf"(?!(?:{WEEKDAY_RE}|{MONTH_RE})(?!\w))(?P<place>[A-Z][\w.'’-]*(?:[ \t]+{_PLACE_WORD}){{0,5}})"
    rf"(?:,[ \t]*(?!{MONTH_RE}(?!\w))[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+){{0,3}})?"
    rf"(?:,?[ \t]*\(?(?P<m>{MONTH_RE})[ \t]+(?P<d>\d{{1,2}})(?:,[ \t]*(?P<y>\d{{4}}))?\)?)?"
    r"[ \t]*(?P<agency>\([A-Za-z][A-Za-z .]+\))?[ \t]*"
    r"(?:(?P<dash>[-_—–]{1,2}(?=\s)|(?P<glued>[—–]{1,2}))\s*|(?<=\))(?=\s)\s*)"
)
_DATELINE_PARAGRAPHS = 3  # a headline or a page's title line may come before the dateline: look this far
_DATELINE_REACH = 1000  # ... within this many characters


def reference_date(
    text: str, metadata: str | None, published: dt.date | None, today: dt.date | None = None
) -> tuple[dt.date | None, str | None]:
    """The date relative expressions in ``text`` are resolved against, and
    where it came from: the article's ``metadata`` date (ISO), the
    ``published`` option, its dateline, or a weekday beside a date in it."""
    if metadata:
        return dt.date.fromisoformat(metadata), "metadata"
    if published is not None:
        return published, "option"
    d = dateline_date(text, today)
    if d is not None:
        return d, "dateline"
    d = infer_reference_date(text, today)
    if d is not None:
        return d, "text"
    return None, None


def infer_reference_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """A weekday written beside a day and month pins the year: the latest year,
    not after ``today``, in which that day was that weekday."""
    today = today or dt.date.today()
    for m in _DATELINE_WEEKDAY.finditer(text[:3000]):
        weekday = WEEKDAYS[m.group("wd").lower().rstrip(".")]
        month = month_number(m.group("m1") or m.group("m2"))
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


def dateline_at(text: str, start: int = 0, end: int | None = None, opening: bool = False) -> re.Match[str] | None:
    """The wire dateline that opens ``text`` at ``start`` (a paragraph's
    first character), or None: the one reading of what a dateline is, for
    the reference date and for attribution's page furniture. Its groups:
    ``place``, the date's ``m``, ``d``, ``y`` (None when it names none),
    ``agency``; it ends after the dash and the space that follows.

    >>> dateline_at("WASHINGTON, Aug. 17 (Reuters) — Talks resumed.").group(0)
    'WASHINGTON, Aug. 17 (Reuters) — '
    >>> dateline_at("City officials, March 3 — the day of the vote — were tense.") is None
    True

    With ``opening`` (the first line of an article, read for its reference
    date) a place in mixed case before a date and a dash is one too, as
    some outlets write it: "Washington, Aug. 17 — Talks resumed."

    >>> dateline_at("Washington, Aug. 17 — Talks resumed.") is None
    True
    >>> dateline_at("Washington, Aug. 17 — Talks resumed.", opening=True).group("m")
    'Aug.'
    """
    m = _DATELINE.match(text, start, len(text) if end is None else end)
    if m is None or m.group("glued") and not m.group("m"):
        return None  # "U.S.–China talks": a dash glued to a word ends only a dated dateline
    dashed = m.group("dash") or m.group("glued")
    dated_opening = opening and m.group("m") is not None and dashed is not None
    if not (m.group("place").isupper() and len(m.group("place")) > 2 or _agency(m.group("agency")) or dated_opening):
        return None  # a place in capitals, or one that names its news agency
    if dashed is None and not (m.group("m") and m.group("agency")):
        return None  # no dash: only a date and an agency end one
    return m


def _agency(bracket: str | None) -> bool:
    """Whether a bracket names a news agency (``data/outlets.txt``): "(AFP)",
    "(Reuters)"; not "(pictured)", "(Vermont)", "(D)".

    >>> _agency("(AFP)"), _agency("(UPI)"), _agency("(pictured)"), _agency(None)
    (True, True, False, False)
    """
    return bracket is not None and bracket.strip("() ").casefold() in _agencies()


@cache
def _agencies() -> frozenset[str]:
    return frozenset(name.casefold() for name in outlets())


def dateline(text: str) -> re.Match[str] | None:
    """The dated wire dateline of an article (:func:`dateline_at`): at the
    very start of the text ("WASHINGTON, Aug. 17 (Reuters) —"), or opening
    one of its first few paragraphs after a headline or a saved page's title
    line ("City Council Approves Budget\nSPRINGFIELD, March 3, 2026 — ...").
    A place and a date inside a paragraph's sentence are not one ("... told
    reporters in OAKLAND, March 2 — ...")."""
    head = text[:_DATELINE_REACH]
    first = len(head) - len(head.lstrip())
    starts = [first, *[i.end() for i in re.finditer(r"\n\s*", head)][:_DATELINE_PARAGRAPHS]]
    return next((m for i in starts if (m := dateline_at(head, i, opening=i == first)) is not None and m.group("m")),
                None)


def dateline_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date of a wire dateline (:func:`dateline`)."""
    m = dateline(text)
    if not m:
        return None
    month = month_number(m.group("m"))
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


_STORY_DAYS = 3  # a dateline at most this many days before publication names the story's own day


def story_day(text: str, ref: dt.date | None) -> dt.date | None:
    """The day the story narrates, when its own dateline says so and it is
    not the day it was published: "BUDAPEST, March 12 (Xinhua) --" on a
    story published March 13 tells of March 12, and its "on Friday" is that
    Friday, not the one before. Wire copy filed one day and released the
    next is read from the day it was filed (TimeML 1.2.1 §2.2: a relative
    expression is anchored on the time the text establishes as its
    reference, the document date only by default). None when the text has
    no dateline, or its date is the publication date, after it, or more
    than a few days before it."""
    if ref is None:
        return None
    d = dateline_date(text, ref)
    if d is None or not 0 < (ref - d).days <= _STORY_DAYS:
        return None
    return d
