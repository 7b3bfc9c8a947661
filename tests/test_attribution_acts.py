"""Table tests for :mod:`claimx.pipeline.attribution.acts`: which act each statement
is (speech, belief, fact, intention), by the cue's lexicon entry and by the
constructions that override it. Each case is (text, expected [(act, cue
lemma, quote text)]); each construction has its negatives beside it."""

from typing import get_args

import pytest

from claimx.acts import ACTS, parse_acts
from claimx.lexicon import cue_acts, cue_frames, directives, finding_verbs, parse_cue_rows, stances
from claimx.records import Quote
from tests.attribution_cases import record


def acts(nlp, text: str) -> list[tuple]:
    return [(q["act"], q["cue"]["lemma"] if q["cue"] else None, q["text"]) for q in record(nlp, text)["quotes"]]


CASES = [
    # one hand-written text per act, by the cue's lexicon entry
    ("Smith said the plan would cut waiting times.", [("speech", "say", "the plan would cut waiting times")]),
    ("Officials believe the economy will recover by June.",
     [("belief", "believe", "the economy will recover by June")]),
    ("The senator knew the bill would fail.", [("fact", "know", "the bill would fail")]),
    ("Clinton wants to raise the minimum wage.", [("intention", "want", "to raise the minimum wage")]),
    ("The governor plans to veto the bill.", [("intention", "plan", "to veto the bill")]),
    ("The senator intends to run again.", [("intention", "intend", "to run again")]),
    ("The campaign seeks to win back voters.", [("intention", "seek", "to win back voters")]),
    # the outer cue decides: one statement, "said"'s
    ("Smith said he believes the plan will work.", [("speech", "say", "he believes the plan will work")]),
    # evidence found: a non-human evidential source with a verb of finding is a fact
    ("The study found that smokers die younger.", [("fact", "find", "smokers die younger")]),
    ("A new Pew survey shows that most voters oppose the wall.", [("fact", "show", "most voters oppose the wall")]),
    ("Polls suggest the race is tightening.", [("fact", "suggest", "the race is tightening")]),
    # negatives: the same source with "said" or "according to" speaks; a person suggesting says so
    ("The report said the agency had failed to act.", [("speech", "say", "the agency had failed to act")]),
    ("According to the study, smokers die younger.", [("speech", "according to", "smokers die younger")]),
    ("Smith suggested that the vote be delayed.", [("speech", "suggest", "the vote be delayed")]),
    # an aim: "expects that" belief, "expects to" intention; not a passive
    ("The company expects that sales will rise.", [("belief", "expect", "sales will rise")]),
    ("The company expects to hire 200 workers next year.",
     [("intention", "expect", "to hire 200 workers next year")]),
    ("Sales are expected to rise next year.", [("belief", "expect", "to rise next year")]),
    # directives: "urged X to" is the source's aim for X
    ("Obama urged Congress to pass the bill.", [("intention", "urge", "to pass the bill")]),
    ("He called on Iran to release the sailors.", [("intention", "call", "to release the sailors")]),
    ("She asked voters to stay home.", [("intention", "ask", "to stay home")]),
    # negatives: a promise, a vow, a pledge, a threat are said
    ("Trump promised to build a wall.", [("speech", "promise", "to build a wall")]),
    ("Clinton vowed to fight on.", [("speech", "vow", "to fight on")]),
    ("Sanders pledged to cut tuition costs.", [("speech", "pledge", "to cut tuition costs")]),
    ("Trump threatened to sue the newspaper.", [("speech", "threaten", "to sue the newspaper")]),
    # a stance: its object states an attitude (the lexicon's belief) ...
    ("Trump praised the plan.", [("belief", "praise", "the plan")]),
    ("Clinton attacked Trump on Monday.", [("belief", "attack", "Trump")]),
    ("Smith criticized the plan, saying it was too costly.",
     [("belief", "criticize", "the plan"), ("speech", "say", "it was too costly")]),
    # ... words said: a stance verb or a directive that reports a quotation or a clause reports speech
    ("Trump praised the plan as “a great deal.”", [("speech", "praise", "the plan as “a great deal.”")]),
    ("“A disgrace,” he blasted.", [("speech", "blast", "A disgrace,")]),
    ("Trump blasted that the deal was a disaster.", [("speech", "blast", "the deal was a disaster")]),
    ("“Vote early,” Obama urged.", [("speech", "urge", "Vote early,")]),
    # negative: a verb of saying with a bare object still says something
    ("He announced the plan on Monday.", [("speech", "announce", "the plan")]),
    # cues that are no verb of the lexicon report speech
    ("“We will win,” she scoffed.", [("speech", "scoff", "We will win,")]),
    ("He dubbed Rubio “the little senator.”", [("speech", "dub", "Rubio “the little senator.”")]),
    # actions are no statements at all (ACTS.md rule 3: out of the lexicon)
    ("The governor vetoed the bill on Friday.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_acts(nlp, text, expected):
    assert acts(nlp, text) == expected


def test_every_cue_has_one_act_and_the_schema_names_the_same_four():
    assert set(cue_acts()) == set(cue_frames())
    assert set(cue_acts().values()) == set(ACTS)
    assert get_args(Quote.model_fields["act"].annotation) == ACTS


@pytest.mark.parametrize(("line", "expected"), [
    ("say\tclause,quote\tspeech", ("say", frozenset({"clause", "quote"}), "speech")),
    ("hope\tclause\tbelief\t# why", ("hope", frozenset({"clause"}), "belief")),
])
def test_cue_rows(line, expected):
    assert parse_cue_rows([line]) == (expected,)


@pytest.mark.parametrize("line", ["say\tclause,quote", "gush\tquote\t?\t# new: review by hand", "say\tclause\topinion"])
def test_a_cue_without_a_reviewed_act_is_refused(line):
    with pytest.raises(ValueError, match="one act of speech, belief, fact, intention"):
        parse_cue_rows([line])


def test_the_word_lists_name_cues_of_the_lexicon():
    # a construction's verbs are cues of the lexicon, or it never sees them
    for words in (finding_verbs(), directives(), stances()):
        assert words and words <= set(cue_frames())


@pytest.mark.parametrize(("value", "expected"), [
    ("speech", {"speech"}),
    ("speech, Belief", {"speech", "belief"}),
    (None, None),
])
def test_parse_acts(value, expected):
    assert parse_acts(value) == (frozenset(expected) if expected is not None else None)


@pytest.mark.parametrize("value", ["speach", "", "speech,opinion", ","])
def test_parse_acts_refuses_what_is_no_act(value):
    with pytest.raises(ValueError, match="speech, belief, fact, intention"):
        parse_acts(value)
