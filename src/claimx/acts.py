"""The four statement acts every quote carries and the ``--acts`` filter.

After the attribution types of the Penn Discourse Treebank, which PARC
follows: ``speech`` (said, told, wrote, according to), ``belief`` (believes,
thinks, fears, expects that), ``fact`` (a study found, data show, she knew)
and ``intention`` (plans to, wants to, urged X to). Which act a statement is
is decided in :mod:`claimx.pipeline.attribution.acts`; this module only names them and
keeps the quotes of some of them. No heavy imports: the CLI reads it at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimx.records import ArticleRecord

ACTS = ("speech", "belief", "fact", "intention")


def parse_acts(value: str | None) -> frozenset[str] | None:
    """The acts a comma-separated ``--acts`` value names (None: all of them).

    >>> sorted(parse_acts("speech, belief"))
    ['belief', 'speech']
    >>> parse_acts("speach")
    Traceback (most recent call last):
    ...
    ValueError: unknown act 'speach'; the acts are: speech, belief, fact, intention
    """
    if value is None:
        return None
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    if not names:
        raise ValueError(f"no act given; the acts are: {', '.join(ACTS)}")
    for name in names:
        if name not in ACTS:
            raise ValueError(f"unknown act {name!r}; the acts are: {', '.join(ACTS)}")
    return frozenset(names)


def keep_acts(record: ArticleRecord, acts: frozenset[str] | None, topics: bool = False) -> ArticleRecord:
    """``record`` with only the quotes whose act is in ``acts`` (all when None)
    and that state a claim (``content == "claim"``: ACTS.md rule 3, a report
    that only names a topic or asks a question is none); with ``topics`` and
    no ``acts``, topic-only reports and questions are kept too (an act filter
    never returns them). Quote ids stay those of the whole extraction (q1,
    q3, ... when q2 was a belief), so a filtered run's ids point at the same
    quotes as an unfiltered one's; so do speaker ids, and a speaker none of
    whose quotes is kept is left out (``speakers`` lists who said something
    of what is shown: not a mayor who only "cited the polls")."""
    everything = acts is None or set(ACTS) <= acts
    if everything and (topics and acts is None or all(q.content == "claim" for q in record.quotes)):
        return record
    quotes = [
        q for q in record.quotes
        if (everything or q.act in acts) and (q.content == "claim" or topics and acts is None)  # type: ignore[operator]
    ]
    counts: dict[str, int] = {}
    for q in quotes:
        if q.speaker is not None:
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    speakers = [s.model_copy(update={"quote_count": counts[s.id]}) for s in record.speakers if s.id in counts]
    return record.model_copy(update={"quotes": quotes, "speakers": speakers})
