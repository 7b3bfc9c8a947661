"""Definite descriptions (claimx.pipeline.speakers.descriptions): what a description
says (hand-built Docs), and the entity it resolves to when the text
licenses it (the model's parse)."""

import pytest
import spacy
from spacy.tokens import Doc

from claimx.pipeline.speakers.descriptions import read_description

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "tags", "read"),
    [
        (["the", "company"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], ["DT", "NN"], ("organisation", "company", None)),
        (["the", "carmaker"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], ["DT", "NN"], ("organisation", "carmaker", None)),
        (["the", "country"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], ["DT", "NN"], ("place", "country", None)),
        (["the", "veteran", "goalkeeper"], [2, 2, 2], ["det", "compound", "ROOT"], ["DET", "NOUN", "NOUN"],
         ["DT", "NN", "NN"], ("person", "goalkeeper", None)),
        (["the", "45-year-old"], [1, 1], ["det", "ROOT"], ["DET", "ADJ"], ["DT", "JJ"], ("person", "", "45")),
        (["the", "actress"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], ["DT", "NN"], ("person", "actress", None)),
        # not descriptions that refer back: indefinite, plural, a name in it, a
        # relation to another, a new referent, a noun of no kind
        (["a", "company"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], ["DT", "NN"], None),
        (["the", "officials"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], ["DT", "NNS"], None),
        (["the", "Clinton", "campaign"], [2, 2, 2], ["det", "compound", "ROOT"], ["DET", "PROPN", "NOUN"],
         ["DT", "NNP", "NN"], None),
        (["the", "Israeli", "newspaper"], [2, 2, 2], ["det", "amod", "ROOT"], ["DET", "ADJ", "NOUN"],
         ["DT", "JJ", "NN"], None),
        (["the", "company", "'s", "chief"], [1, 3, 1, 3], ["det", "poss", "case", "ROOT"],
         ["DET", "NOUN", "PART", "NOUN"], ["DT", "NN", "POS", "NN"], None),
        (["the", "combined", "company"], [2, 2, 2], ["det", "amod", "ROOT"], ["DET", "ADJ", "NOUN"],
         ["DT", "JJ", "NN"], None),
        (["the", "weather"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], ["DT", "NN"], None),
    ],
)
def test_read_description(words, heads, deps, pos, tags, read):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    root = next(t for t in doc if t.dep_ == "ROOT")
    d = read_description(root, doc.text)
    assert (None if d is None else (d.kind, d.head, d.age)) == read


def test_an_office_with_a_relation_is_read_as_a_title_only():
    doc = Doc(VOCAB, words=["the", "secretary", "of", "state"], heads=[1, 1, 1, 2],
              deps=["det", "ROOT", "prep", "pobj"], pos=["DET", "NOUN", "ADP", "NOUN"], tags=["DT", "NN", "IN", "NN"])
    d = read_description(doc[1], doc.text)
    assert (d.kind, d.title_only) == ("person", True)


def _speaker_of(nlp, text, mention):
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    names = {s["id"]: (s["name"], s["kind"]) for s in rec["speakers"]}
    return next(names.get(q["speaker"]) for q in rec["quotes"] if (q["speaker_mention"] or {}).get("text") == mention)


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # an organisation noun: the organisation named with it, or the subject before, of its class
        ("Mary Barra, the chief executive of General Motors, said sales rose. The carmaker said it would hire.",
         "The carmaker", ("General Motors", "organisation")),
        ("Acme Shipping won the tender. The company said it would hire 200 workers.",
         "The company", ("Acme Shipping", "organisation")),
        ("Wells Fargo Bank was fined on Monday. The bank said it had fired 5,300 employees.",
         "The bank", ("Wells Fargo Bank", "organisation")),
        # a person noun: the person described so, or the previous speaker described with nothing else
        ("Veteran goalkeeper David James said he would retire. The 45-year-old said it was time.",
         "The 45-year-old", ("David James", "person")),
        ("John Smith, 45, said he would retire. The 45-year-old said it was time.",
         "The 45-year-old", ("John Smith", "person")),
        ("Mayor Anna Smith said the budget was late. The mayor said taxes would rise.",
         "The mayor", ("Anna Smith", "person")),
        ("Sen. Elizabeth Warren (D-Mass.) said the bank had failed. The Democratic senator said it was wrong.",
         "The Democratic senator", ("Elizabeth Warren", "person")),
        # unlicensed: another class, a name in the description, another gender, an office not known
        ("The Justice Department opened an inquiry. The company said it would cooperate.",
         "The company", ("company", "unnamed")),
        ("Acme Shipping won the tender. The Clinton campaign said it would object.",
         "The Clinton campaign", ("Clinton campaign", "unnamed")),
        ("Mr. John Brown said the plan would work. The actress said it would not.",
         "The actress", ("actress", "unnamed")),
        ("Donald Trump said the plan would work. The minister said it would not.",
         "The minister", ("minister", "unnamed")),
        ("Sen. Elizabeth Warren (D-Mass.) said the bank had failed. The Republican senator said it was wrong.",
         "The Republican senator", ("Republican senator", "unnamed")),
    ],
)
def test_descriptions_in_articles(nlp, text, mention, speaker):
    assert _speaker_of(nlp, text, mention) == speaker


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # a definite unnamed source is the earlier one of its noun
        ("The van was late, a source said.\n\nThe police overruled that request, the source added.",
         "the source", ("source", "unnamed")),
        # an office and its modifiers for the previous speaker given no position
        ("Bernie Sanders said the plan would fail. The Vermont senator added that it was late.",
         "The Vermont senator", ("Bernie Sanders", "person")),
        # a role by name for the previous speaker given none; a quotation's subject does not stop it
        ("David Axelrod called on Howard Dean to apologize. “My reaction was outrage,” Obama's former campaign "
         "strategist said.", "Obama's former campaign strategist", ("David Axelrod", "person")),
        # negatives: a role of the previous speaker is someone else; a bare office stays unresolved
        ("Tom Hale said the plan would fail. Hale's spokesman said it was late.", "Hale's spokesman",
         ("Hale's spokesman", "unnamed")),
        ("Tom Hale said the plan would fail. The minister said it was late.", "The minister", ("minister", "unnamed")),
        # a party or a nation must be known of the previous speaker, a place need not
        ("Hillary Clinton said the plan would fail. “I was curious,” the Republican nominee said.",
         "the Republican nominee", ("Republican nominee", "unnamed")),
        # "former" says nothing more than the bare office: someone new may be meant
        ("Jeb Bush said the war was right. “Condi called me,” the former president said.", "the former president",
         ("former president", "unnamed")),
        # an office whose holder is named with it is that holder
        ("Vin Weber discussed the plan. The director of the Centre, Ina Kirsch, told reporters it was late.",
         "The director of the Centre", ("Ina Kirsch", "person")),
    ],
)
def test_descriptions_for_members(nlp, text, mention, speaker):
    assert _speaker_of(nlp, text, mention) == speaker
