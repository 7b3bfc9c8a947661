"""Table tests for :mod:`claimx.pipeline.attribution.according`: "according to X".
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes, record

CASES = [
    # according to
    ("The economy grew by 3 percent last year, according to the Commerce Department.",
     [("indirect", "Commerce Department", "according to", "The economy grew by 3 percent last year")]),
    # "According" the parse's root: the rest of the sentence after the comma
    ("According to radio host Rush Limbaugh, the move reeks of “fear” and desperation.",
     [("mixed", "Rush Limbaugh", "according to", "the move reeks of “fear” and desperation")]),
    # between the subject and its verb: the clause on both sides, one statement in two parts
    ("Waiting times, according to the report, will fall.",
     [("indirect", "report", "according to", "Waiting times, according to the report, will fall")]),
    ("The senator, according to aides, was “furious” about the vote.",
     [("mixed", "aides", "according to", "The senator, according to aides, was “furious” about the vote")]),
    # negative: after a phrase of time it reports what follows, not the time
    ("Since last November, according to Human Rights Watch, security forces have killed 400 protesters.",
     [("indirect", "Human Rights Watch", "according to", "security forces have killed 400 protesters")]),
    # the author of the statement named: "according to a statement by X", "X's statement"
    ("The plant will close next year, according to a statement by the company.",
     [("indirect", "company", "according to", "The plant will close next year")]),
    ("According to the ministry's statement, three soldiers were killed.",
     [("indirect", "ministry", "according to", "three soldiers were killed")]),
    # "in her words", "in the words of X"
    ("In her words, the plan was “a disaster from start to finish.”",
     [("mixed", "her", "in words", "the plan was “a disaster from start to finish.”")]),
    ("In the words of one official, the deal is dead.",
     [("indirect", "one official", "in words", "the deal is dead")]),
    # negatives: words that attribute nothing
    ("In other words, the plan failed.", []),
    ("In a few words, he summed it up.", []),
    ("In my words, this is a test.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_according(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_an_interrupting_phrase_gives_two_parts(nlp):
    text = "Waiting times, according to the report, will fall."
    (q,) = record(nlp, text)["quotes"]
    assert [p["text"] for p in q["parts"]] == ["Waiting times", "will fall"]
    assert all(text[p["start"] : p["end"]] == p["text"] for p in q["parts"])


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the maker of the document named by the phrase: "by X", a participle of making with its agent, a relative
        ("Turnout rose sharply in the north, according to an analysis by the state election board.",
         "the state election board"),
        ("The company owes nearly $2 million in back taxes, according to a court document filed by the city.",
         "the city"),
        ("Schools will reopen in September, according to a speech the governor gave on Monday.", "the governor"),
        # negative: having a document is not making it
        ("The company owes nearly $2 million in back taxes, according to a document obtained by reporters.",
         "a document"),
    ],
)
def test_according_to_a_document_credits_its_maker(nlp, text, mention):
    (q,) = record(nlp, text)["quotes"]
    assert q["speaker_mention"]["text"] == mention
