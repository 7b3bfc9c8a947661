"""Table tests for :mod:`claimx.attribution.furniture`: link lines, sign-ups,
captions, photo credits and section labels are never speakers, cues or
quotes; transcripts' speakers and prose are. Each case is (text, expected
quotes), negatives included; then the pure tests, without the model."""

import pytest

from claimx.attribution.furniture import CREDIT, _caption, opens_furniture
from tests.attribution_cases import quotes, record

CASES = [
    # a section label is no speaker; the prose after it is read
    ("MARKETS: Stocks fell on Monday, traders said.", [("indirect", "traders", "say", "Stocks fell on Monday")]),
    ("WATCH: Obama says “we will win”", []),
    ("READ MORE: Trump says the election is “rigged”", []),
    ("Related: Clinton said the plan would fail.", []),
    ("Sign up for our newsletter, “The Daily,” which editors said is free.", []),
    ("President Trump speaks at a rally in Ohio on Monday. (AP Photo/Evan Vucci)", []),
    ("“We will win,” Trump said at the rally. (AP Photo/Evan Vucci)", []),
    ("Photo: AP\n\n“We will win,” Trump said.", [("direct", "Trump", "say", "We will win,")]),
    # negatives: a transcript's speakers (named elsewhere, or turns of a transcript)
    # (the label "PENCE:" is the person named before it: speakers.names.surname_of)
    ("Vice presidential candidate Mike Pence spoke on Sunday.\n\nPENCE: Well, look, the governor will win this race.",
     [("indirect", "Mike Pence", ":", "Well, look, the governor will win this race")]),
    ("WALLACE: Why would he do that, Governor?\n\nPENCE: Well, it was a joke, Chris.\n\nWALLACE: A joke?",
     [("indirect", "WALLACE", ":", "Why would he do that, Governor?"),
      ("indirect", "PENCE", ":", "Well, it was a joke, Chris")]),
    # negatives: prose that opens like furniture
    ("More than 200 people came, the mayor said.", [("indirect", "mayor", "say", "More than 200 people came")]),
    ("Photos showed the crowd, police said.", [("indirect", "police", "say", "Photos showed the crowd")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_furniture(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_a_section_label_is_no_speaker(nlp):
    rec = record(nlp, "MARKETS: Stocks fell on Monday, traders said.\n\nBUSINESS: Smith said sales rose.")
    assert [s["name"] for s in rec["speakers"]] == ["traders", "Smith"]


@pytest.mark.parametrize(("para", "expected"), [
    ("READ MORE: Trump says the election is rigged", True),
    ("Read more : the latest", True),
    ("Sign up for our newsletter", True),
    ("“Related: Clinton's plan”", True),
    ("Photo: AP", True),
    ("Signup sheets were handed out.", False),
    ("More than 200 people came.", False),
    ("Photos showed the crowd.", False),
    ("Watch the video above", False),
])
def test_opens_furniture(para, expected):
    assert opens_furniture(para) is expected


@pytest.mark.parametrize(("text", "credit"), [
    ("Trump in Ohio. (AP Photo/Evan Vucci)", "(AP Photo/Evan Vucci)"),
    ("Trump in Ohio (Photo: Reuters) on Monday", "(Photo: Reuters)"),
    ("Trump in Ohio. (Reuters/Jonathan Ernst)", "(Reuters/Jonathan Ernst)"),
    ("Trump in Ohio. Photo: Getty Images", "Photo: Getty Images"),
    ("WASHINGTON (AP) — Trump said", None),  # a dateline, not a credit
    ("the agency (AP) reported", None),
])
def test_credits(text, credit):
    m = CREDIT.search(text)
    assert (m.group() if m else None) == credit


@pytest.mark.parametrize(("para", "expected"), [
    ("Trump speaks in Ohio on Monday. (AP Photo/Evan Vucci)", True),
    ("Trump speaks (AP Photo/Evan Vucci) in Ohio on Monday.", False),
    ("Trump speaks in Ohio on Monday.", False),
])
def test_caption(para, expected):
    assert _caption(para) is expected
