"""Names (claimx.speakers.names): the words of a name, whether a name is a
person already met, a person found by title, and a speaker's kind. On
hand-built Docs: no model needed."""

import pytest
import spacy
from spacy.tokens import Doc

from claimx.speakers.cast import Cast, Speaker
from claimx.speakers.names import kind_of, name_text, name_tokens, org_name, person_for, strip_det

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("words", "tags", "name"),
    [
        (["President", "Donald", "Trump", "'s"], ["NNP", "NNP", "NNP", "POS"], ["Donald", "Trump"]),
        (["―", "Jacklyn", "Ashley"], ["NFP", "NNP", "NNP"], ["Jacklyn", "Ashley"]),
        (["Marco", "Rubio"], ["NNP", "NNP"], ["Marco", "Rubio"]),
        # a title alone stays: there is nothing else to call the person
        (["President"], ["NNP"], ["President"]),
    ],
)
def test_name_tokens(words, tags, name):
    doc = Doc(VOCAB, words=words, tags=tags)
    assert [t.text for t in name_tokens(doc[:])] == name


@pytest.mark.parametrize(
    ("names", "indices", "final"),
    [
        # a later surname or first name joins the full name
        (["Marco Rubio", "Rubio", "Marco"], [0, 0, 0], ["Marco Rubio"]),
        # a full name after a surname alone fills that one in
        (["Rubio", "Marco Rubio"], [0, 0], ["Marco Rubio"]),
        # the same surname and initial
        (["Marco Rubio", "M. Rubio"], [0, 0], ["Marco Rubio"]),
        # another person, or the same surname with another first name
        (["Marco Rubio", "Ted Cruz"], [0, 1], ["Marco Rubio", "Ted Cruz"]),
        (["Marco Rubio", "Anna Rubio"], [0, 1], ["Marco Rubio", "Anna Rubio"]),
    ],
)
def test_person_for(names, indices, final):
    cast = Cast()
    found = [person_for(cast, list(Doc(VOCAB, words=n.split()))) for n in names]
    assert found == indices
    assert [s.name for s in cast.speakers] == final


def test_person_for_skips_speakers_that_are_no_people():
    cast = Cast()
    cast.add(Speaker("Rubio", "organisation", ("rubio",)))
    assert person_for(cast, list(Doc(VOCAB, words=["Rubio"]))) == 1


@pytest.mark.parametrize(
    ("words", "tags", "ents", "kind"),
    [
        (["Marco", "Rubio"], ["NNP", "NNP"], ["B-PERSON", "I-PERSON"], "person"),
        (["the", "ministry"], ["DT", "NN"], ["B-ORG", "I-ORG"], "organisation"),
        (["officials"], ["NNS"], ["O"], "group"),
        (["a", "spokesman"], ["DT", "NN"], ["O", "O"], "unnamed"),
    ],
)
def test_kind_of(words, tags, ents, kind):
    doc = Doc(VOCAB, words=words, tags=tags, ents=ents)
    ent = doc.ents[0] if doc.ents else None
    assert kind_of(doc[-1], ent) == kind


@pytest.mark.parametrize(
    ("text", "stripped"),
    [("the campaign", "campaign"), ("A spokesman", "spokesman"), ("Anna Smith", "Anna Smith"), ("theory", "theory")],
)
def test_strip_det(text, stripped):
    assert strip_det(text) == stripped
