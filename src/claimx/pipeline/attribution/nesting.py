"""Nesting: a statement wholly inside what another one reports is no
statement of its own ("Trump said he thinks the Brexit is “a great thing.”"
is one statement, by Trump), unless it has its own source outside ("He said
the plan, which critics call “amnesty,” would pass" stays one; "..., as
Mrs. Clinton put it" names who put the words and stays apart).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimx.pipeline.attribution.statement import Attribution

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading


def drop_nested(doc: Doc, ctx: Reading) -> None:
    """The pass: the statements found so far in text order, without those
    nested in another's (:func:`nested`): "Trump said he thinks the Brexit is
    “a great thing.”" keeps "say" and drops "think"."""
    ctx.found.sort(key=lambda a: (a.start, a.end))
    ctx.found = [a for a in ctx.found if not nested(a, ctx.found)]


def nested(a: Attribution, found: list[Attribution]) -> bool:
    """Whether ``a`` lies wholly inside another statement's content with the
    same cue region, or with its cue inside what the other reports ("he
    thinks" inside "said he thinks ...")."""
    return any(
        b is not a and b.start <= a.start and a.end <= b.end and b.cue and a.cue
        # (an aside names who put the words another statement reports
        # that way: "saying that ... would ''walk all over us,'' as Mrs.
        # Clinton put it")
        and (b.cue[0] <= a.cue[0] < b.cue[1] or a.rule != "as-aside" and reported_within(a, b))
        for b in found
    )


def reported_within(inner: Attribution, outer: Attribution) -> bool:
    """Whether ``inner``'s cue is part of what ``outer`` reports ("He said
    he thinks Cruz can win", "She said voters who fear a “rigged” system
    ..."): a cue inside reported speech or thought belongs to that statement,
    not to a statement of its own (on PolNeAR train such inner statements
    were wrong six times in seven). Direct quotations are left alone: a
    speaker quoting someone else inside a quotation is handled by the
    quotation itself."""
    if outer.type == "direct" or (outer.end - outer.start) <= (inner.end - inner.start):
        return False
    return any(s <= inner.cue[0] and inner.cue[1] <= e for s, e in outer.parts)
