"""Vague references: the present, the past and the future as such
("now", "currently", "recently", "at that time", "soon", "someday"), TimeML's
PRESENT_REF, PAST_REF and FUTURE_REF (guidelines 1.2.1, §2.2, attribute
value). "Today" said of the present in general, not of a day, is the
present too ("than is possible today", "today's world"): the day it names
is :mod:`.relative`'s.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.rules import Value, rule

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext

_PRESENT = ("now", "currently", "nowadays", "the moment", "present", "at present", "the present",
            "current", "right now", "today's", "already", "these days", "this time")
_PAST = ("recently", "the past", "previously", "earlier", "lately", "once", "recent",
         "in the past", "the time", "at the time", "then")
_FUTURE = ("the future", "soon", "future", "later", "in the future", "the coming", "eventually", "a later date",
           "the near future", "the near term", "the short term", "the long term", "as soon as possible",
           "someday", "some day")
# "today" of the present in general: in a comparison ("than is possible
# today", "as it is today", "easier today than"), "even today", or "today's" before a noun of the
# age, not of the day ("today's world"; not "today's meeting")
_GENERIC_LEAD = re.compile(
    r"(?:\b(?:than|as)\s+(?:(?:it|they|there|that|what)\s+)?(?:is|are|was|exists?|stands?)?\s*"
    r"(?:possible|available|the\s+case|known|done|used)?|\beven|\bstill)\s*$"
)
_GENERIC_NOUN = re.compile(
    r"^'s\s+(?:\w+\s+)?(?:world|society|youth|young|children|kids|generation|economy|markets?|standards|"
    r"technology|politics|culture|media|climate|terms|dollars|prices|age|era|times|environment)\b"
)


@rule("now", lambda ctx: ctx.low in _PRESENT)
def present(ctx: DateContext, _: bool) -> Value:
    """"now", "currently", "these days" -> PRESENT_REF."""
    return "PRESENT_REF", "date"


@rule(
    "today, generally",
    lambda ctx: ctx.low == "today"
    and (_GENERIC_LEAD.search(ctx.lead) or _GENERIC_NOUN.match(ctx.trail) or ctx.trail.startswith("than ")),
)
def generic_today(ctx: DateContext, _: re.Match[str]) -> Value:
    """"safer than is possible today", "easier today than it was", "even
    today", "today's world" -> PRESENT_REF (not "today's meeting": that is
    the day)."""
    return "PRESENT_REF", "date"


@rule("at that time", lambda ctx: ctx.low in ("that time", "the time"))
def that_time(ctx: DateContext, _: bool) -> Value:
    """"At that time, the company had 40 employees" -> PAST_REF (TimeBank's
    "at the time"); "at that time" in the future -> FUTURE_REF."""
    return ("FUTURE_REF" if ctx.tense == "future" else "PAST_REF"), "date"


@rule("one day", lambda ctx: ctx.low == "one day" and ctx.tense == "future")
def one_day(ctx: DateContext, _: bool) -> Value:
    """"Islam will one day be the second largest religion" -> FUTURE_REF
    (TimeBank); "one day" in the past is left to the rules after."""
    return "FUTURE_REF", "date"


@rule("recently", lambda ctx: ctx.low in _PAST)
def past(ctx: DateContext, _: bool) -> Value:
    """"recently", "in the past", "at the time" -> PAST_REF."""
    return "PAST_REF", "date"


@rule("soon", lambda ctx: ctx.low in _FUTURE)
def future(ctx: DateContext, _: bool) -> Value:
    """"soon", "a later date", "someday" -> FUTURE_REF."""
    return "FUTURE_REF", "date"
