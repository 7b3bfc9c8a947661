"""Positions (claimx.pipeline.speakers.positions): the title and affiliation written
before a name, after it or in apposition to it. On hand-built Docs, and on
the model's parse for whole sentences."""

import pytest
import spacy
from spacy.tokens import Doc

from claimx.pipeline.speakers.positions import (
    apposition_role,
    party_state_tag,
    position_from,
    position_of,
    premodifier_role,
    title_head,
)

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("words", "title", "affiliation"),
    [
        (["US", "Secretary", "of", "State"], "Secretary of State", "US"),
        (["Ukrainian", "President"], "President", "Ukraine"),  # a demonym names the place
        (["spokesman", "for", "the", "campaign"], "spokesman", "campaign"),
        (["Senate", "Majority", "Leader"], "Senate Majority Leader", None),
        # an abbreviated title is recorded in full
        (["Sen."], "Senator", None),
        (["Texas", "Gov."], "Governor", "Texas"),
        # the affiliation keeps its letters ("General Motors", not "General Motor")
        (["chief", "executive", "of", "General", "Motors"], "chief executive", "General Motors"),
        (["Trump", "'s", "campaign", "manager"], "campaign manager", "Trump"),
        # no title, or a mere form of address: no position
        (["the", "campaign"], None, None),
        (["Mr."], None, None),
        # local offices; a place after "in" is the affiliation
        (["Councilwoman"], "Councilwoman", None),
        (["city", "council", "member", "in", "Somerton"], "city council member", "Somerton"),
        (["Assemblyman"], "Assemblyman", None),
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
        # a title the parser hangs on the first name, not the surname
        (["Councilman", "Daniel", "Reyes", "said"], [1, 2, 3, 3], ["compound", "compound", "nsubj", "ROOT"],
         (1, 3), "Councilman"),
        # ... but a word before another name is not this one's ("Smith and Councilman Reyes")
        (["Smith", "and", "Daniel", "Reyes", "said"], [3, 0, 3, 4, 4], ["nsubj", "cc", "compound", "conj", "ROOT"],
         (2, 4), None),
        # an apposition's relative clause says what the person did, not the position
        (["Jo", "Yu", ",", "a", "lawyer", "who", "voted", "no", ",", "said"],
         [1, 9, 1, 4, 1, 6, 4, 6, 1, 9],
         ["compound", "nsubj", "punct", "det", "appos", "nsubj", "relcl", "dobj", "punct", "ROOT"],
         (0, 2), "lawyer"),
    ],
)
def test_position_of(words, heads, deps, name, position):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    pos = position_of(doc, list(doc[name[0] : name[1]]))
    assert (pos["text"] if pos else None) == position


@pytest.mark.parametrize(
    ("words", "pos", "tags", "ents", "position"),
    [
        # a role word the lexicon lacks, left out of the name by the NER
        (["Alderman"], ["PROPN"], ["NNP"], ["O"], ("Alderman", "Alderman", None)),
        (["Chicago", "Alderman"], ["PROPN", "PROPN"], ["NNP", "NNP"], ["B-GPE", "O"], ("Chicago Alderman", "Alderman", "Chicago")),
        (["veteran", "goalkeeper"], ["NOUN", "NOUN"], ["NN", "NN"], ["O", "O"], ("veteran goalkeeper", "veteran goalkeeper", None)),
        # not a plural, a word in capitals, an age, a lower-case noun that names no role
        (["Celebrities"], ["NOUN"], ["NNS"], ["O"], None),
        (["CLEVELAND"], ["PROPN"], ["NNP"], ["O"], None),
        (["45-year-old"], ["ADJ"], ["JJ"], ["B-DATE"], None),
        (["longtime", "friend"], ["ADJ", "NOUN"], ["JJ", "NN"], ["O", "O"], None),
    ],
)
def test_premodifier_role(words, pos, tags, ents, position):
    doc = Doc(VOCAB, words=words, pos=pos, tags=tags, ents=ents)
    pos_ = premodifier_role(doc, list(doc))
    assert (None if pos_ is None else (pos_["text"], pos_["title"], pos_["affiliation"])) == position


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "tags", "position"),
    [
        # role noun + of/at/for + an organisation, in apposition ("…,” says Di Li, the chief scientist of FAST)
        (["Li", "chief", "scientist", "of", "FAST"], [0, 2, 0, 2, 3], ["ROOT", "amod", "appos", "prep", "pobj"],
         ["PROPN", "ADJ", "NOUN", "ADP", "PROPN"], ["NNP", "JJ", "NN", "IN", "NNP"],
         ("chief scientist of FAST", "chief scientist", "FAST")),
        (["Moore", "member", "of", "caucus"], [0, 0, 1, 2], ["ROOT", "appos", "prep", "pobj"],
         ["PROPN", "NOUN", "ADP", "NOUN"], ["NNP", "NN", "IN", "NN"], ("member of caucus", "member", "caucus")),
        # no organisation: "a mother of three"; no preposition of the kind
        (["Smith", "mother", "of", "three"], [0, 0, 1, 2], ["ROOT", "appos", "prep", "pobj"],
         ["PROPN", "NOUN", "ADP", "NUM"], ["NNP", "NN", "IN", "CD"], None),
        (["Smith", "junior", "from", "Vegas"], [0, 0, 1, 2], ["ROOT", "appos", "prep", "pobj"],
         ["PROPN", "NOUN", "ADP", "PROPN"], ["NNP", "NN", "IN", "NNP"], None),
    ],
)
def test_apposition_role(words, heads, deps, pos, tags, position):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    pos_ = apposition_role(doc, list(doc[1:]))
    assert (None if pos_ is None else (pos_["text"], pos_["title"], pos_["affiliation"])) == position
    if pos_ is not None:
        assert doc.text[pos_["start"] : pos_["end"]] == pos_["text"]


