"""Pronouns (claimx.pipeline.speakers.pronouns): he/she agree in gender with the
person they resolve to and prefer the previous statement's speaker; it/they
an organisation or group; unsure means unresolved. On the model's parse."""

import pytest


def _resolved(nlp, text):
    """(source mention, resolved speaker's name or None) of each quote, and each speaker's gender."""
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    names = {s["id"]: s["name"] for s in rec["speakers"]}
    quotes = [((q["speaker_mention"] or {}).get("text"), names.get(q["speaker"])) for q in rec["quotes"]]
    return quotes, {s["name"]: s["gender"] for s in rec["speakers"]}


@pytest.mark.parametrize(
    ("text", "pronoun", "speaker"),
    [
        # the previous statement's speaker
        ("Anna Smith said the plan would work. She added that it was cheap.", "She", "Anna Smith"),
        # gender agreement: "he" is not the woman the honorific names
        ("Ms. Jones met Mr. Brown on Monday. He said the talks were useful.", "He", "Brown"),
        ("Donald Trump said he would go. Trump met Ms. Merkel on Monday. She said the talks were useful.",
         "She", "Merkel"),
        # a person who has been the subject of a main clause since the previous statement
        ("Marco Rubio said the talks would go on. Donald Trump met Vladimir Putin in Alaska. He said it was good.",
         "He", "Donald Trump"),
        # ... but not a person named only in what was reported
        ("Josh Earnest said that Barack Obama had called for tax fairness. He said the plan would pass.",
         "He", "Josh Earnest"),
        # "it": the organisation that made the statement before; "they": a group
        ("Acme Corp said it would hire 200 workers. It added that wages would rise.", "It", "Acme Corp"),
        ("Officials said the plan was late. They added that it would cost more.", "They", "Officials"),
        # unsure: nobody to refer to, or another group the subject since
        ("He said the talks would go on.", "He", None),
        ("Democrats want more revenue, and Republicans want less. They said the plan was late.", "They", None),
        ("Officials said the plan was late, and Republicans objected. They said it would cost more.", "They", None),
        # "it" for a person, "they" for nobody in reach
        ("Anna Smith said the plan would work. It added that it was cheap.", "It", None),
    ],
)
def test_pronoun_sources(nlp, text, pronoun, speaker):
    quotes, _ = _resolved(nlp, text)
    assert (pronoun, speaker) in quotes


@pytest.mark.parametrize(
    ("text", "genders"),
    [
        # pronouns that could mean no one else are evidence
        ("Anna Smith said the plan would work. She added that it was cheap.", {"Anna Smith": "female"}),
        # an honorific is; a first name never is
        ("Ms. Jones said the plan would work.", {"Jones": "female"}),
        ("Mary Smith said the plan would work.", {"Mary Smith": None}),
        # a guess between two persons whose gender is unknown is no evidence
        ("Mary Smith met John Brown. She said the talks were useful.", {"Mary Smith": None, "John Brown": None}),
        # a possessive may mean someone named earlier: no evidence
        ("Anna Smith said his plan would work.", {"Anna Smith": None}),
    ],
)
def test_gender_evidence_from_pronouns(nlp, text, genders):
    _, found = _resolved(nlp, text)
    assert {name: found.get(name) for name in genders} == genders


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # page furniture names no one a pronoun may refer to: a photo credit, a promo line
        ("The council met on Monday.\n\nPhoto: Sarah Jones\n\nShe said the road would open soon.",
         [("She", None)]),
        ("The council met on Monday.\n\nREAD MORE: Sarah Jones wins the vote\n\nShe said the road would open soon.",
         [("She", None)]),
        # nor the title of a work
        ("Director Ann Lee presented “Being John Malkovich” on Monday. He said it was a masterpiece.",
         [("He", "Ann Lee")]),
        # "they" with no statement before: the plural subject of the sentence before
        ("Twenty-seven states and industry groups are challenging the rules.\n\n"
         "They argue that the agency overstepped its authority.", [("They", "Twenty-seven states")]),
        # negatives: no plural subject before, or no people; a name that ends in s is no plural
        ("The talks ended on Monday.\n\nThey argue that the agency overstepped its authority.", [("They", None)]),
        ("Bernie Sanders spoke in Las Vegas. Sanders drew cheers from union workers at the cafeteria. "
         "He asked workers if they planned to vote.",
         [("they", None)]),
    ],
)
def test_pronouns_bind_to_members_only(nlp, text, quotes):
    assert _resolved(nlp, text)[0] == quotes


def test_they_after_a_one_word_name_taken_for_a_person():
    """"Politifact ruled ... they could not resist": a one-word PERSON name
    with no first name, gender or pronoun is an organisation; not a person
    known by a pronoun."""
    from claimx.pipeline.speakers.cast import Cast, Speaker
    from claimx.pipeline.speakers.pronouns import _collective_name

    cast = Cast(speakers=[Speaker("Politifact", "person", ("Politifact",), mentions=[(0, 10), (50, 60)]),
                          Speaker("Obama", "person", ("Obama",), mentions=[(100, 105), (120, 122)]),
                          Speaker("Jane Roe", "person", ("Jane", "Roe"), mentions=[(200, 208)])])
    assert [_collective_name(cast, k) for k in range(3)] == [True, False, False]
