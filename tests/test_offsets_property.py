"""Property: every span claimx emits indexes the article text exactly,
whatever the text (quotation marks, newlines, non-ASCII, CRLF)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.pipeline.extract import build_record
from claimx.pipeline.quotemarks import find_quotations
from claimx.read.inputs import Article

from .conftest import all_spans

FRAGMENTS = [
    "Jane Smith", "Smith", "He", "she", "said", "told reporters", "added that", "according to officials",
    "“", "”", "\"", "‘", "’", "«", "»", ",", ".", ":", " — ", "\n\n", "\r\n", " on Monday", " last week",
    "the plan will work", "Ukrainian President Volodymyr Zelensky", "noting that", "café", "🙂", "  ",
    "we’re", "The president", "the budget", "insisting", "in 2016", "tomorrow",
]
texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_spans_index_text(nlp, text):
    rec = build_record(Article("h", "h", text), nlp(text)).to_dict()
    for span in all_spans(rec):
        assert text[span["start"] : span["end"]] == span["text"]
        assert 0 <= span["start"] <= span["end"] <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab “”\"‘’'«»\n.,")), max_size=80))
def test_quotations_well_formed(text):
    prev_end = 0
    for q in find_quotations(text):
        assert prev_end <= q.start < q.end <= len(text)
        for s, e in q.parts:
            assert q.start < s <= e < q.end
        prev_end = q.end


RUNS = ["“" * 40, "\"" * 33, "”\n" * 20, "\" " * 40, "!?" * 20, ".\r\n" * 16, "’’’’", "--" * 20]
texts_with_runs = st.lists(st.sampled_from(FRAGMENTS + RUNS), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts_with_runs)
def test_long_runs_of_marks_keep_tokens_and_spans_on_the_text(nlp, text):
    """The run-safe tokenizer (nlp.RunSafeTokenizer) cuts long runs of marks
    itself: the tokens still cover the text exactly, and every span indexes it."""
    doc = nlp(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text
    rec = build_record(Article("h", "h", text), doc).to_dict()
    for span in all_spans(rec):
        assert text[span["start"] : span["end"]] == span["text"]


def test_long_runs_of_quotation_marks_cost_linear_time(nlp):
    """40,000 quotation marks took 141 s (n² in spaCy's prefix rules); cut
    into pieces they make few tokens, and twice the marks make twice the tokens."""
    small, large = nlp.make_doc("\"" * 2_048), nlp.make_doc("\"" * 4_096)
    assert len(large) == 2 * len(small) <= 4_000 // 16
    lines = nlp.make_doc("\"\n" * 2_000)
    assert len(lines) <= 4_000 // 16 and lines.text == "\"\n" * 2_000


def test_text_without_long_runs_is_tokenized_as_spacy_does(nlp):
    text = "“We will win,” she said... -- “Yes!!” ‘No’ «Oui» — \"It’s\" (R-S.C.): ok\n\n\"Next\"\n"
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in nlp.tokenizer.tokenizer(text)]


WRAP_WORDS = ["the", "minister", "said", "“we", "will", "win,”", "budget", "on", "Monday.", "that", "he", "told"]
wrapped_texts = st.lists(
    st.lists(st.sampled_from(WRAP_WORDS), min_size=8, max_size=40).map(" ".join), min_size=1, max_size=4
).flatmap(lambda paras: st.sampled_from([50, 62, 75]).map(lambda w: (paras, w)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=wrapped_texts)
def test_unwrapped_spans_index_original_offsets(nlp, case):
    """Hard-wrapped text: the unwrapped text has the original's length and
    characters but for wrapping breaks turned spaces, so every span emitted
    on it indexes the original text at the same offsets."""
    import textwrap

    from claimx.read.unwrap import unwrap

    paras, width = case
    original = "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in paras)
    text = unwrap(original)
    assert len(text) == len(original)
    assert all(a == b or (a in "\r\n" and b == " ") for a, b in zip(original, text, strict=True))
    rec = build_record(Article("w", "w", text), nlp(text)).to_dict()
    for span in all_spans(rec):
        assert text[span["start"] : span["end"]] == span["text"]
        assert original[span["start"] : span["end"]].replace("\n", " ") == span["text"].replace("\n", " ")
