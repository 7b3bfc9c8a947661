"""The Doc's text, read once per Doc.

spaCy rebuilds ``Doc.text`` from the tokens on every access; claimx's
components and rules slice the text many times. claimx's tokenizer
(:class:`claimx.pipeline.nlp.RunSafeTokenizer`) leaves the text it was given
in ``doc.user_data`` under :data:`TEXT_KEY`; the paragraph, attribution,
speaker and date steps read it there through :func:`doc_text`, and
``claimx_release`` removes it at the end of the pipeline. Only a Doc that
claimx's tokenizer did not make (built by hand, or a parse replayed from a
cache) has its text read from spaCy, once, where it is first needed, and
kept there too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

TEXT_KEY = "claimx_text"  # doc.user_data: the Doc's text while claimx's components read it


def doc_text(doc: Doc) -> str:
    """The Doc's text, read once per Doc (see the module's docstring)."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text  # the only read: kept for the next call
    return text
