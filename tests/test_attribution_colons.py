"""Table tests for :mod:`claimx.pipeline.attribution.colons`: a name or a speaker and verb before a colon (or the comma or full stop standing for one), transcripts.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # a name before a colon that the tagger took for common nouns, a party tag, "From X:"
    ("Pew Research: “All the samples evaluated include more politically engaged individuals.”",
     [("direct", "Pew Research", ":", "All the samples evaluated include more politically engaged individuals.")]),
    ("Sen. Ted Cruz (R-Texas): “We will win this state.”", [("direct", "Ted Cruz", ":", "We will win this state.")]),
    ("More from Jones: “The partisanship of the state is a starting point.”",
     [("direct", "Jones", ":", "The partisanship of the state is a starting point.")]),
    ("Wait, it gets better: “By law, the president sets the number.”", []),
    # a cue with only how and when in its sentence, then the quotation
    ("Sam Lau, the party's spokesman, said in a statement. “There are no paper ballots to recount.”",
     [("direct", "Sam Lau", "say", "There are no paper ballots to recount.")]),
    # a sentence of a speaker and a cue alone, then the quotation
    ("The senator agreed. “That is simply right.”", [("direct", "senator", "agree", "That is simply right.")]),
    ("Trump won. “It was a great night.”", []),
    # a lexicon verb without quotation frames may introduce one after a comma
    ('In Just the Way You Are, Billy Joel sings, "Don\'t go changing to try and please me."',
     [("direct", "Billy Joel", "sing", "Don't go changing to try and please me.")]),
    # a verb outside the lexicon and a comma introduce a quoted sentence
    ("Silverman interjected, “Ladies and gentlemen, Mr. Paul Simon.”",
     [("direct", "Silverman", "interject", "Ladies and gentlemen, Mr. Paul Simon.")]),
    # ... but a bare name and a comma do not
    ("Trump, “The wall will be built.”", []),
    # a heading's label is no transcript speaker
    ("EXCLUSIVE: In memo to Congress, Saudis insist they are fighting terror",
     [("indirect", "Saudis", "insist", "they are fighting terror")]),
    # a headline-style colon attribution
    ("Kerry: “By law, the president sets the maximum number of refugees.”",
     [("direct", "Kerry", ":", "By law, the president sets the maximum number of refugees.")]),
    # a subject and verb introducing a quotation after a colon, the quotation a paragraph of its own
    ("Jared Potts, 17, echoed:\n\n“He speaks his mind, and I think that is what the country needs.”",
     [("direct", "Jared Potts", "echo", "He speaks his mind, and I think that is what the country needs.")]),
    ("Here is the list:\n\n“Apples, pears and plums.”", []),
    ("Wait, it gets better:\n\n\"By law, the president sets the number.\"", []),
    # a transcript: the speaker in capitals, the paragraph in quotation marks or not
    ("The debate went on.\n\n\"PENCE: Well, look, she thinks this is a show.\"\n\nWALLACE: But, Governor, I must ask you.",
     [("direct", "PENCE", ":", "Well, look, she thinks this is a show."),
      ("indirect", "WALLACE", ":", "But, Governor, I must ask you")]),
    # a headline's speaker the tagger misread, named in the article below
    ("Sanders: Clinton needs to get away from all of this personality stuff.\n\n"
     "Bernie Sanders offered some pointed advice to Hillary Clinton on Friday.",
     [("indirect", "Bernie Sanders", ":", "Clinton needs to get away from all of this personality stuff")]),
    # ... but a label the article names no one by is no speaker
    ("Update: The vote was moved to Friday.\n\nThe council met on Monday.", []),
    # whatever the verb, a subject that introduces a quotation after a colon says it
    ("President Clinton released the following statement: “Hillary and I offer our condolences.”",
     [("direct", "Clinton", "release", "Hillary and I offer our condolences.")]),
    ("Kelly responded pointedly, with a smile: “Can happen when you’re 45.”",
     [("direct", "Kelly", "respond", "Can happen when you’re 45.")]),
    ("Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”",
     [("direct", "Trump", "boom", "Let’s defeat her in November.")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_colons(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "says"),
    [
        # a headline's "Name on Topic:": the name says the quotation
        ("Mayor Lopez on the Budget: “We will not raise taxes this year.”", "Mayor Lopez", True),
        ("Acme Chief Executive On Layoffs: ‘We Will Keep Every Plant Open.’", "Acme Chief Executive", True),
        # negative: no name opens the line
        ("A Note on the Budget: “We will not raise taxes this year.”", "A Note", False),
    ],
)
def test_name_on_topic(nlp, text, name, says):
    from tests.attribution_cases import record

    (q,) = record(nlp, text)["quotes"]
    assert (q["speaker_mention"]["text"] == name) is says


def _doc(words, ents):
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_names_by_last_word():
    from claimx.pipeline.attribution.colons import names_by_last_word

    doc = _doc(["Sanders", ":", "Bernie", "Sanders", "met", "Acme", "Corp", "in", "Paris", "."],
               [(2, 4, "PERSON"), (5, 7, "ORG"), (8, 9, "GPE")])
    # a place names no speaker; the headline's "Sanders" is no entity
    assert names_by_last_word(doc) == {"Sanders": [(2, 4)], "Corp": [(5, 7)]}
    assert names_by_last_word(_doc(["No", "names", "."], [])) == {}


def test_named_elsewhere_reads_the_names_once(nlp):
    from claimx.lexicon import cue_frames
    from claimx.pipeline.attribution.colons import named_elsewhere
    from claimx.pipeline.attribution.context import Reading

    text = "Sanders: Clinton needs to explain herself.\n\nBernie Sanders offered a plan on Monday."
    doc = nlp(text)
    ctx = Reading(cue_frames(), False, text, [])
    assert ctx.named is None
    assert named_elsewhere(ctx, doc[0])  # the headline's "Sanders", named in the body
    named = ctx.named
    assert named is not None and "Sanders" in named
    assert not named_elsewhere(ctx, doc[2]) and ctx.named is named  # "Clinton": named nowhere else; read once
