"""Table tests for :mod:`claimx.pipeline.attribution.continuations`: quotations no cue claimed: continuations of a speaker, or headings, titles and scare quotes.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # a quotation in capitals on a line of its own is a heading, not more of the speaker's words
    ("“We will win this race,” Smith said.\n“DIVISIVE, STUPID AND WRONG”\nCameron will work with whoever is elected.",
     [("direct", "Smith", "say", "We will win this race,")]),
    # a paragraph that is only a quotation, right after a speaker's quote, continues that speaker
    ("“We will win this race,” Smith said.\n“Absolutely.”\nJones was not convinced.",
     [("direct", "Smith", "say", "We will win this race,"), ("direct", "Smith", None, "Absolutely.")]),
    ("Smith said the plan was good.\n“It will cut waiting times by half.”",
     [("indirect", "Smith", "say", "the plan was good"), ("direct", "Smith", None, "It will cut waiting times by half.")]),
    # ... not a title on a line of its own, nor a short quotation that opens a sentence of the writer's
    ("Smith said the plan was good.\n“Meet the Press”\nJones agreed.", [("indirect", "Smith", "say", "the plan was good")]),
    ("Smith said the plan was good.\n“No way.” Jones disagreed with the plan entirely.",
     [("indirect", "Smith", "say", "the plan was good")]),
    # a run of cue-less quotation paragraphs all continue the speaker of the quotation before them
    ("“We will win,” Smith said.\n\n“Nobody can stop us now.”\n\n“Not the polls and not the press.”",
     [("direct", "Smith", "say", "We will win,” Smith said.\n\n“Nobody can stop us now."),
      ("direct", "Smith", None, "Not the polls and not the press.")]),
    ("Smith said the plan was good.\n\n“It will cut waiting times by half.”\n\n“And it will cost less than the old one.”",
     [("indirect", "Smith", "say", "the plan was good"), ("direct", "Smith", None, "It will cut waiting times by half."),
      ("direct", "Smith", None, "And it will cost less than the old one.")]),
    # ... not after a paragraph of narrative, not a title
    ("“We will win,” Smith said.\n\nThe crowd cheered loudly at the rally.\n\n“Nobody can stop us now, not the polls.”",
     [("direct", "Smith", "say", "We will win,")]),
    ("“We will win,” Smith said.\n\n“American Skin (41 Shots)”\n\nThe band played on.",
     [("direct", "Smith", "say", "We will win,")]),
    # a quotation opening the next sentence goes on with the one before it, also in
    # typewriter marks, which the parser may end the cue's sentence after
    ("“Tell that to the janitor,” Mr. Biden said. “Tell that to your mothers.”",
     [("direct", "Biden", "say", "Tell that to the janitor,” Mr. Biden said. “Tell that to your mothers.")]),
    ("''Tell that to the janitor,'' Mr. Biden said. ''Tell that to your mothers.''",
     [("direct", "Biden", "say", "Tell that to the janitor,'' Mr. Biden said. ''Tell that to your mothers.")]),
    # ... not a quotation after more of the writer's words
    ("''Tell that to the janitor,'' Mr. Biden said. The band played ''Hail to the Chief.''",
     [("direct", "Biden", "say", "Tell that to the janitor,")]),
    # negatives: headings, the writer's questions, scare quotes, titles
    ("What happens next in the talks?", []),
    ("The so-called “reform” was passed by the Senate on Monday.", []),
    ("She watched “The Godfather” again last night.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_continuations(nlp, text, expected):
    assert quotes(nlp, text) == expected
