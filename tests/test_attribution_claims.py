"""Table tests for :mod:`claimx.pipeline.attribution.claims`: a statement needs
content (ACTS.md rule 3). Each case is (text, expected [(content, quote
text)]), negatives (claims) included; and the default output and act
filters keep claims only."""

import pytest

from claimx.acts import keep_acts
from claimx.pipeline.extract import build_record
from claimx.read.inputs import Article
from tests.attribution_cases import record

CASES = [
    # topics: the cue's object only names what was talked about
    ("The union announced the end of the strike on Monday.", [("topic", "the end of the strike")]),
    ("Several senators voiced concern about the budget.", [("topic", "concern about the budget")]),
    ("The mayor cited the polls.", [("topic", "the polls")]),
    # an apostrophe (a possessive, a contraction) is no quotation mark
    ("In the debate, he invoked Ronald Reagan's initial polling deficit.",
     [("topic", "Ronald Reagan's initial polling deficit")]),
    ("The senator cited the governor’s budget.", [("topic", "the governor’s budget")]),
    # a charge the verb lays on its object says something of it
    ("The senator accused the governor's aides of sexism.", [("claim", "the governor's aides of sexism")]),
    # ... not an object alone, nor an "of" with no charge
    ("The senator accused the governor's aides.", [("topic", "the governor's aides")]),
    ("The senator cited the cost of living.", [("topic", "the cost of living")]),
    # ... a quotation in single marks is one (a headline's, British style)
    ("The mayor called the plan 'a disaster' on Monday.", [("claim", "the plan 'a disaster'")]),
    ("The senator cited 'the worst budget in memory' at the hearing.", [("claim", "'the worst budget in memory' at the hearing")]),
    # a quantity said about a topic: how much, not what (a figure of speech from a thing)
    ("The senator said a lot about the budget that nobody wanted to hear.",
     [("topic", "a lot about the budget that nobody wanted to hear")]),
    ("The result says something about how voters feel.", [("topic", "something about how voters feel")]),
    # a verb that says yes or no to a noun of something said: a claim it is false (or true)
    ("The minister denied the charges on Monday.", [("claim", "the charges")]),
    ("The company acknowledged the mistake.", [("claim", "the mistake")]),
    # ... not to a thing or a person given or refused something
    ("The Senate confirmed a judge on Tuesday.", [("topic", "a judge")]),
    ("The governor denied them health care.", [("topic", "health care")]),
    # questions
    ("Reporters asked whether the plan was legal.", [("question", "whether the plan was legal")]),
    ("The judge asked what he would do next.", [("question", "what he would do next")]),
    ("She asked if the vote would be held.", [("question", "if the vote would be held")]),
    # negatives: claims
    ("Smith said the plan was legal.", [("claim", "the plan was legal")]),
    ("She described the meeting as productive.", [("claim", "the meeting as productive")]),
    ("The union announced that the strike was over.", [("claim", "the strike was over")]),
    ("“Why not?” he asked.", [("claim", "Why not?")]),
    ("Cruz said if elected he would work with Congress.", [("claim", "if elected he would work with Congress")]),
    ("Smith said what he wanted was a fair deal.", [("claim", "what he wanted was a fair deal")]),
    ("The mayor called the plan “a disaster.”", [("claim", "the plan “a disaster.”")]),
    ("The senator said a lot of money was wasted.", [("claim", "a lot of money was wasted")]),
    ("She said “a lot” about the budget.", [("claim", "a lot")]),  # the words said
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_content(nlp, text, expected):
    assert [(q["content"], q["text"]) for q in record(nlp, text)["quotes"]] == expected


def test_default_and_act_filters_keep_claims_only(nlp):
    text = "The mayor cited the polls. Smith said the plan was legal. Jones asked whether it was."
    rec = build_record(Article("t", "t", text), nlp(text))
    claims = keep_acts(rec, None)
    assert [q.text for q in claims.quotes] == ["the plan was legal"]
    # only Smith said something of what is shown; his id is the whole extraction's
    assert [(s.name, s.id, s.quote_count) for s in claims.speakers] == [("Smith", "s2", 1)]
    assert claims.quotes[0].speaker == "s2"
    assert [s.name for s in keep_acts(rec, None, topics=True).speakers] == ["mayor", "Smith", "Jones"]
    assert [q.text for q in keep_acts(rec, frozenset({"speech"}), topics=True).quotes] == ["the plan was legal"]
    kept = keep_acts(rec, None, topics=True)
    assert [(q.content, q.text) for q in kept.quotes] == [
        ("topic", "the polls"), ("claim", "the plan was legal"), ("question", "whether it was")]