@pytest.mark.parametrize(
    ("text", "tag", "affiliation"),
    [
        ("Elizabeth Warren (D-Mass.) said", "D-Mass.", "Democrat, Massachusetts"),
        ("Lindsey Graham (R-SC) said", "R-SC", "Republican, South Carolina"),
        ("Bernie Sanders (I-Vt.) said", "I-Vt.", "Independent, Vermont"),
        ("Gwen Moore (D) said", "D", "Democrat"),
        # not a party-state tag
        ("Anna Smith (AP) said", None, None),
        ("Anna Smith (D-Day) said", None, None),
        ("Anna Smith said (D-Mass.)", None, None),
    ],
)
def test_party_state_tag(nlp, text, tag, affiliation):
    doc = nlp.make_doc(text)
    pos = party_state_tag(doc, list(doc[:2]))
    assert (None if pos is None else (pos["text"], pos["affiliation"], pos["title"])) == (
        None if tag is None else (tag, affiliation, None))
    if pos is not None:
        assert doc.text[pos["start"] : pos["end"]] == pos["text"]


@pytest.mark.parametrize(
    ("title", "head"),
    [("Secretary of State", "secretary"), ("chief scientist", "scientist"), ("Senator", "senator"),
     ("spokesman for the campaign", "spokesman"), ("Senate Majority Leader", "leader")],
)
def test_title_head(title, head):
    assert title_head(title) == head


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        # on the model's parse: apposition after the name in an inverted cue, with its article
        ("“We will not stop,” says Di Li, the chief scientist of FAST.",
         [("chief scientist of FAST", "chief scientist", "FAST")]),
        ("Alderman Joe Park said the vote was rigged.", [("Alderman", "Alderman", None)]),
        ("Sen. Elizabeth Warren (D-Mass.) said the bank had failed.",
         [("Sen.", "Senator", None), ("D-Mass.", None, "Democrat, Massachusetts")]),
        ("Mary Barra, the chief executive of General Motors, said sales rose.",
         [("chief executive of General Motors", "Chief Executive", "General Motors")]),
        # nothing written with the name
        ("Anna Smith said the vote was rigged.", []),
    ],
)
def test_positions_in_articles(nlp, text, positions):
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    found = [(p["text"], p["title"], p["affiliation"]) for s in rec["speakers"] for p in s["positions"]]
    assert [(t, ti.lower() if ti else ti, a) for t, ti, a in found] == [
        (t, ti.lower() if ti else ti, a) for t, ti, a in positions]


def _member_positions(nlp, text, name):
    from tests.attribution_cases import cast

    (sp,) = [s for s in cast(nlp, text) if s.name == name]
    return [(p["text"], (p["title"] or "").lower() or None, p["affiliation"]) for p in sp.positions]


