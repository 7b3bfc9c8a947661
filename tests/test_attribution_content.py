"""Table tests for :mod:`claimx.pipeline.attribution.content`: what a cue reports: its clause, infinitive or object, clauses the parser hung elsewhere, and where the content stops.
Each case is (text, expected quotes), negatives included."""

import pytest

from claimx.pipeline.attribution.content import cut, ends_open, introduces, quote_after
from claimx.pipeline.quotemarks import find_quotations
from tests.attribution_cases import quotes

CASES = [
    # what the parser hung elsewhere: a "that"-clause on a noun of the cue's
    # phrase, the words said read as a second subject, an "as" clause after the cue
    ("Sanders said following a vote in 2001 that he had “very serious concerns.”",
     [("mixed", "Sanders", "say", "he had “very serious concerns.”")]),
    ("The State Department said for the first time that “top secret” intelligence had passed through the server.",
     [("mixed", "State Department", "say", "“top secret” intelligence had passed through the server")]),
    ("The rejection of the treaty signals \"the beginning of the end\" for the EU, said Geert Wilders, a Dutch MP.",
     [("mixed", "Geert Wilders", "say", "The rejection of the treaty signals \"the beginning of the end\" for the EU")]),
    ("\"He didn't report the loans,\" he said as some wearing Cruz shirts booed.",
     [("direct", "he", "say", "He didn't report the loans,")]),
    # a clause the narrator adds after a comma with "though", "while" or "as" and a
    # speaker and cue of its own is a statement of its own, not more of the first
    ("The lawyer said the firm was doing well, though she noted clients were starting to leave.",
     [("indirect", "lawyer", "say", "the firm was doing well"),
      ("indirect", "she", "note", "clients were starting to leave")]),
    # ... not a clause without a cue, nor one the reported clause holds without a comma
    ("The lawyer said the firm was doing well, though profits fell last year.",
     [("indirect", "lawyer", "say", "the firm was doing well, though profits fell last year")]),
    ("The mayor said he would stay as long as voters said he was needed.",
     [("indirect", "mayor", "say", "he would stay as long as voters said he was needed")]),
    # a predicate said of a pronoun object makes a claim; the pronoun alone points back
    ("Kaine has described himself as a pro-life Catholic.",
     [("indirect", "Kaine", "describe", "himself as a pro-life Catholic")]),
    ("The governor denied it on Monday.", []),
    # a relative clause with a cue of its own after the clause's verb is its own statement
    # (and "he" is DeSantis, whom the NER took for an organisation)
    ("DeSantis said he backs a bill, which he called “a cartel for higher education.”",
     [("indirect", "DeSantis", "say", "he backs a bill"),
      ("direct", "DeSantis", "call", "a cartel for higher education.")]),
    ("Google said it would appeal. It called the ruling “wrong.”",
     # "It" is the organisation that made the statement before (claimx.pipeline.speakers.pronouns)
     [("indirect", "Google", "say", "it would appeal"), ("mixed", "Google", "call", "the ruling “wrong.”")]),
    ("Eric Ferrero said observers were dispatched with the marchers, whom he described as “peaceful,” for the length of the route.",
     [("indirect", "Eric Ferrero", "say", "observers were dispatched with the marchers"),
      ("mixed", "Eric Ferrero", "describe", "as “peaceful,”")]),
    # ... but one inside the clause reported stays part of it
    ("He said the plan, which critics call “amnesty,” would pass.",
     [("mixed", "He", "say", "the plan, which critics call “amnesty,” would pass")]),
    # a clause the parser hung elsewhere, right after a cue and its addressee
    ("The endorsement comes three days after Trump told The Washington Post he was “not quite there yet” on Ryan.",
     [("mixed", "Trump", "tell", "he was “not quite there yet” on Ryan")]),
    # a wire dateline opening the story is no part of what was said
    ("LONDON (Reuters) - Theresa May will travel to Brussels on Wednesday, her spokesman said.",
     [("indirect", "her spokesman", "say", "Theresa May will travel to Brussels on Wednesday")]),
    # indirect with that-clause
    ("Governor Jane Smith said that the budget would be balanced by June.",
     [("indirect", "Jane Smith", "say", "the budget would be balanced by June")]),
    # indirect with a bare complement
    ("Jane Smith said the budget would be balanced.",
     [("indirect", "Jane Smith", "say", "the budget would be balanced")]),
    # an object-taking cue: the object is the content (as PolNeAR annotates it)
    ("Trump described the meeting as “extremely productive” on Friday.",
     [("mixed", "Trump", "describe", "the meeting as “extremely productive”")]),
    # a clause complement headed by an adjective
    ("Jane Smith says the tweets were “unhinged, even for him.”",
     [("mixed", "Jane Smith", "say", "the tweets were “unhinged, even for him.”")]),
    # mixed: reported speech with a quoted fragment
    ("Jane Smith said the deal was “a disaster” for workers.",
     [("mixed", "Jane Smith", "say", "the deal was “a disaster” for workers")]),
    # a pronoun object counts when what follows it is quoted
    ("Marty West, a professor at Harvard, called it “an incredibly significant development.”",
     [("mixed", "Marty West", "call", "it “an incredibly significant development.”")]),
    # a clause in front of the cue that says when is not what was said
    ("In a statement released after the senator suspended his campaign, Cruz said he is certain Rubio will win.",
     [("indirect", "Cruz", "say", "he is certain Rubio will win")]),
    # complements the parser took for adverbial clauses
    ("Trump tweeted in the early morning hours that Machado was “disgusting.”",
     [("mixed", "Trump", "tweet", "Machado was “disgusting.”")]),
    ("Trump tells his supporters at a Michigan rally to “go to your place and vote.”",
     [("mixed", "Trump", "tell", "to “go to your place and vote.”")]),
    # a participle cue trailing a reported clause is a statement of its own, by the same speaker
    ("Trump insisted that he has “expanded the Republican party,” claiming that he is responsible for the turnout.",
     [("mixed", "Trump", "insist", "he has “expanded the Republican party,”"),
      ("indirect", "Trump", "claim", "he is responsible for the turnout")]),
    # coordinated clauses, one statement or two by what the parse says: a second "that" is reported too
    ("Smith said the budget was balanced and that taxes would fall.",
     [("indirect", "Smith", "say", "the budget was balanced and that taxes would fall")]),
    ("Smith said the budget was balanced, and that taxes would fall.",
     [("indirect", "Smith", "say", "the budget was balanced, and that taxes would fall")]),
    # ... a clause of the narrative after the cue's is not; a cue of its own makes a second statement
    ("Smith said the budget was balanced, and the crowd cheered.",
     [("indirect", "Smith", "say", "the budget was balanced")]),
    ("Smith said the budget was balanced, but he warned that taxes would rise.",
     [("indirect", "Smith", "say", "the budget was balanced"), ("indirect", "Smith", "warn", "taxes would rise")]),
    # ("escalated her criticism" is an action, no statement: ACTS.md rule 3)
    ("She escalated her criticism on Tuesday, telling CNN that Trump is a “faker” and questioning how he got away with it.",
     [("mixed", "She", "tell", "Trump is a “faker”"), ("indirect", "She", "question", "how he got away with it")]),
    # content does not stop early at a series of verb phrases the parser hung on the cue
    ("Police said the man fled, abandoned his car and was arrested an hour later.",
     [("indirect", "Police", "say", "the man fled, abandoned his car and was arrested an hour later")]),
    ("She said she sold the house, moved abroad and started over.",
     [("indirect", "She", "say", "she sold the house, moved abroad and started over")]),
    # negatives: the speaker's own statement in the series; a clause of the narrative after "and"
    ("He suggested the plan was flawed, called it “third-rate” and left the room.",
     [("indirect", "He", "suggest", "the plan was flawed"), ("mixed", None, "call", "it “third-rate”")]),
    ("The minister said taxes would rise, and the opposition walked out.",
     [("indirect", "minister", "say", "taxes would rise")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_content(nlp, text, expected):
    assert quotes(nlp, text) == expected


# the quotation right after a cue phrase (``at`` is the end of "said"): after
# a comma or colon, or opening the next paragraph after a colon only
QUOTE_AFTER = [
    ("Jane Smith said: “The budget is balanced.”", 0),
    ("Ryan said,“Look, these images have no place.”", 0),
    ("Cruz said:\n\n“You look at the questions.”", 0),
    ("Cruz said\n\n“You look at the questions.”", None),
    ("Smith said on Monday “we will win.”", None),
    ("Smith said.", None),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_AFTER)
def test_quote_after(text, expected):
    at = text.index("said") + len("said")
    assert quote_after(text, find_quotations(text), at) == expected


# where a content span starting at ``start`` ends: at its paragraph's end, or
# with the quotation that opens it when a conjunction follows
CUT = [
    ("noted that “we won” and no ceasefire was announced", "“", "“we won”"),
    ("noted that “we won” in the end", "“", "“we won” in the end"),
    ("the plan would pass\nNext paragraph", "the", "the plan would pass"),
    ("the plan would pass, he said", "the", "the plan would pass, he said"),
]


@pytest.mark.parametrize(("text", "first", "expected"), CUT)
def test_cut(text, first, expected):
    start = text.index(first)
    assert text[start : cut(text, find_quotations(text), start, len(text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“The plan is simple,” Smith said, “and it will work.”", True),
    ("“The plan is simple.” Smith said, “and it will work.”", False),
])
def test_ends_open(text, expected):
    assert ends_open(text, find_quotations(text)[0]) is expected


# a cue phrase between a finished quotation and a new one introduces the new one
@pytest.mark.parametrize(("text", "expected"), [
    ("“We saw the girls.” Cruz says, “That is wrong.”", True),
    ("“We saw the girls.” Cruz says: “That is wrong.”", True),
    ("“We saw the girls,” Cruz says, “and that is wrong.”", False),
    ("“We saw the girls.” Cruz says “that is wrong.”", False),
])
def test_introduces(text, expected):
    quotes = find_quotations(text)
    assert introduces(text, quotes, quotes[0], text.index("says") + len("says")) is expected
