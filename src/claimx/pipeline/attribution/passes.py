"""The order in which a Doc's statements are found, written once.

Like CoreNLP's quote-attribution sieves, each pass is precise first and
fills only what the passes before it left open: a quotation one pass claims
(``Reading.claimed``) is no other's, and a cue answered by the quotation
before it is not read again for a complement. Every pass is a function
``(doc, reading) -> None`` that reads the :class:`~claimx.pipeline.attribution.context.Reading`
and adds to what it has found.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from claimx.lexicon import cue_frames
from claimx.pipeline.attribution import (
    according,
    acts,
    claims,
    colons,
    continuations,
    cue_statements,
    cues,
    dashes,
    furniture,
    nesting,
    predicates,
    refusals,
)
from claimx.pipeline.attribution.context import Reading
from claimx.pipeline.attribution.statement import Attribution
from claimx.pipeline.doctext import doc_text
from claimx.pipeline.quotemarks import Quotation, find_quotations

Pass = Callable[[Doc, Reading], None]

PASSES: tuple[Pass, ...] = (
    furniture.mark,                           # "READ MORE: ...", "MARKETS:", "(AP Photo/...)": no prose
    cues.find_cues,                           # the cues: lexicon verbs, verbs closing a quotation
    cue_statements.quotes_before,             # "“We will win,” Smith said"
    cue_statements.complements,               # "Smith said the budget ...", asides, "He said: “...”"
    predicates.quoted_predicates,             # "Obama condemned the test as “provocative”"
    continuations.follow_on,                  # "“A,” said X, a lawyer. “B.”"
    according.according_to,                   # "..., according to the Commerce Department"
    colons.colons,                            # "Kerry: “...”", "PENCE: Well, ..."
    dashes.dashes,                            # "“...” — Commissioner Jane Roe"
    furniture.drop_furniture,                 # nothing that touches furniture
    refusals.drop_refusals,                   # "declined to comment": no statement
    nesting.drop_nested,                      # "said he thinks ...": one statement
    acts.assign,                              # speech, belief, fact or intention
    claims.mark,                              # a claim, or only a topic or a question
    continuations.paragraph_continuations,    # the next paragraph's quotation, same speaker
)


def read(doc: Doc, reading: Reading) -> list[Attribution]:
    """The statements of ``doc`` in text order, found pass by pass."""
    for run in PASSES:
        run(doc, reading)
    reading.found.sort(key=lambda a: (a.start, a.end))
    return reading.found


class Attributor:
    """Finds attributions in a parsed Doc. One instance per process: it holds
    the cue lexicon; each Doc is read with a :class:`Reading` of its own."""

    def __init__(self, cues: dict[str, frozenset[str]] | None = None, every_verb: bool = False) -> None:
        self.cues = dict(cues if cues is not None else cue_frames())
        # every_verb: treat each verb as a cue with every content kind (for
        # mining the lexicon from an annotated corpus, scripts/mine_cues.py)
        self.every_verb = every_verb

    def __call__(self, doc: Doc, text: str | None = None, quotes: list[Quotation] | None = None) -> list[Attribution]:
        """Attributions in ``doc``; ``text`` (``doc.text``, which spaCy rebuilds on
        every access) and its ``quotes`` may be passed in when already known."""
        return self.reading(doc, text, quotes).found

    def reading(self, doc: Doc, text: str | None = None, quotes: list[Quotation] | None = None) -> Reading:
        """The whole reading of ``doc``: its attributions (``found``) and what
        the passes marked on the way (``furniture``), for the speaker steps."""
        text = doc_text(doc) if text is None else text
        quotes = find_quotations(text) if quotes is None else quotes
        reading = Reading(self.cues, self.every_verb, text, quotes)
        read(doc, reading)
        return reading
