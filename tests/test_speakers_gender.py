"""Gender from the text (claimx.pipeline.speakers.gender, .cast): honorifics before a
name, gendered role nouns, pronouns; a speaker's gender from its evidence.
On hand-built Docs: no model needed. Never from a first name."""

import pytest
import spacy
from spacy.tokens import Doc

from claimx.pipeline.speakers.cast import Speaker
from claimx.pipeline.speakers.gender import honorific, pronoun, role_words

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("words", "name", "found"),
    [
        (["Ms.", "Jones", "said"], (1, 2), ("Ms.", "female")),
        (["Mr.", "Rubio", "said"], (1, 2), ("Mr.", "male")),
        (["Mrs.", "Clinton"], (1, 2), ("Mrs.", "female")),
        (["Miss", "Anna", "Smith"], (1, 3), ("Miss", "female")),
        # no honorific; a title says nothing; a first name never does
        (["Anna", "Smith", "said"], (0, 2), None),
        (["Senator", "Anna", "Smith"], (1, 3), None),
        (["Dr.", "Anna", "Smith"], (1, 3), None),
    ],
)
def test_honorific(words, name, found):
    doc = Doc(VOCAB, words=words)
    mark = honorific(list(doc[name[0] : name[1]]))
    assert (None if mark is None else (doc.text[mark[0] : mark[1]], mark[2])) == found


@pytest.mark.parametrize(
    ("words", "pos", "found"),
    [
        (["the", "party", "'s", "chairwoman"], ["DET", "NOUN", "PART", "NOUN"], [("chairwoman", "female", "firm")]),
        (["spokeswoman"], ["NOUN"], [("spokeswoman", "female", "firm")]),
        (["actress"], ["NOUN"], [("actress", "female", "firm")]),
        (["a", "mother", "of", "three"], ["DET", "NOUN", "ADP", "NUM"], [("mother", "female", "firm")]),
        # masculine role nouns also used of women: generic evidence
        (["spokesman"], ["NOUN"], [("spokesman", "male", "generic")]),
        (["chairman"], ["NOUN"], [("chairman", "male", "generic")]),
        # neutral nouns, and a gendered word that is no noun here
        (["chief", "executive"], ["ADJ", "NOUN"], []),
        (["spokesperson"], ["NOUN"], []),
        (["man"], ["VERB"], []),
    ],
)
def test_role_words(words, pos, found):
    doc = Doc(VOCAB, words=words, pos=pos)
    assert [(doc.text[s:e], g, w) for s, e, g, w in role_words(list(doc))] == found


@pytest.mark.parametrize(
    ("word", "gender"),
    [("she", "female"), ("Her", "female"), ("himself", "male"), ("He", "male"), ("it", None), ("they", None)],
)
def test_pronoun(word, gender):
    assert pronoun(Doc(VOCAB, words=[word])[0]) == gender


@pytest.mark.parametrize(
    ("evidence", "gender", "agrees_female"),
    [
        ([], None, True),
        ([(0, 2, "male", "pronoun")], "male", False),
        ([(0, 3, "female", "firm"), (9, 12, "female", "pronoun")], "female", True),
        # conflicting evidence: null, and either pronoun may still refer to them
        ([(0, 2, "male", "pronoun"), (9, 12, "female", "pronoun")], None, True),
        # generic evidence counts only alone, and never stops "she"
        ([(0, 9, "male", "generic")], "male", True),
        ([(0, 9, "male", "generic"), (20, 23, "female", "pronoun")], "female", True),
    ],
)
def test_speaker_gender(evidence, gender, agrees_female):
    sp = Speaker("Anna Smith", "person", ("Anna", "Smith"), evidence=evidence)
    assert sp.gender == gender
    assert sp.agrees("female") is agrees_female


def test_evidence_is_kept_once_per_span():
    sp = Speaker("Anna Smith", "person", ("Anna", "Smith"))
    sp.add_evidence(0, 3, "female")
    sp.add_evidence(0, 3, "female", "pronoun")
    sp.add_evidence(5, 8, None)
    assert sp.evidence == [(0, 3, "female", "firm")]
