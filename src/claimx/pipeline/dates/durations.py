"""Durations: stretches of time ("two years", "nearly forty years", "a
few minutes", "weeks", "2 1/2 years", "half a century", "three years'
probation", "a two-week-long strike") as TIMEX3 durations (``P2Y``,
``P40Y``, ``PTXM``, ``PXW``, ``P2Y6M``, ``P50Y``, ``P3Y``, ``P2W``).
What recurs is in :mod:`.sets`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.numerals import parse_number
from claimx.pipeline.dates.rules import Value, rule
from claimx.pipeline.dates.timex import fmt_num
from claimx.pipeline.dates.words import UNIT_WORD

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext

VAGUE_COUNT = {"a few", "few", "several", "many", "some", "a number of", "numerous", "countless", "recent",
                "the past few", "the last few", "the next few", "coming", "the coming", "the last several",
                "the past several"}
DURATION_MODIFIERS = re.compile(
    r"^(?:(?:nearly|almost|about|around|approximately|roughly|more\s+than|less\s+than|fewer\s+than|up\s+to|"
    r"no\s+more\s+than|no\s+less\s+than|at\s+least|at\s+most|barely|just|only|over|under|some|well\s+over|"
    r"another|an\s+additional|the\s+better\s+part\s+of|the\s+last|the\s+past|the\s+next|the\s+first|"
    r"the\s+final|the\s+previous|the\s+following|the\s+coming|the\s+entire|the\s+whole|a\s+full|a\s+further|"
    r"all|for|in|within|after|during|the|a|an)\s+)+"
)
_COUNT_RANGE = re.compile(r"\s(?:to|or)\s")
# before a stretch counted back from now: "for the past few weeks", "spent the last year"
FOR = r"\b(?:for|throughout|spent|spend|spends|spending|served|serving|lasted|lasting|waited)\s*$"
_FOR = re.compile(FOR)


def duration(low: str) -> str | None:
    """TIMEX3 duration for "two years", "nearly forty years", "a few minutes", "weeks"."""
    s = re.sub(r"[- ]long$", "", low)
    s = re.sub(r"^(?:a\s+)?(half|quarter)[- ]century$", lambda m: "50 years" if m.group(1) == "half" else "25 years", s)
    s = re.sub(r"(?:^|\b(?<=\s))(a|one|three)\s+quarters?\s+of\s+an\s+hour$",
               lambda m: "45 minutes" if m.group(1) == "three" else "15 minutes", s)  # "a quarter of an hour": PT15M
    s = re.sub(r"\s+(?:trading|business|working|calendar|school|consecutive|straight|more|additional|extra)(?=\s+\w+$)", "", s)
    s = re.sub(r"(?<=\w)-(?=\w)", " ", s)
    m = re.fullmatch(rf"(.*?)\s*{UNIT_WORD}(?:\s+and\s+a\s+half)?", s)
    if not m:
        return None
    count_words = DURATION_MODIFIERS.sub("", m.group(1) + " ").strip() if m.group(1) else ""
    unit_word = m.group(2)
    plural = s.rstrip().endswith("s") and not s.endswith("and a half")
    unit = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
            "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "quarter": "Q",
            "fortnight": "W"}.get(unit_word, "CE" if unit_word.startswith("centur") else "X")
    if count_words in VAGUE_COUNT or (not count_words and plural) or _COUNT_RANGE.search(count_words):
        n: float | None = None  # ("12 to 18 months": a stretch of months)
    elif not count_words:
        n = 1
    else:
        n = parse_number(count_words)
        if n is None:
            return None
    if n is not None and s.endswith("and a half") and not count_words.endswith("and a half"):
        n += 0.5
    if unit_word == "fortnight" and n is not None:
        n *= 2
    if unit == "CE" and n is not None and not float(n).is_integer():
        unit, n = "Y", n * 100  # "half a century": P50Y
    if unit == "DE" and n is not None:
        unit, n = "Y", n * 10
    if n is not None and not float(n).is_integer():
        # 2.5 years -> P2Y6M, 1.5 minutes -> PT1M30S
        whole, frac = int(n), n - int(n)
        sub = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "H": ("M", 60), "W": ("D", 7)}.get(unit)
        if unit == "M" and unit_word == "minute":
            sub = ("S", 60)
        if sub:
            part = f"{whole}{unit}" if whole else ""
            tail = f"{int(round(frac * sub[1]))}{sub[0]}"
            prefix = "PT" if unit_word in ("hour", "minute", "second") else "P"
            if prefix == "P" and sub[0] == "H":
                return f"P{part}T{tail}"
            return f"{prefix}{part}{tail}"
    n_str = "X" if n is None else fmt_num(n)
    prefix = "PT" if unit_word in ("hour", "minute", "second") else "P"
    return f"{prefix}{n_str}{unit}"



@rule(
    "recent <units>",
    rf"(?:the\s+)?(recent|past|last|previous|prior|future)\s+(?:(?:few|several|many)\s+)?{UNIT_WORD}",
)
def vague_stretch(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"recent days" -> PXD (a stretch of some days, as TimeML marks it);
    "the past several quarters" -> PAST_REF, but "for the past few weeks"
    -> PXW (how long: TimeBank); "future quarters" -> FUTURE_REF."""
    if not ctx.low.endswith("s") or ctx.ref is None:
        return None
    if (m.group(1) == "recent" or _FOR.search(ctx.lead)) and (dur := duration(m.group(2) + "s")):
        return dur, "duration"
    return ("FUTURE_REF" if m.group(1) == "future" else "PAST_REF"), "date"


