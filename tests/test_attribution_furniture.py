"""Table tests for :mod:`claimx.pipeline.attribution.furniture`: link lines, sign-ups,
captions, photo credits and section labels are never speakers, cues or
quotes; transcripts' speakers and prose are. Each case is (text, expected
quotes), negatives included; then the pure tests, without the model."""

import pytest

from claimx.lexicon import furniture_openings
from claimx.pipeline.attribution.furniture import (
    CREDIT,
    _caption,
    byline,
    covers,
    credit_line,
    merged,
    opens_furniture,
    subhead,
)
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
    # credits with a slash and an outlet, file photos, agency lines
    ("Firefighters work at the scene. (John Smith/Reuters)", []),
    ("Mourners gather outside the church.\n\nJohn Smith/Reuters\n\n“It is a sad day,” the mayor said.",
     [("direct", "mayor", "say", "It is a sad day,")]),
    ("File photo\n\nThe minister said taxes would rise.", [("indirect", "minister", "say", "taxes would rise")]),
    # section labels, ad lines, promos, bylines, datelines, subheads
    ("BONDS: Yields rose, traders said.", [("indirect", "traders", "say", "Yields rose")]),
    ("THE TAKEAWAY: Senators said the plan would pass.", [("indirect", "Senators", "say", "the plan would pass")]),
    ("Article continues below\n\nSmith said the plan would work.", [("indirect", "Smith", "say", "the plan would work")]),
    ("Listen: the mayor says “we are ready”", []),
    ("Editor’s note: The candidate has repeatedly pledged to ban all visitors.", []),
    ("By Jane Roe and John Smith, Associated Press\n\nThe mayor said the city was ready.",
     [("indirect", "mayor", "say", "the city was ready")]),
    ("WASHINGTON (Reuters) - Senator Jane Roe said on Monday the bill would pass.",
     [("indirect", "Jane Roe", "say", "the bill would pass")]),
    # a dated dateline, or one whose place is not in capitals, is the same furniture (dates.reference.dateline_at)
    ("The vote is near.\n\nCAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters favor Sanders, the mayor said.",
     [("indirect", "mayor", "say", "Young voters favor Sanders")]),
    ("The vote is near.\n\nNew York (AFP) – Young voters favor Sanders, the mayor said.",
     [("indirect", "mayor", "say", "Young voters favor Sanders")]),
    # negatives: a subject and a date opening a sentence are no dateline
    ("The vote is near.\n\nCity officials, March 3, said young voters favor Sanders.",
     [("indirect", "City officials", "say", "young voters favor Sanders")]),
    ("The mayor spoke on Monday.\n\nWhat Comes Next For The City\n\nOfficials said the budget would be cut by a "
     "tenth next year, and that no school would close.",
     [("indirect", "Officials", "say", "the budget would be cut by a tenth next year, and that no school would close")]),
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


@pytest.mark.parametrize("opening", furniture_openings())
def test_every_listed_opening_opens_furniture_and_no_longer_word_does(opening):
    # the list is read as one compiled pattern: each entry as the list says
    # (a label with its colon, spaces before it; a phrase to a word's end)
    label = opening.removesuffix(":")
    if opening.endswith(":"):
        assert opens_furniture(f"{label.upper()} : the latest") and opens_furniture(f"“{label}: x")
        assert not opens_furniture(f"{label} the latest")
    else:
        assert opens_furniture(f"{label.title()} for more") and opens_furniture(f"{label}, now")
        assert not opens_furniture(f"{label}x today") and not opens_furniture(f"{label}2 today")


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


@pytest.mark.parametrize(("para", "expected"), [
    ("John Smith/Reuters", True),
    ("AFP via Getty Images", True),
    ("File photo", True),
    ("Photo by Jane Roe", True),
    ("(Jane Roe/AFP)", True),
    ("Reuters reported the deal.", False),
    ("File photos were lost in the fire.", False),
    ("Smith/Jones", False),  # no outlet
])
def test_credit_line(para, expected):
    assert credit_line(para) is expected


@pytest.mark.parametrize(("para", "expected"), [
    ("By Jane Roe", True),
    ("By JOHN SMITH and JANE ROE, Associated Press", True),
    ("By Monday the talks had failed.", False),
    ("By the end of the year, prices rose.", False),
])
def test_byline(para, expected):
    assert byline(para) is expected


PROSE = "Officials said on Monday that the budget would be cut by a tenth next year."


@pytest.mark.parametrize(("para", "after", "expected"), [
    ("Legend in the Coal Fields", PROSE, True),
    ("WHAT COMES NEXT", PROSE, True),
    ("Stocks fell.", PROSE, False),  # a sentence
    ("The senator said she would vote against the bill", PROSE, False),  # not title case
    ("Legend in the Coal Fields", "Smith", False),  # no prose after it
])
def test_subhead(para, after, expected):
    assert subhead(para, after) is expected


def test_covers_is_a_bisection_of_disjoint_spans():
    class Ctx:
        furniture = merged([(10, 20), (0, 5), (15, 30)])

    assert Ctx.furniture == [(0, 5), (10, 30)]
    assert covers(Ctx, 4) and covers(Ctx, 29) and covers(Ctx, 3, 12)
    assert not covers(Ctx, 5) and not covers(Ctx, 5, 10) and not covers(Ctx, 30, 40)


def test_the_cast_asks_covers_too():
    """The speakers' cast holds the reading's furniture and asks the same
    test (one character, its end excluded)."""
    from claimx.pipeline.speakers.cast import Cast

    cast = Cast(furniture=[(0, 5), (10, 30)])
    assert covers(cast, 0) and covers(cast, 4) and covers(cast, 10) and covers(cast, 29)
    assert not covers(cast, 5) and not covers(cast, 9) and not covers(cast, 30) and not covers(Cast(), 0)
