"""Documents and channels as sources (claimx.pipeline.speakers.documents): the author
where the text names one, else a ``document`` speaker that every output
carries."""

from __future__ import annotations

import pytest

from claimx.pipeline.speakers.documents import author_token, document_class, indefinite, role_noun
from claimx.records import json_schema
from claimx.write.formats import Table
from claimx.write.writers import values
from tests.attribution_cases import record


def _speaker_of(nlp, text: str, mention: str) -> tuple[str, str] | None:
    rec = record(nlp, text)
    speakers = {s["id"]: s for s in rec["speakers"]}
    for q in rec["quotes"]:
        if q["speaker_mention"] and q["speaker_mention"]["text"] == mention:
            sp = speakers.get(q["speaker"])
            return (sp["name"], sp["kind"]) if sp else None
    raise AssertionError(f"no quote with the mention {mention!r}: {[q['speaker_mention'] for q in rec['quotes']]}")


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # a possessive pronoun: the previous speaker it fits
        ("Governor Tom Wolf visited the plant. “It works,” Wolf said. His statement said the plant would reopen.",
         "His statement", ("Tom Wolf", "person")),
        # "from" and an office: its holder
        ("Governor Tom Wolf visited the plant on Monday. A statement from the governor's office said the plant "
         "would reopen.", "A statement from the governor's office", ("Tom Wolf", "person")),
        # a name among its modifiers
        ("A Bloomberg poll shows that voters are split.", "A Bloomberg poll", ("Bloomberg", "organisation")),
        # a definite document refers back to one of its class whose author is named
        ("Jane Marsh wrote a memoir about the war. The book says the army was unready.", "The book",
         ("Jane Marsh", "person")),
        ("Acme Shipping released a report on Monday. The report said the port was full.", "The report",
         ("Acme Shipping", "organisation")),
        # a participle with its agent
        ("An analysis released by the Treasury Department shows that prices rose.",
         "An analysis", ("Treasury Department", "organisation")),
        # negatives: no author named -> a document of its own
        ("A report released on Monday said the river was clean.", "A report", ("report", "document")),
        # the earlier report was what someone spoke of, not what they wrote: no author
        ("Tom Hale said the report was wrong. The report said the river was clean.", "The report",
         ("report", "document")),
        # a thing it comes from, a date among its modifiers, a modifier use of the noun: no author
        ("Footage from the game shows that students wore costumes.", "Footage from the game",
         ("Footage from the game", "document")),
        ("In Florida, a June poll found that Trump was ahead.", "a June poll", ("June poll", "document")),
        ("Trump's poll numbers rose in May. The new poll finds that Trump leads.", "The new poll", ("new poll", "document")),
        # who obtained it is not who wrote it
        ("A previously undisclosed email obtained by Citizens United shows that the aide knew.",
         "A previously undisclosed email", ("previously undisclosed email", "document")),
        # "her" is not the previous speaker of unknown gender when someone was named since
        ("Tom Hale spoke at the rally and called Jane Roe terrible. Her record shows that the plan worked.", "Her record",
         ("Her record", "document")),
        # "his" with no person quoted before: no author guessed
        ("His statement said the plant would reopen.", "His statement", ("His statement", "document")),
    ],
)
def test_document_sources(nlp, text, mention, speaker):
    assert _speaker_of(nlp, text, mention) == speaker


@pytest.mark.parametrize(
    ("text", "noun", "author"),
    [
        ("Smith's statement said no.", "statement", "Smith"),
        ("A statement from the mayor's office said no.", "statement", "mayor"),
        ("A report by Acme said no.", "report", "Acme"),
        ("Smith said in a statement that no.", "statement", "Smith"),
        ("Smith released a report.", "report", "Smith"),
        # negatives
        ("Smith criticised the report.", "report", None),
        ("The report said no.", "report", None),
        ("Monday's poll showed a tie.", "poll", None),  # a time is no author
        ("Last year's report said no.", "report", None),
    ],
)
def test_author_token(nlp, text, noun, author):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == noun)
    found = author_token(tok)
    assert (found.text if found is not None else None) == author


def test_document_class(nlp):
    doc = nlp("The memoir and the poll, but not the Post nor the river.")
    assert [(t.text, document_class(t)) for t in doc if t.pos_ in ("NOUN", "PROPN")] == [
        ("memoir", "book"), ("poll", "poll"), ("Post", None), ("river", None)]


