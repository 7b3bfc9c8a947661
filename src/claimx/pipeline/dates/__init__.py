"""When: find temporal expressions and normalise them to TimeML TIMEX3 values.

Detection (:func:`detect`, :mod:`.detect` and :mod:`.tense`) needs a parsed
Doc: spaCy's DATE/TIME entities plus our own patterns for what the model
misses ("now", "recently", quarters, seasons, "for weeks"), each with the
tense of the verb that governs it. Normalisation (:func:`normalise`,
:mod:`.normalise`) is pure: an expression, a reference date and a tense
give a value such as ``2025-08-17``, ``2025-08``, ``2025-W33``,
``2025-Q3``, ``P2W`` or ``PRESENT_REF``, or ``None`` where it cannot be
resolved; it tries named rules, grouped in families (:mod:`.calendar_dates`,
:mod:`.relative`, :mod:`.periods`, :mod:`.durations`, :mod:`.times`,
:mod:`.anaphora`), in one written order. :mod:`.reference` finds the
article's date and reads a wire dateline (:func:`.reference.dateline_at`,
the one reading attribution's page furniture uses too); :mod:`.article` gives the dates of one article and of its
statements.
"""

from claimx.pipeline.dates.anaphora import anaphoric, names_quarter, sentence_quarter
from claimx.pipeline.dates.article import article_dates, statement_dates
from claimx.pipeline.dates.context import DateContext
from claimx.pipeline.dates.detect import DateMention, detect
from claimx.pipeline.dates.misreads import looks_temporal
from claimx.pipeline.dates.normalise import normalise
from claimx.pipeline.dates.numerals import parse_number, spoken_year
from claimx.pipeline.dates.periods import reported_quarter
from claimx.pipeline.dates.reference import dateline_date, infer_reference_date, reference_date
from claimx.pipeline.dates.tense import DEFERRING, FUTURE_HEADS, PLANNING
from claimx.pipeline.dates.timex import is_calendar
from claimx.pipeline.dates.words import MONTHS, ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAYS

__all__ = [
    "DEFERRING",
    "FUTURE_HEADS",
    "MONTHS",
    "ORDINALS",
    "PARTS_OF_DAY",
    "PLANNING",
    "SEASONS",
    "WEEKDAYS",
    "DateContext",
    "DateMention",
    "anaphoric",
    "article_dates",
    "dateline_date",
    "detect",
    "infer_reference_date",
    "is_calendar",
    "looks_temporal",
    "names_quarter",
    "normalise",
    "parse_number",
    "reference_date",
    "reported_quarter",
    "sentence_quarter",
    "spoken_year",
    "statement_dates",
]
