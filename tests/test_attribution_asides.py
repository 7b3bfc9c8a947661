"""Table tests for :mod:`claimx.pipeline.attribution.asides`: "as X put it" asides and parenthetical cues ("The economy, Smith said, would ...").
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes, record

CASES = [
    # an "as" aside whose cue names whom it was told to is still an aside
    ("As Clinton told the New York Daily News, tax relief is given in exchange for creating jobs.",
     [("indirect", "Clinton", "tell", "tax relief is given in exchange for creating jobs")]),
    # "as X put it" / "as X reported": an aside vouching for the clause or quotation beside it
    ("As The Post's Dana Milbank puts it, “Senate Republicans are unmoved.”",
     [("direct", "Dana Milbank", "put", "Senate Republicans are unmoved.")]),
    ("Roger Ailes also met with Mr. Trump that day, as The New York Times reported on Tuesday.",
     [("indirect", "The New York Times", "report", "Roger Ailes also met with Mr. Trump that day")]),
    ("As Clyburn noted, those voters will give Sanders a second look.",
     [("indirect", "Clyburn", "note", "those voters will give Sanders a second look")]),
    # ... within another's words too ...
    ("Emanuel urged a strong stand, saying that otherwise Netanyahu would “walk all over us,” as Mrs. Clinton put it.",
     [("indirect", "Emanuel", "urge", "a strong stand"),
      ("mixed", "Clinton", "put", "otherwise Netanyahu would “walk all over us,”"),
      ("mixed", "Emanuel", "say", "otherwise Netanyahu would “walk all over us,” as Mrs. Clinton put it")]),
    # ... but not a comparison, one that vouches for nothing, or a time ("as she spoke")
    ("It was not as bad as she said.", []),
    ("As expected, the bill passed. As she spoke, the crowd cheered. As we know, it failed.", []),
    # a cue and its addressee the parser hung on the clause they introduce (the
    # adverb opening that clause is its first piece, as PolNeAR marks it)
    ("Instead, Trump told CNN, his policy would be “to go after them” if he wins.",
     [("mixed", "Trump", "tell", "Instead, Trump told CNN, his policy would be “to go after them” if he wins")]),
    ("You know, I got in trouble.", []),
    # a parenthetical cue: the clause it interrupts is the content, in two parts
    ("South Carolina, he said, was “where we have a chance to beat Trump.”",
     [("mixed", "he", "say", "South Carolina, he said, was “where we have a chance to beat Trump.”")]),
    ("The economy, Smith said, would recover by June.",
     [("indirect", "Smith", "say", "The economy, Smith said, would recover by June")]),
    # a cue in mid-sentence, content on both sides: the words before it are the content's first piece
    ("If the talks fail, the minister told reporters, the strike will go on.",
     [("indirect", "minister", "tell", "If the talks fail, the minister told reporters, the strike will go on")]),
    ("Rather than raise taxes, the governor said, the state will cut spending.",
     [("indirect", "governor", "say", "Rather than raise taxes, the governor said, the state will cut spending")]),
    ("The tariffs, he says, are a tax, and consumers pay it.",
     [("indirect", "he", "say", "The tariffs, he says, are a tax, and consumers pay it")]),
    ("The suspect fled on foot, police said, while the search went on.",
     [("indirect", "police", "say", "The suspect fled on foot, police said, while the search went on")]),
    # negatives: the words before are the saying's circumstance
    ("When asked, the minister said the plan would fail.", [("indirect", "minister", "say", "the plan would fail")]),
    ("At a rally in Ohio, Smith said, “We will win this state.”",
     [("direct", "Smith", "say", "We will win this state.")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_asides(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_parenthetical_cue_parts(nlp):
    """The two pieces around "Smith said" are the quote's parts, exact to the character."""
    text = "The economy, Smith said, would recover by June."
    (q,) = record(nlp, text)["quotes"]
    assert [p["text"] for p in q["parts"]] == ["The economy", "would recover by June"]
    assert all(text[p["start"] : p["end"]] == p["text"] for p in q["parts"])


@pytest.mark.parametrize(("text", "parts"), [
    # a cue in the middle of the reported sentence: one quote, the words on both sides
    ("The plan, he says, will cut waiting times.", ["The plan", "will cut waiting times"]),
    ("The new rules, the minister argued on Monday, would protect consumers.",
     ["The new rules", "would protect consumers"]),
    ("This, she said, was a mistake.", ["This", "was a mistake"]),
    # ... the cue before its speaker ("said the mayor"), however the parse hangs them
    ("The new rules, said the mayor, will take effect in May.", ["The new rules", "will take effect in May"]),
    ("Any interpretation of the strike, said Michael Kofman, an expert on the Russian military, would read "
     "this as a warning.", ["Any interpretation of the strike", "would read this as a warning"]),
    ("Because of how the schedule was built, explained Rosenberg, “it is over by March. That hurts.” He left.",
     ["Because of how the schedule was built", "“it is over by March. That hurts.”"]),  # the quotation whole
    # negatives: a cue before or after the clause takes it in one piece
    ("The plan failed, said the mayor.", None),
    ("He says the plan will cut waiting times.", None),
    ("The plan will cut waiting times, he says.", None),
])
def test_cue_in_the_middle(nlp, text, parts):
    (q,) = record(nlp, text)["quotes"]
    assert ([p["text"] for p in q["parts"]] if q.get("parts") else None) == parts