_BARE_COUNT = re.compile(r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty")
_PAIR_UNIT = re.compile(rf"^(?:and|to|-|–)\s+(?:{_BARE_COUNT.pattern})\s+{UNIT_WORD}s\b")


@rule("three of three to five years", lambda ctx: _BARE_COUNT.fullmatch(ctx.whole) and _PAIR_UNIT.match(ctx.trail))
def count_of_pair(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"three" of "between three and five years" -> P3Y, "two" of "two to
    six days" -> P2D: a bare count, the first of a pair, counts the unit
    its partner names (TimeBank writes "two" P2D, "six days" P6D)."""
    dur = duration(f"{ctx.whole} {_PAIR_UNIT.match(ctx.trail).group(1)}s")  # type: ignore[union-attr]
    return (dur, "duration") if dur else None


_THAN = re.compile(r"^than\b")


@rule("three weeks earlier than usual", lambda ctx: _THAN.match(ctx.trail) and re.fullmatch(
    rf"(.+?{UNIT_WORD})\s+(?:earlier|later|sooner|longer|shorter|ahead|behind)", ctx.low))
def than_usual(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the harvest came three weeks earlier than usual" -> P3W, "two days
    later than planned" -> P2D: a gap measured against what was expected is
    a stretch, not a date counted from the article's (TimeML 1.2.1: the
    comparison word is a signal, the TIMEX3 is the duration)."""
    dur = duration(m.group(1))
    return (dur, "duration") if dur else None


# a race or clock duration: "a time of 2:09:41", "won in 1:31:44.742"
_RACE_LEAD = re.compile(r"(?:\btime\s+of|\bclocked|\b(?:finished|won|ran|completed\s+\w+)\s+in|\brecord\s+of)$")
_RACE_TIME = re.compile(r"(?:(\d{1,2}):)?(\d{1,2}):(\d\d)(?:\.(\d+))?")


@rule("a time of 2:09:41", lambda ctx: _RACE_LEAD.search(ctx.lead) and _RACE_TIME.fullmatch(ctx.whole))
def race_time(ctx: DateContext, m: re.Match[str]) -> Value:
    """"won the marathon in a time of 2:09:41" -> PT2H9M41S, "won in
    1:31:44.742" -> PT1H31M44.742S: how long a race took, a duration, not
    a clock time on the article's day."""
    hours, minutes, seconds, frac = m.groups()
    if hours is None:  # "1:44.742": minutes and seconds
        hours, minutes = "0", minutes
    out = "PT" + (f"{int(hours)}H" if int(hours) else "") + (f"{int(minutes)}M" if int(minutes) else "")
    return f"{out}{int(seconds)}{'.' + frac if frac else ''}S", "duration"


@rule("<count> <unit>", lambda ctx: duration(ctx.low))
def stretch(ctx: DateContext, dur: str) -> Value:
    """"two years" -> P2Y, "three-hour" -> PT3H, "weeks" -> PXW, "Eight
    trading days" -> P8D, "the next 12 to 18 months" -> PXM."""
    return dur, "duration"


@rule("the <units> ahead", rf"(?:the\s+)?{UNIT_WORD}s\s+ahead")
def units_ahead(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the weeks ahead" -> PXW: some weeks."""
    dur = duration(m.group(1) + "s")
    return (dur, "duration") if dur else None


@rule("a while", lambda ctx: ctx.low in ("a while", "some time", "a long time", "long", "a lengthy period", "a period"))
def a_while(ctx: DateContext, _: bool) -> Value:
    """"a while", "a long time", "some time" -> PXX: a stretch of unknown length."""
    return "PXX", "duration"
