"""The one object a Doc's reading passes along: :class:`Reading` holds the
cue lexicon, the Doc's text and its quotation index (quotations, their ends,
paragraphs) and what the passes learn as they go (the verbs that close a
quotation, the cues and their phrases, the quotations claimed, the
statements found). Every construction gets it as an argument; nothing is
kept anywhere else between passes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Token

from claimx.pipeline.attribution.furniture import covers
from claimx.pipeline.attribution.statement import Attribution
from claimx.pipeline.attribution.words import puts_it
from claimx.pipeline.quotemarks import Quotation, QuotationIndex, paragraphs

ALL_KINDS = frozenset({"clause", "quote", "object", "infinitive"})
QUOTE_ONLY = frozenset({"quote"})
CLAUSE = frozenset({"clause"})
ASIDE = frozenset({"clause", "quote"})  # "as Vulture put it, “…”"
VERB_FORM_TAGS = ("VBD", "VBZ", "VBG", "VBN", "VBP", "VB")  # a cue is a verb, or a word tagged as one's form


@dataclass(slots=True)
class Reading:
    """One Doc being read.

    ``cues`` maps a cue lemma to the kinds of content it takes (``clause``,
    ``quote``, ``object``, ``infinitive``); ``every_verb`` treats each verb as
    a cue taking every kind (for mining the lexicon, scripts/mine_cues.py).
    """

    cues: dict[str, frozenset[str]]
    every_verb: bool
    text: str
    quotes: list[Quotation]
    index: QuotationIndex = field(init=False)
    ends: list[int] = field(init=False)  # each quotation's end, for bisection
    paras: list[tuple[int, int]] = field(init=False)
    _para_starts: list[int] = field(init=False)
    # what the passes learn
    closing: set[int] = field(default_factory=set)  # verbs that close a quotation ("“...,” Hollande retaliated")
    manner: set[int] = field(default_factory=set)  # verbs saying how a person said a that-clause ("fumed that")
    cue_tokens: list[Token] = field(default_factory=list)  # the cues of the Doc, in order
    verbs: list[int] = field(default_factory=list)  # the tokens that may be cues (cues.verb_words), found once
    # each cue's phrase (start, end), None once a quotation before it was its content
    phrases: dict[int, tuple[int, int] | None] = field(default_factory=dict)
    subjects: dict[int, Token | None] = field(default_factory=dict)  # each cue's speaker token, found once
    claimed: set[int] = field(default_factory=set)  # quotations some statement holds
    found: list[Attribution] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)  # page furniture: no speaker, cue or quote
    # the persons and organisations the Doc names, by last word (colons.names_by_last_word), read once when asked
    named: dict[str, list[tuple[int, int]]] | None = None

    def __post_init__(self) -> None:
        self.index = QuotationIndex(self.quotes)
        self.ends = [q.end for q in self.quotes]
        self.paras = paragraphs(self.text)
        self._para_starts = [p[0] for p in self.paras]

    def in_quote(self, char: int) -> bool:
        """Whether ``char`` lies inside a quotation of the Doc."""
        return char in self.index

    def in_furniture(self, start: int, end: int | None = None) -> bool:
        """Whether the characters [start, end) (or the one at ``start``)
        touch page furniture (:mod:`~claimx.pipeline.attribution.furniture`)."""
        return covers(self, start, end)

    def para_of(self, char: int) -> int:
        """The paragraph ``char`` is in."""
        return max(0, bisect_right(self._para_starts, char) - 1)

    def is_cue(self, tok: Token) -> bool:
        """A verb of the lexicon ("said"), or "as X put it"."""
        if tok.pos_ != "VERB" and tok.tag_ not in VERB_FORM_TAGS:
            return False
        return self.every_verb or tok.lemma_.lower() in self.cues or puts_it(tok)

    def kinds(self, tok: Token) -> frozenset[str]:
        """The kinds of content the cue ``tok`` may take: its lexicon entry's,
        a quotation too when it closes one."""
        if self.every_verb:
            return ALL_KINDS
        frames = self.cues.get(tok.lemma_.lower(), frozenset())
        if not frames and puts_it(tok):
            frames = ASIDE
        if tok.i in self.manner:
            frames = frames | CLAUSE
        return frames | QUOTE_ONLY if tok.i in self.closing else frames
