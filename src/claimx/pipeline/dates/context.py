"""The context one date expression is read in (:class:`DateContext`): the
expression, the date it counts from, the tense of its verb, the quarter its
sentence reports on and the date the text named before it; and the words
the rules read, prepared once (spaces and apostrophes evened out, a leading
preposition dropped, a spoken clock time written as one: "4 in the
morning" -> "4 a.m.").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claimx.pipeline.dates.times import spoken_clock
from claimx.pipeline.dates.words import CLOCK, CLOCK_24, DAYS

if TYPE_CHECKING:
    from claimx.pipeline.dates.rules import Value

_OR_SO = re.compile(r"\s+or\s+so\b", re.I)
# "Jan. 30 and 31, 1998": the first day, in the year written after the second
_DAYS_OF_YEAR = re.compile(rf"^{DAYS}(,\s+\d{{4}})$", re.I)
# "the first two quarters of 1990": its first half
_TWO_QUARTERS = re.compile(r"\b(first|last|final|second)\s+two\s+quarters\b", re.I)
_PREPOSITION = re.compile(r"^(?:on|in|at|by|since|until|from|during|of|for)\s+")
_HEDGE = re.compile(r"^(?:at\s+least|at\s+most|as\s+early\s+as|as\s+late\s+as|no\s+later\s+than|sometime|until|by)\s+")
_POSSESSIVE = re.compile(r"'s$|(?<=s)'$")  # "Monday's", "three years' probation"
_NOON = re.compile(r"\b(noon|midnight|midday)\b")


@dataclass(frozen=True, slots=True)
class DateContext:
    """One expression and what it is read against.

    ``expr`` is the expression as written ("or so" dropped: "the next year or
    so" is the next year, loosely); ``ref`` the date relative expressions
    count from (the article's, or the statement's for words inside a quote);
    ``tense`` that of the verb governing it (past, present, future,
    intended); ``quarter`` the quarter its sentence reports on ("1989-Q3"),
    if any; ``previous`` the value of the last calendar date the text named
    before it. ``lead`` and ``trail`` are the words just before and after
    it ("for" in "for the last year", "ended" in "the year ended March
    31"), ``day_first`` whether its article writes numeric dates day
    first, ``rate`` whether it follows a count ("$500 million a year").
    ``whole`` is the expression in lower case with its spaces
    evened out, as the rules that read the context match it.

    ``text``, ``low`` and ``clock`` are the words the family rules read: the
    expression, or a tail of it, or a date inside it (:meth:`reading`):
    ``text`` as written, ``low`` in lower case without a leading preposition
    or hedge ("at least", "as early as") or a final "'s", ``clock`` a clock
    time in ``low`` ("10 p.m.", "21:30", "0600 gmt", "noon"), if any.

    ``engine`` reads other words with every rule, for a rule that reads a
    date inside its expression ("the week of <date>"); the normaliser sets
    it (so no family module imports the normaliser that imports it).
    """

    expr: str
    ref: dt.date | None
    tense: str = "past"
    quarter: str | None = None
    previous: str | None = None
    lead: str = ""
    trail: str = ""
    day_first: bool = False
    rate: bool = False
    whole: str = ""
    text: str = ""
    low: str = ""
    clock: re.Match[str] | None = None
    engine: Callable[[DateContext], Value] | None = None

    @classmethod
    def of(
        cls,
        expr: str,
        ref: dt.date | None,
        tense: str = "past",
        quarter: str | None = None,
        previous: str | None = None,
        *,
        lead: str = "",
        trail: str = "",
        day_first: bool = False,
        rate: bool = False,
    ) -> DateContext:
        """The context of ``expr``, prepared for the rules; ``lead`` and
        ``trail`` in lower case with their spaces evened out."""
        expr = _OR_SO.sub("", expr)
        whole = " ".join(expr.lower().split()).strip(" .,;:")
        lead, trail = (" ".join(w.lower().replace("’", "'").split()) for w in (lead, trail))
        return cls(expr, ref, tense, quarter, previous, lead, trail, day_first, rate, whole).reading(expr)

    @property
    def since(self) -> str | None:
        """The date an anaphor counts from: the one named before, else the
        reference date."""
        return self.previous or (self.ref.isoformat() if self.ref is not None else None)

    def reading(self, words: str, tense: str | None = None) -> DateContext:
        """This context reading ``words`` (a tail of the expression, or a date
        inside it), in ``tense`` if given."""
        s = " ".join(words.replace("’", "'").split())
        s = _DAYS_OF_YEAR.sub(r"\1\3", s)
        s = _TWO_QUARTERS.sub(lambda m: "first half" if m.group(1).lower() == "first" else "second half", s)
        low = s.lower().strip(" .,;:")
        low = _PREPOSITION.sub("", low)
        low = _HEDGE.sub("", low)
        low = _POSSESSIVE.sub("", low)
        low = spoken_clock(low)
        clock = CLOCK.search(low) or CLOCK_24.search(low) or _NOON.search(low)
        return replace(self, tense=tense or self.tense, text=s, low=low, clock=clock)

    def rewritten(self, low: str) -> DateContext:
        """This context with ``low`` read as ``low`` (the same clock time)."""
        return replace(self, low=low)
