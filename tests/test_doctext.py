"""The Doc's text, read once per Doc (claimx.pipeline.doctext): claimx's
tokenizer leaves the text it was given, so the pipeline never has spaCy
rebuild it; a Doc made elsewhere has it read once and kept."""

import pytest
from spacy.tokens import Doc

from claimx.pipeline.doctext import TEXT_KEY, doc_text


@pytest.mark.parametrize("text", [
    "The mayor said the plan would fail.\n\nShe left.",
    "He said " + "!" * 40 + " no.",  # a long run of punctuation: the tokenizer cuts it first
    "",
])
def test_the_tokenizer_keeps_the_text_it_was_given(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.user_data[TEXT_KEY] is text  # the caller's string, not one rebuilt from the tokens
    assert doc_text(doc) is text and doc.text == text


def test_the_pipeline_lets_go_of_the_text(nlp):
    doc = nlp("The mayor said the plan would fail.")
    assert TEXT_KEY not in doc.user_data  # claimx_release: records carry their own text


def test_a_doc_made_elsewhere_has_its_text_read_once_and_kept(nlp):
    doc = Doc(nlp.vocab, words=["Hello", "world"], spaces=[True, False])
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == "Hello world"
    assert doc.user_data[TEXT_KEY] == "Hello world"
