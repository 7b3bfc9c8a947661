"""Lines of the page that name a source (claimx.pipeline.speakers.lines): signature
lines, headline descriptions, names a headline's title case garbled."""

from __future__ import annotations

import pytest

from tests.attribution_cases import record


def _speakers(nlp, text):
    rec = record(nlp, text)
    names = {s["id"]: s["name"] for s in rec["speakers"]}
    return [(q["speaker_mention"]["text"] if q["speaker_mention"] else None, names.get(q["speaker"]))
            for q in rec["quotes"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a letter's "I" is the name on its signature line
        ("LETTERS.\n\nI think the council has failed us all.\n\nChris Smith.\n\nLeeds.\n",
         [("I", "Chris Smith")]),
        ("I believe the plan will fail.\n\n— Jane Roe, Leeds\n", [("I", "Jane Roe")]),
        # negatives: no signature line; a place is no signature
        ("I believe the plan will fail.\n\nThe vote is on Monday.\n", [("I", None)]),
        ("I believe the plan will fail.\n\nNew York.\n", [("I", None)]),
    ],
)
def test_signature_lines(nlp, text, expected):
    assert _speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # a headline's bare description is the person the lede quotes
        ("Lawmaker urges sanctions on Russia.\n\nRep. Adam Schiff called on the president to act, "
         "saying the hacking was a threat.\n", "Lawmaker", "Adam Schiff"),
        # negatives: the lede's first statement is no person's; the headline's noun is for no person
        ("Lawmaker urges sanctions on Russia.\n\nThe committee said the hacking was a threat.\n",
         "Lawmaker", "Lawmaker"),
        ("Campaign for Trump says it will recast his image.\n\nPaul Manafort said the team would grow.\n",
         "Campaign for Trump", "Campaign for Trump"),
        # the person the headline names is not the one it describes
        ("Union chief says Trump can win.\n\nDonald Trump said on Monday that he would win.\n",
         "Union chief", "Union chief"),
    ],
)
def test_headline_descriptions(nlp, text, mention, speaker):
    assert (mention, speaker) in _speakers(nlp, text)


def test_a_name_the_headline_garbled_joins_the_full_name(nlp):
    text = ("Clinton Hid Past Health Problems From Public, Doctor Says.\n\n"
            "Hillary Clinton allowed her staff to think it was a pulled muscle, Dr. Connie Mariano said.\n\n"
            "“It was a clot,” Clinton wrote in 2003.\n")
    names = {n for _, n in _speakers(nlp, text)}
    assert "Hillary Clinton" in names
    assert "Clinton Hid" not in names


def test_a_transcript_label_is_no_headline_description(nlp):
    """"PENCE:" before "WALLACE:" is a name, not a headline's description of the next speaker."""
    text = "The debate went on.\n\nPENCE: Well, look, she thinks this is a show.\n\nWALLACE: But I must ask you."
    assert ("PENCE", "WALLACE") not in _speakers(nlp, text)
