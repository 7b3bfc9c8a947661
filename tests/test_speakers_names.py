"""Names (claimx.pipeline.speakers.names): the words of a name, whether a name is a
person already met, a person found by title, and a speaker's kind. On
hand-built Docs: no model needed."""

import pytest
import spacy
from spacy.tokens import Doc

from claimx.pipeline.speakers.cast import Cast, Speaker
from claimx.pipeline.speakers.names import kind_of, name_text, name_tokens, org_name, person_for, strip_det

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("words", "tags", "name"),
    [
        (["President", "Donald", "Trump", "'s"], ["NNP", "NNP", "NNP", "POS"], ["Donald", "Trump"]),
        (["―", "Jacklyn", "Ashley"], ["NFP", "NNP", "NNP"], ["Jacklyn", "Ashley"]),
        (["Marco", "Rubio"], ["NNP", "NNP"], ["Marco", "Rubio"]),
        # a title alone stays: there is nothing else to call the person
        (["President"], ["NNP"], ["President"]),
        # a headline's words the NER took in: cut at the first that is no name, or a cue verb
        (["Obama", "To", "Asians", "Worried"], ["NNP", "IN", "NNP", "VBN"], ["Obama"]),
        (["Trump", "Said", "He"], ["NNP", "NNP", "PRP"], ["Trump"]),
        # particles inside a name stay
        (["Osama", "bin", "Laden"], ["NNP", "NNP", "NNP"], ["Osama", "bin", "Laden"]),
        (["Charles", "de", "Gaulle"], ["NNP", "IN", "NNP"], ["Charles", "de", "Gaulle"]),
        # a plural noun before the name is none of it
        (["Republicans", "Jolly"], ["NNPS", "NNP"], ["Jolly"]),
    ],
)
def test_name_tokens(words, tags, name):
    pos = [{"NNP": "PROPN", "NNPS": "PROPN", "POS": "PART", "NFP": "PUNCT", "IN": "ADP", "VBN": "VERB", "PRP": "PRON"}[t] for t in tags]
    doc = Doc(VOCAB, words=words, tags=tags, pos=pos)
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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # as the text writes it: the tokenizer's pieces are never joined by spaces
        ("Phoebe Waller-Bridge", "Phoebe Waller-Bridge"),
        ("Kim Jong-un", "Kim Jong-un"),
        ("Conan O'Brien", "Conan O'Brien"),
        ("Anna\nSmith", "Anna Smith"),  # white space made one space
    ],
)
def test_name_text(nlp, text, name):
    doc = nlp.make_doc(text)
    assert name_text(list(doc)) == name


@pytest.mark.parametrize(
    ("words", "is_org"),
    [
        (["Acme", "Shipping"], True),
        (["Wells", "Fargo", "Bank"], True),
        (["Acme", "Inc."], True),
        # a word alone, a person's name, or a last word that is a surname too
        (["Shipping"], False),
        (["Anna", "Smith"], False),
        (["Don", "Guardian"], False),
        (["Tyra", "Banks"], False),
    ],
)
def test_org_name(words, is_org):
    assert org_name(words) is is_org


def test_a_person_entity_that_ends_like_a_company_is_an_organisation():
    doc = Doc(VOCAB, words=["Acme", "Shipping", "won"], tags=["NNP", "NNP", "VBD"], ents=["B-PERSON", "I-PERSON", "O"])
    assert kind_of(doc[1], doc.ents[0]) == "organisation"


@pytest.mark.parametrize(
    ("gender", "title", "found"),
    [
        # "Obama" alone: the Obama the article names most (then introduced first), unless the honorific
        # or title says which
        (None, None, "Barack Obama"),
        ("male", None, "Barack Obama"),
        ("female", None, "Michelle Obama"),
        (None, "President", "Barack Obama"),
        ("female", "President", "Michelle Obama"),
    ],
)
def test_person_for_namesakes(gender, title, found):
    cast = Cast()
    cast.add(Speaker("Barack Obama", "person", ("Barack", "Obama"), positions=[{"title": "President", "text": "President"}],
                     evidence=[(0, 2, "male", "pronoun")], first=0, mentions=[(0, 12), (30, 35)]))
    cast.add(Speaker("Michelle Obama", "person", ("Michelle", "Obama"), first=50, mentions=[(50, 64)]))
    k = person_for(cast, list(Doc(VOCAB, words=["Obama"])), gender, title)
    assert cast.speakers[k].name == found


def _quoted(nlp, text):
    """(source mention, speaker name, kind) of each quote of ``text``."""
    from tests.attribution_cases import record

    rec = record(nlp, text)
    sp = {s["id"]: (s["name"], s["kind"]) for s in rec["speakers"]}
    return [((q["speaker_mention"] or {}).get("text"), *sp.get(q["speaker"], (None, None))) for q in rec["quotes"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # zero-width characters and byte-order marks are no part of a name (text and offsets unchanged)
        ("Ahmed\ufeff Ali spoke first. Ali said the vote was fair.", [("Ali", "Ahmed Ali", "person")]),
        ("Sara Kh\u200ban said the vote was fair.", [("Sara Kh\u200ban", "Sara Khan", "person")]),
        # a hyphenated surname alone after the full name, whatever the NER says
        ("Jean Smith-Jones arrived late. Smith-Jones said the vote was rigged.",
         [("Smith-Jones", "Jean Smith-Jones", "person")]),
        # a transcript's label in capitals
        ("Governor Mike Pence spoke on Sunday.\n\nPENCE: Well, look, the debate will be fine.\n",
         [("PENCE", "Mike Pence", "person")]),
        # a Twitter handle names a person
        ("As one Twitter user @nycsouthpaw pointed out, the gap is vast.",
         [("one Twitter user @nycsouthpaw", "@nycsouthpaw", "person")]),
        # negatives: a father and son sharing a surname stay two; a name in capitals that names no one met
        ("John Carter and his son, Ben Carter, run the farm. “We lost everything,” John Carter said. "
         "Ben Carter said the bank was to blame.",
         [("John Carter", "John Carter", "person"), ("Ben Carter", "Ben Carter", "person")]),
        ("WALLACE: Let us start with the debate.\n", [("WALLACE", "WALLACE", "person")]),
    ],
)
def test_names_in_articles(nlp, text, expected):
    assert _quoted(nlp, text) == expected
