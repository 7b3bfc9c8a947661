"""Table tests for :mod:`claimx.pipeline.attribution.predicates`: quoted predicates: a verb, its object and quoted words saying what the object is.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # a quoted predicate past an aside after the object
    ("In Florida on Wednesday, Trump called Clinton, his Democratic challenger, an ISIS “co-founder.”",
     [("mixed", "Trump", "call", "Clinton, his Democratic challenger, an ISIS “co-founder.”")]),
    # quoted words past a comma and an aside after the object
    ("Trump attacked Romney, calling him, among other things, “a failed candidate.”",
     [("indirect", "Trump", "attack", "Romney"),
      ("mixed", "Trump", "call", "him, among other things, “a failed candidate.”")]),
    # ... but an apposition in quotation marks is nobody's words
    ("He met the senator, “a great friend,” on Monday.", []),
    # a verb, its object and quoted words saying what the object is: the subject's words
    ("Obama condemned Friday's test as \"provocative and destabilizing\" and a threat.",
     [("mixed", "Obama", "condemn", "Friday's test as \"provocative and destabilizing\"")]),
    ("He dubbed Rubio “the little senator.”", [("mixed", "He", "dub", "Rubio “the little senator.”")]),
    ("Fans gave the band a “standing ovation” at the end.", []),
    ("Graham called both Trump and front-runner Hillary Clinton “crazy” and said the party would lose.",
     [("mixed", "Graham", "call", "both Trump and front-runner Hillary Clinton “crazy”"),
      ("indirect", "Graham", "say", "the party would lose")]),
    ("She also called for more “flexibility” for military advisers.", [("mixed", "She", "call", "for more “flexibility”")]),
    ("He acted in the Syfy movie “Sharknado 3: Oh Hell No!”", []),
    ("Cruz exhorted Republicans to \"vote your conscience\" and said he was standing on truth.",
     [("mixed", "Cruz", "exhort", "Republicans to \"vote your conscience\""), ("indirect", "Cruz", "say", "he was standing on truth")]),
    ("Clinton is describing as “unhinged” a tweet by her rival.", [("mixed", "Clinton", "describe", "as “unhinged”")]),
    ("She went to “The Tonight Show” on Friday.", []),
    ("The paper branded half of the claims “false” in its review.",
     [("mixed", "paper", "brand", "half of the claims “false”")]),
    # "he" is Cruz, a name the NER missed (claimx.pipeline.speakers.pronouns)
    ("Cruz has railed against what he calls the “Washington cartel” and cast himself as an outsider.",
     [("mixed", "Cruz", "call", "the “Washington cartel”")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_predicates(nlp, text, expected):
    assert quotes(nlp, text) == expected
