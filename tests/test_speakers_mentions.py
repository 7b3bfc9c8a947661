"""Merging mentions (claimx.pipeline.speakers.mentions): which mentions make one
speaker, on the model's parse."""

import pytest

from tests.attribution_cases import cast


def _speakers(nlp, text):
    """The cast (members only mentioned too) and the record's quotes."""
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    members = [(s.name, s.kind, [text[a:b] for a, b in s.mentions]) for s in cast(nlp, text)]
    return members, rec["quotes"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a surname joins the full name; a subject pronoun the latest subject
        ("Marco Rubio said the talks would go on. Rubio added that he was hopeful. He said it was late.",
         [("Marco Rubio", "person", ["Marco Rubio", "Rubio", "he", "He"])]),
        # a full name after the surname alone fills it in
        ("Rubio said the talks would go on. Later, Marco Rubio said more.",
         [("Marco Rubio", "person", ["Rubio", "Marco Rubio"])]),
        # a name the NER missed is a person when "he" comes back to it
        ("DeSantis said the state would sue. He added that it was wrong.",
         [("DeSantis", "person", ["DeSantis", "He"])]),
        # possessive and object pronouns: the subject of their own sentence
        ("Mary Smith said she would defend her plan.", [("Mary Smith", "person", ["Mary Smith", "she", "her"])]),
        # ... and none in a sentence without one
        ("John Brown left early. His plan was late, officials said.",
         [("John Brown", "person", ["John Brown"]), ("officials", "group", ["officials"])]),
        # sources that are no people
        ("The White House said the talks would go on. Officials said they were hopeful.",
         [("White House", "organisation", ["The White House"]), ("Officials", "group", ["Officials"])]),
        ("A spokesman said the talks would go on.", [("spokesman", "unnamed", ["A spokesman"])]),
        # "who" is the noun its clause hangs on
        ("The senator, who said the talks would go on, left.", [("senator", "unnamed", ["The senator"])]),
        # an unresolvable pronoun makes no speaker
        ("He said the talks would go on.", []),
    ],
)
def test_merged_speakers(nlp, text, speakers):
    assert _speakers(nlp, text)[0] == speakers


@pytest.mark.parametrize(("text", "words"), [
    ("Marco Rubio said he would defend his plan.", ["Marco", "Rubio", "he", "his"]),
    ("The senator said the talks would go on.", []),  # no name, no pronoun: nothing to read
])
def test_people_words(nlp, text, words):
    from claimx.pipeline.speakers.mentions import people_words

    doc = nlp(text)
    assert [doc[i].text for i in people_words(doc, {t.i: e for e in doc.ents for t in e})] == words


def test_the_people_step_reads_every_word_it_needs(nlp, seed_text, monkeypatch):
    # visiting only people_words gives the cast that visiting every token gives
    from claimx.pipeline.speakers import mentions

    def members(text):
        return [(s.name, s.kind, s.mentions, s.gender) for s in cast(nlp, text)]

    texts = [seed_text, "DeSantis said the state would sue. He added that it was wrong. Warren told him so."]
    read = [members(text) for text in texts]
    monkeypatch.setattr(mentions, "people_words", lambda doc, ents: list(range(len(doc))))
    assert read == [members(text) for text in texts]
    assert any(len(cast_) > 3 for cast_ in read)


def test_an_office_holder_in_apposition_is_the_speaker(nlp):
    found, quotes = _speakers(nlp, "A spokesman for the campaign, Brian Fallon, said it was late.")
    assert [(name, kind) for name, kind, _ in found] == [("Brian Fallon", "person")]
    assert [q["speaker_name"] for q in quotes] == ["Brian Fallon"]


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        # names as the text writes them, in the speaker and in the quote's mention
        ("Phoebe Waller-Bridge said the show was over.", "Phoebe Waller-Bridge", "Phoebe Waller-Bridge"),
        ("Kim Jong-un said the talks would go on.", "Kim Jong-un", "Kim Jong-un"),
        ("Conan O'Brien said it was late.", "Conan O'Brien", "Conan O'Brien"),
        ("The 45-year-old said it was time.", "45-year-old", "The 45-year-old"),
    ],
)
def test_names_keep_their_spelling(nlp, text, name, mention):
    found, quotes = _speakers(nlp, text)
    assert [n for n, _, _ in found] == [name]
    assert [q["speaker_mention"]["text"] for q in quotes] == [mention]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # organisation, not person, by the evidence of its name
        ("Acme Shipping said it had won the tender.", [("Acme Shipping", "organisation", ["Acme Shipping"])]),
        # a surname the NER missed is a mention of the person met before
        ("Elizabeth Warren told John Stumpf that the bank had failed. She said Stumpf should resign.",
         [("Elizabeth Warren", "person", ["Elizabeth Warren", "She"]),
          ("John Stumpf", "person", ["John Stumpf", "Stumpf"])]),
    ],
)
def test_speakers_by_evidence(nlp, text, speakers):
    assert _speakers(nlp, text)[0] == speakers


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("A spokeswoman said the talks would go on.", "female"),  # an unnamed source has a gender too
        ("A spokesman said the talks would go on.", "male"),  # generic evidence, alone
        ("A spokesperson said the talks would go on.", None),
        ("The White House said the talks would go on.", None),  # organisations have none
    ],
)
def test_unnamed_sources_gender(nlp, text, gender):
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    assert [s["gender"] for s in rec["speakers"]] == [gender]


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # "who"/"that" after a description in apposition to a name: the name
        ("Adelson will fund Future45, a super PAC that intends to hammer Clinton with ads.", "that", "Future45"),
        # negative: a date the parser took for the name's head is no antecedent
        ("On Monday, Graham, who had previously endorsed Jeb Bush, said he would help.", "Graham", "Graham"),
    ],
)
def test_relative_pronoun_sources(nlp, text, mention, speaker):
    quotes = _speakers(nlp, text)[1]
    names = {q["speaker_mention"]["text"]: q["speaker_name"] for q in quotes if q["speaker_mention"]}
    assert names[mention] == speaker
