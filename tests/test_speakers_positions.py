"""Positions (claimx.speakers.positions): the title and affiliation written
before a name or in apposition to it. On hand-built Docs: no model needed."""

import pytest
import spacy
from spacy.tokens import Doc

from claimx.speakers.positions import position_from, position_of

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("words", "title", "affiliation"),
    [
        (["US", "Secretary", "of", "State"], "Secretary of State", "US"),
        (["Ukrainian", "President"], "President", "Ukraine"),  # a demonym names the place
        (["spokesman", "for", "the", "campaign"], "spokesman", "campaign"),
        (["Senate", "Majority", "Leader"], "Senate Majority Leader", None),
        # no title, or a mere form of address: no position
        (["the", "campaign"], None, None),
        (["Mr."], None, None),
    ],
)
def test_position_from(words, title, affiliation):
    doc = Doc(VOCAB, words=words)
    pos = position_from(doc, list(doc))
    if title is None:
        assert pos is None
    else:
        assert (pos["title"], pos["affiliation"]) == (title, affiliation)
        assert doc.text[pos["start"] : pos["end"]] == pos["text"]


@pytest.mark.parametrize(
    ("words", "heads", "deps", "name", "position"),
    [
        # the words before the name
        (["Ukrainian", "President", "Volodymyr", "Zelensky", "said"], [1, 3, 3, 4, 4],
         ["amod", "compound", "compound", "nsubj", "ROOT"], (2, 4), "Ukrainian President"),
        # its apposition, without the article
        (["Brian", "Fallon", ",", "a", "spokesman", "for", "the", "campaign", ",", "said"],
         [1, 9, 1, 4, 1, 4, 7, 5, 1, 9],
         ["compound", "nsubj", "punct", "det", "appos", "prep", "det", "pobj", "punct", "ROOT"],
         (0, 2), "spokesman for the campaign"),
        # a name alone has none
        (["Brian", "Fallon", "said"], [1, 2, 2], ["compound", "nsubj", "ROOT"], (0, 2), None),
    ],
)
def test_position_of(words, heads, deps, name, position):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    pos = position_of(doc, list(doc[name[0] : name[1]]))
    assert (pos["text"] if pos else None) == position