@pytest.mark.parametrize(
    ("text", "name", "positions"),
    [
        # a role noun the lexicon lacks, before the name
        ("Longtime pollster Pat Caddell said the race was close.", "Pat Caddell",
         [("Longtime pollster", "longtime pollster", None)]),
        # apposition after the name with no article; lower-case words before a title are in the title
        ("“We will not stop,” said Tom Reed, policy director at the Tenants Alliance.", "Tom Reed",
         [("policy director at the Tenants Alliance", "policy director", "Tenants Alliance")]),
        # apposition before the name, with whose it is
        ("The agency's deputy head, Karen Bell, said the figures were wrong.", "Karen Bell",
         [("agency's deputy head", "deputy head", "agency")]),
        # an office with a bill: the sponsor, and the title before the name
        ("The bill's sponsor, Senator Paul Gray, said it would pass.", "Paul Gray",
         [("Senator", "senator", None), ("bill's sponsor", "sponsor", "bill")]),
        # a role noun with whose it is, in apposition
        ("“No,” said Tom Bell, a top Trump surrogate.", "Tom Bell", [("top Trump surrogate", "surrogate", "Trump")]),
        # a relative clause that states a role
        ("Mark Evans, who chairs the housing committee, said rents would rise.", "Mark Evans",
         [("chairs the housing committee", "chair", "housing committee")]),
        ("Jane Roe, who is the party's treasurer, said the books were clean.", "Jane Roe",
         [("party's treasurer", "treasurer", "party")]),
        # an organisation right after the name
        ("“It failed,” said Dan Evans at the National Review.", "Dan Evans",
         [("National Review", None, "National Review")]),
        # a title given in another sentence: the description resolved to the speaker
        ("Bernie Sanders said the plan would fail. The Vermont senator added that it was late.", "Bernie Sanders",
         [("Vermont senator", "senator", "Vermont")]),
        # a sentence that states the role
        ("Richard Revesz is director of the Institute for Policy Integrity. Revesz said the states were wrong.",
         "Richard Revesz", [("director of the Institute for Policy Integrity", "director",
                             "Institute for Policy Integrity")]),
        ("Tom Bell is right. Bell said the states were wrong.", "Tom Bell", []),
        # negatives: kin, a relative clause that states no role, a place or an event after the name
        ("“No,” said Tom Bell, a father of three.", "Tom Bell", []),
        ("Jane Roe, who lives in Ohio, said the books were clean.", "Jane Roe", []),
        ("“It failed,” said Dan Evans at the hearing.", "Dan Evans", []),
        ("Her longtime friend Mary Cole said the race was close.", "Mary Cole", []),
    ],
)
def test_positions_from_every_construction(nlp, text, name, positions):
    assert _member_positions(nlp, text, name) == positions


@pytest.mark.parametrize(
    ("text", "name", "positions"),
    [
        # a party member in apposition: the affiliation a party-state tag would give
        ("Senator Maria Lopez, a Democrat from Iowa, said the dam would hold.", "Maria Lopez",
         [("Senator", "Senator", None), ("Democrat from Iowa", None, "Democrat, Iowa")]),
        ("Tom Reyes, a Republican from Texas, said the border was quiet.", "Tom Reyes",
         [("Republican from Texas", None, "Republican, Texas")]),
        ("Jane Roe, a Texas Republican, said the border was quiet.", "Jane Roe",
         [("Texas Republican", None, "Republican, Texas")]),
        ("Carl Dunn, a prominent New York Democrat, said the vote was close.", "Carl Dunn",
         [("prominent New York Democrat", None, "Democrat, New York")]),
        # negatives: no party ("a lawyer from Iowa" stays a role), no place after the party
        ("Tom Poe, a Democrat from the start, said the plan was sound.", "Tom Poe", []),
        ("Tom Poe, a lawyer from Iowa, said the plan was sound.", "Tom Poe", [("lawyer from Iowa", "lawyer", "from Iowa")]),
    ],
)
def test_party_apposition(nlp, text, name, positions):
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    (sp,) = [s for s in rec["speakers"] if s["name"] == name]
    assert [(p["text"], p["title"], p["affiliation"]) for p in sp["positions"]] == positions
    assert all(text[p["start"] : p["end"]] == p["text"] for p in sp["positions"])
