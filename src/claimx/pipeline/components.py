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
from spacy.attrs import DEP, IDX, IS_SPACE, LEMMA, LOWER, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from claimx.lexicon import cue_frames
from claimx.pipeline.attribution import Attributor
from claimx.pipeline.dates import detect
from claimx.pipeline.doctext import TEXT_KEY, doc_text
from claimx.pipeline.quotemarks import find_quotations
from claimx.pipeline.speakers import SpeakerResolver

_NEWLINE = re.compile("\n")
EXTENSIONS = ("claimx_quotes", "claimx_speakers", "claimx_dates")
GENDERED = ("person", "unnamed")  # the kinds of speaker a gender is read for ("a spokeswoman")


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
        text = doc_text(doc)  # the text the tokenizer left (doctext); claimx_release drops it
        quotes = find_quotations(text)
        reading = self.attributor.reading(doc, text, quotes)
        atts = reading.found
        speakers, assigned = self.resolver(doc, atts, text, quotes, reading.furniture)
        ids = [f"s{i + 1}" for i in range(len(speakers))]
        doc._.claimx_speakers = [
            {
                "id": ids[i],
                "name": sp.name,
                "kind": sp.kind,
                "positions": [dict(p) for p in sp.positions],
                "mentions": [list(m) for m in sp.mentions],
                "gender": sp.gender if sp.kind in GENDERED else None,
                "gender_evidence": [[s, e] for s, e, *_ in sp.evidence] if sp.kind in GENDERED else [],
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
            [m.start, m.end, m.tense, doc[m.head].idx if m.head >= 0 else -1, m.quarterly, m.figures, m.rate]
            for m in detect(doc)
        ]
        return doc


@Language.component("claimx_line_ends", assigns=["token.norm"])
def line_ends(doc: Doc) -> Doc:
    """Windows line ends (``\\r\\n``) read as ``\\n``: the model's features of
    a whitespace token holding ``\\r`` (its norm, prefix, suffix and shape,
    which are its word's, shared by the vocabulary) are made those of the same
    token without it, so a CRLF text parses as its LF copy. Runs first.

    >>> # nlp("He said no.\\r\\n\\r\\nShe agreed.") parses as nlp("He said no.\\n\\nShe agreed.")
    """
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)):  # whitespace tokens only, found in one array
        token = doc[int(i)]
        if "\r" in token.text:
            lex, plain = token.lex, doc.vocab[token.text.replace("\r", "") or " "]
            # all four: a lexeme whose norm a text before set may keep its own prefix and shape
            if (lex.norm, lex.prefix, lex.suffix, lex.shape) != (plain.norm, plain.prefix, plain.suffix, plain.shape):
                lex.norm_, lex.prefix_, lex.suffix_, lex.shape_ = plain.norm_, plain.prefix_, plain.suffix_, plain.shape_
    return doc


