"""spaCy components: attribution (quotes and speakers) and dates.

Registered through the ``spacy_factories`` entry point, so
``nlp.add_pipe("claimx_attribution")`` works in any English pipeline with a
tagger, parser and NER. Results are stored as plain values in ``Doc``
extensions (``doc._.claimx_quotes``, ``doc._.claimx_speakers``,
``doc._.claimx_dates``) so they survive ``nlp.pipe(n_process>1)``.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc

from claimx.attribution import Attributor
from claimx.dates import detect
from claimx.lexicon import cue_frames
from claimx.quotemarks import find_quotations
from claimx.speakers import SpeakerResolver

_NEWLINE = re.compile("\n")
EXTENSIONS = ("claimx_quotes", "claimx_speakers", "claimx_dates")


def register_extensions() -> None:
    """Register the Doc extensions once (idempotent, no errors swallowed)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class AttributionComponent:
    """Finds quotes and their speakers; sets ``claimx_quotes`` and ``claimx_speakers``."""

    def __init__(self, name: str, cues: dict[str, list[str]] | None = None) -> None:
        register_extensions()
        self.name = name
        lexicon = {k: frozenset(v) for k, v in cues.items()} if cues else cue_frames()
        self.attributor = Attributor(lexicon)
        self.resolver = SpeakerResolver()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        quotes = find_quotations(text)
        atts = self.attributor(doc, text, quotes)
        speakers, assigned = self.resolver(doc, atts, text, quotes)
        ids = [f"s{i + 1}" for i in range(len(speakers))]
        doc._.claimx_speakers = [
            {
                "id": ids[i],
                "name": sp.name,
                "kind": sp.kind,
                "positions": [dict(p) for p in sp.positions],
                "mentions": [list(m) for m in sp.mentions],
            }
            for i, sp in enumerate(speakers)
        ]
        quotes: list[dict[str, Any]] = []
        for a, k in zip(atts, assigned, strict=True):
            d = asdict(a)
            d.pop("rule")
            d["speaker"] = ids[k] if k is not None else None
            if a.inherited_from is not None and k is None:
                parent = quotes[a.inherited_from] if a.inherited_from < len(quotes) else None
                d["speaker"] = parent["speaker"] if parent else None
            d["parts"] = [list(p) for p in a.parts]
            for key in ("cue", "source", "addressee", "sentence"):
                if d[key] is not None:
                    d[key] = list(d[key])
            quotes.append(d)
        doc._.claimx_quotes = quotes
        return doc


class DatesComponent:
    """Finds temporal expressions; sets ``claimx_dates`` (normalised later,
    against the article's reference date)."""

    def __init__(self, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.claimx_dates = [
            [m.start, m.end, m.tense, doc[m.head].idx if m.head >= 0 else -1] for m in detect(doc)
        ]
        return doc


@Language.component("claimx_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: headings and paragraphs are never
    parsed into the sentence before them. Runs before the parser."""
    text = doc.text
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array(IDX)
    breaks = numpy.array([m.start() for m in _NEWLINE.finditer(text)])
    # the token after a line break: the first one starting past it
    for i in numpy.unique(numpy.searchsorted(starts, breaks, side="right")):
        if 0 < i < len(doc):
            doc[int(i)].is_sent_start = True
    return doc


VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")
LEMMA_CACHE_SIZE = 50_000  # (word, tag, morphology) -> lemma; cleared when full, so memory stays flat


class VerbLemmas:
    """Lemmas for verbs, which are all claimx reads lemmas of (the cue lexicon,
    the tense of a date's verb), from the model's own rule lemmatizer; every
    other token gets its lower-case form. It stands in for the full
    lemmatizer, whose per-token work costs more than all of claimx's own."""

    def __init__(self, nlp: Language, name: str, source: str) -> None:
        self.nlp = nlp
        self.name = name
        self.source = source
        self._lemmatize: Any = None
        self._verb_tags: numpy.ndarray | None = None
        self._cache: dict[tuple[int, int, int], str] = {}

    def _setup(self) -> None:
        lemmatizer = self.nlp.get_pipe(self.source) if self.source in self.nlp.component_names else None
        self._lemmatize = getattr(lemmatizer, "lemmatize", None) or (lambda tok: [tok.lower_])
        self._verb_tags = numpy.array([self.nlp.vocab.strings.add(t) for t in VERB_TAGS], dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        if self._lemmatize is None:
            self._setup()
        if not len(doc):
            return doc
        doc.from_array([LEMMA], doc.to_array([LOWER]).reshape(-1, 1))
        tags = doc.to_array(TAG)
        for i in numpy.flatnonzero(numpy.isin(tags, self._verb_tags)):
            tok = doc[int(i)]
            key = (tok.orth, tok.tag, tok.morph.key)
            lemma = self._cache.get(key)
            if lemma is None:
                if len(self._cache) >= LEMMA_CACHE_SIZE:
                    self._cache.clear()
                lemma = self._cache[key] = self._lemmatize(tok)[0]
            tok.lemma_ = lemma
        return doc


@Language.factory(
    "claimx_lemmas",
    default_config={"source": "lemmatizer"},  # the (disabled) lemmatizer whose rules are used
    assigns=["token.lemma"],
    requires=["token.tag", "token.pos"],
)
def make_lemmas(nlp: Language, name: str, source: str) -> VerbLemmas:
    return VerbLemmas(nlp, name, source)


@Language.component("claimx_release")
def release_tensor(doc: Doc) -> Doc:
    """Drop the tok2vec tensor, which nothing after the parse needs: Docs then
    cross process boundaries (``n_process > 1``) about four times smaller."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


@Language.factory(
    "claimx_attribution",
    default_config={"cues": {}},  # lemma -> list of content kinds; {} = the shipped lexicon
    assigns=["doc._.claimx_quotes", "doc._.claimx_speakers"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
)
def make_attribution(nlp: Language, name: str, cues: dict[str, list[str]]) -> AttributionComponent:
    return AttributionComponent(name, cues)


@Language.factory(
    "claimx_dates",
    assigns=["doc._.claimx_dates"],
    requires=["token.dep", "token.tag", "doc.ents"],
)
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(name)