def test_document_kind_flows_through_every_output(nlp):
    """The document kind is in the JSON Schema and reaches the CSV, SQLite,
    Parquet tables and the review page."""
    from claimx.corpus.sqlite import speaker_rows
    from claimx.write.review import render_html

    rec = record(nlp, "A report released on Monday said the river was clean.")
    (sp,) = rec["speakers"]
    assert sp["kind"] == "document"
    kinds = json_schema()["$defs"]["Speaker"]["properties"]["kind"]["enum"]
    assert "document" in kinds
    assert [row[3] for row in values(rec, Table.speakers)] == ["document"]
    assert [row["kind"] for row in speaker_rows(rec)] == ["document"]
    assert "<td>document</td>" in render_html([rec])
    parquet = pytest.importorskip("claimx.write.parquet")
    pytest.importorskip("pyarrow")
    cols = parquet.columns("speakers")
    (row,) = parquet.table_rows(rec, "speakers")
    assert row[cols.index("kind")] == "document"


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # "by" and a role noun: the author, a member of its own
        ("A report by the state auditor found that the fund lost money.", "A report", ("state auditor", "unnamed")),
        ("A study by the EPA found that the lake was dirty.", "A study", ("EPA", "organisation")),
        ("A study by the Environmental Protection Agency found that the lake was dirty.", "A study",
         ("Environmental Protection Agency", "organisation")),
        # a definite document is the one introduced before: its author ...
        ("A report by the state auditor found that the fund lost money. The report said the losses were hidden.",
         "The report", ("state auditor", "unnamed")),
        ("A study by the EPA found that the lake was dirty.\n\nThe report said farms were to blame.", "The report",
         ("EPA", "organisation")),
        # ... or the same document member when it has none
        ("A report released on Monday said the river was clean. The report added that fish had returned.",
         "The report", ("report", "document")),
        # through a definite one no one quoted
        ("Prices rose, according to a CBS poll released Monday. The new poll has a margin of error of three "
         "points. The poll found that voters were tired.", "The poll", ("CBS", "organisation")),
        # two documents stay apart: each definite one refers to the one of its own noun
        ("Acme Shipping released a report on Monday. On Tuesday the union published a study. The report said the "
         "port was full.", "The report", ("Acme Shipping", "organisation")),
        ("Acme Shipping released a report on Monday. On Tuesday the dockers' union published a study. The study "
         "found that wages fell.", "The study", ("dockers' union", "unnamed")),
        # negatives: "by" and a time or a thing names no author
        ("A report by the end of May said the river was clean.", "A report", ("report", "document")),
        ("A study by the river found that fish were dying.", "A study", ("study", "document")),
    ],
)
def test_documents_by_and_back(nlp, text, mention, speaker):
    assert _speaker_of(nlp, text, mention) == speaker


def test_indefinite_documents_are_new_members(nlp):
    """"a report" twice is two reports; "the report" after them is the later one."""
    rec = record(nlp, "A report said the river was clean. Later, a report said the river was dirty. "
                      "The report added that fish died.")
    by_mention = {q["speaker_mention"]["text"]: q["speaker"] for q in rec["quotes"]}
    assert by_mention["A report"] != by_mention["a report"]
    assert by_mention["The report"] == by_mention["a report"]


@pytest.mark.parametrize(
    ("test", "text", "noun", "expected"),
    [
        # role_noun: who a "by" names by the form of the noun
        (role_noun, "A report by the state auditor said no.", "auditor", True),
        (role_noun, "A paper by two economists said no.", "economists", True),
        (role_noun, "A book by the historian said no.", "historian", True),
        (role_noun, "A study by the engineer said no.", "engineer", True),
        # negatives: things, kin, a name
        (role_noun, "A study by the river said no.", "river", False),
        (role_noun, "A study of the water said no.", "water", False),
        (role_noun, "A letter by her stepson said no.", "stepson", False),
        (role_noun, "A report by Senator Smith said no.", "Senator", False),
        # indefinite: a document introduced as a new one
        (indefinite, "A report said no.", "report", True),
        (indefinite, "Another study said no.", "study", True),
        (indefinite, "The report said no.", "report", False),
        (indefinite, "His report said no.", "report", False),
    ],
)
def test_document_words(nlp, test, text, noun, expected):
    doc = nlp(text)
    assert test(next(t for t in doc if t.text == noun or t.lower_ == noun)) is expected