@Language.component("claimx_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: headings and paragraphs are never
    parsed into the sentence before them. Runs before the parser, on the
    text the tokenizer left (:mod:`claimx.pipeline.doctext`)."""
    text = doc_text(doc)
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array(IDX)
    breaks = numpy.array([m.start() for m in _NEWLINE.finditer(text)])
    # the token after a line break: the first one starting past it
    after = numpy.unique(numpy.searchsorted(starts, breaks, side="right"))
    after = after[(after > 0) & (after < len(doc))]
    if len(after):  # set all at once: each token.is_sent_start = True scans the whole Doc (n² on many lines)
        sent_starts = doc.to_array(SENT_START)
        sent_starts[after] = 1
        doc.from_array([SENT_START], sent_starts)
    return doc


def _model_pipe(nlp: Language, name: str) -> Any:
    """The model's own component ``name`` (disabled in claimx's pipeline), or None."""
    return nlp.get_pipe(name) if name in nlp.component_names else None


RULE_ATTRS = {"TAG", "LOWER", "DEP", "IS_SPACE"}  # what the cached rules may look at
NEUTRAL_WORD = "claimx"  # stands for every word no rule names
RULE_CACHE_SIZE = 100_000


class CachedAttributeRules:
    """The model's attribute rules (tag -> part of speech and morphology, and
    word exceptions such as "was" -> AUX, lemma "be"), applied through a cache.

    spaCy's ``attribute_ruler`` runs ~180 matcher patterns over every token,
    which costs more than all of claimx's own work. A one-token rule's result
    depends only on the token's tag, dependency and (for the words the rules
    name) its lower-case form, so each such combination is matched once, on a
    one-token Doc, and remembered; the few multi-token rules ("gon na",
    "there is") still run through a matcher. The result is the same as the
    model's ruler, token for token (tested); a model whose rules look at other
    attributes is simply given its own ruler."""

    def __init__(self, nlp: Language, name: str, source: str) -> None:
        self.nlp = nlp
        self.name = name
        self.source = source
        self._ready = False
        self._fallback: Any = None
        self._single: Any = None
        self._multi: Any = None
        self._words: set[str] = set()
        self._regexes: list[re.Pattern[str]] = []
        self._special: dict[int, int] = {}  # lower-case hash -> itself if a rule names it, else 0
        self._cache: dict[tuple[int, int, int], tuple[int, int, int, int, int]] = {}

    def _setup(self) -> None:
        from spacy.pipeline import AttributeRuler

        self._ready = True
        ruler = _model_pipe(self.nlp, self.source)
        if ruler is None:
            return
        patterns = ruler.patterns
        used = {key for p in patterns for pattern in p["patterns"] for tok in pattern for key in tok}
        if not used <= RULE_ATTRS:
            self._fallback = ruler
            return
        vocab = self.nlp.vocab
        single = [p for p in patterns if all(len(x) == 1 for x in p["patterns"])]
        multi = [p for p in patterns if any(len(x) > 1 for x in p["patterns"])]
        self._single = AttributeRuler(vocab, "single")
        self._single.add_patterns(single)
        if multi:
            self._multi = AttributeRuler(vocab, "multi")
            self._multi.add_patterns(multi)
        for p in single:
            for pattern in p["patterns"]:
                lower = pattern[0].get("LOWER")
                if isinstance(lower, str):
                    self._words.add(lower)
                elif isinstance(lower, dict):
                    self._words.update(lower.get("IN", ()))
                    if "REGEX" in lower:
                        self._regexes.append(re.compile(lower["REGEX"]))
        assert NEUTRAL_WORD not in self._words

    def _key_word(self, lower: int) -> int:
        word = self._special.get(lower)
        if word is None:
            text = self.nlp.vocab.strings[lower]
            named = text in self._words or text.isspace() or any(r.search(text) for r in self._regexes)
            if len(self._special) >= RULE_CACHE_SIZE:
                self._special.clear()
            word = self._special[lower] = lower if named else 0
        return word

    def _result(self, tag: int, word: int, dep: int) -> tuple[int, int, int, int, int]:
        vocab = self.nlp.vocab
        one = Doc(vocab, words=[vocab.strings[word] if word else NEUTRAL_WORD], spaces=[False])
        tok = one[0]
        tok.tag, tok.dep = tag, dep
        self._single(one)
        return (tok.tag, tok.pos, tok.morph.key, tok.lemma if word else 0, tok.dep)

    def __call__(self, doc: Doc) -> Doc:
        if not self._ready:
            self._setup()
        if self._fallback is not None:
            return self._fallback(doc)
        if self._single is None or not len(doc):
            return doc
        current = doc.to_array([TAG, LOWER, DEP, LEMMA])
        out = numpy.empty((len(doc), 5), dtype="uint64")
        cache = self._cache
        for i, (tag, lower, dep, _lemma) in enumerate(current.tolist()):
            key = (tag, self._key_word(lower), dep)
            r = cache.get(key)
            if r is None:
                if len(cache) >= RULE_CACHE_SIZE:
                    cache.clear()
                r = cache[key] = self._result(*key)
            out[i] = r
        # a rule that sets no lemma leaves the token's own
        out[:, 3] = numpy.where(out[:, 3] == 0, current[:, 3], out[:, 3])
        doc.from_array([POS, MORPH, LEMMA], out[:, 1:4])
        for i in numpy.flatnonzero((out[:, 0] != current[:, 0]) | (out[:, 4] != current[:, 2])):
            tok = doc[int(i)]
            tok.tag, tok.dep = int(out[i, 0]), int(out[i, 4])
        if self._multi is not None:
            self._multi(doc)
        return doc


@Language.factory(
    "claimx_attributes",
    default_config={"source": "attribute_ruler"},  # the (disabled) ruler whose rules are used
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag", "token.dep"],
)
def make_attributes(nlp: Language, name: str, source: str) -> CachedAttributeRules:
    return CachedAttributeRules(nlp, name, source)


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
        lemmatizer = _model_pipe(self.nlp, self.source)
        self._lemmatize = getattr(lemmatizer, "lemmatize", None) or (lambda tok: [tok.lower_])
        self._verb_tags = numpy.array([self.nlp.vocab.strings.add(t) for t in VERB_TAGS], dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        if self._lemmatize is None:
            self._setup()
        if not len(doc):
            return doc
        current = doc.to_array([LEMMA, LOWER, TAG])
        unset = current[:, 0] == 0  # the attribute rules set some ("was" -> "be")
        doc.from_array([LEMMA], numpy.where(unset, current[:, 1], current[:, 0]).reshape(-1, 1))
        for i in numpy.flatnonzero(unset & numpy.isin(current[:, 2], self._verb_tags)):
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
    doc.user_data.pop(TEXT_KEY, None)  # the text the tokenizer kept for the components
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
