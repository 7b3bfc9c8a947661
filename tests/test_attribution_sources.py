"""Table tests for :mod:`claimx.pipeline.attribution.sources`: who says it: subjects inherited along conjoined and participial verbs, names the parser hung elsewhere, datelines that are no speaker.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import cast, quotes, record

CASES = [
    # who issues a statement, a release, an ad says what it says
    ("His office put out a statement saying the U.S. “does not have the capacity to vet every refugee.”",
     [("mixed", "His office", "say", "the U.S. “does not have the capacity to vet every refugee.”")]),
    ("After the attacks, Trump released a new radio ad calling it “dangerous.”",
     [("mixed", "Trump", "call", "it “dangerous.”")]),
    # a participle after a "when/where" clause goes with that clause's subject
    ("The first incident was at Purchase, when Sanders protesters interrupted her speech, shouting “she wins, we lose!”",
     [("direct", "Sanders protesters", "shout", "she wins, we lose!")]),
    ("Clinton spoke near the casino, where about 50 protesters had gathered on Wednesday, chanting “no contract, no peace.”",
     [("direct", "about 50 protesters", "chant", "no contract, no peace.")]),
    # the agency in a dateline is no speaker
    ("PARIS (AP) — French President Francois Hollande said Monday that France would hold a conference.",
     [("indirect", "Francois Hollande", "say", "France would hold a conference")]),
    # the name after a quotation, which the tagger took for a noun's modifier
    ('"Look at the statement Mr. Trump put out after the Dallas shootings," Conway notes. "It was strong."',
     [("direct", "Conway", "note",
       'Look at the statement Mr. Trump put out after the Dallas shootings," Conway notes. "It was strong.')]),
    # a gerund after "upon" speaks for the clause's subject
    ("Silverman incurred a wave of boos upon saying, “Hillary heard the passion of the people.”",
     [("direct", "Silverman", "say", "Hillary heard the passion of the people.")]),
    # a second verb after a passive one shares its subject
    ("Silverman was joined on stage by Al Franken and joked, “You’re being ridiculous.”",
     [("direct", "Silverman", "joke", "You’re being ridiculous.")]),
    # a moment is no speaker ("at one point calling")
    ("Trump feuded with officials over how best to stabilize the city's finances, at one point calling the "
     'mayor a "liar" who was not "honorable."',
     [("mixed", "Trump", "call", 'the mayor a "liar" who was not "honorable."')]),
    # a dateline the parser took for the subject: the name hung on it speaks
    ('TALLAHASSEE — Democratic U.S. Rep. Gwen Graham on Friday pummeled Donald Trump as divisive while '
     'praising Hillary Clinton as a "work horse, not a show horse."',
     [("mixed", "Gwen Graham", "praise", 'Hillary Clinton as a "work horse, not a show horse."')]),
    # "saying" under a verb of quoting is said by the one quoted, whoever quotes
    ("The minister was quoted by Reuters as saying that talks would resume.",
     [("indirect", "minister", "say", "talks would resume")]),
    ("The mayor was cited as saying the plan would fail.", [("indirect", "mayor", "say", "the plan would fail")]),
    # participial cue inheriting the subject
    ("Jane Smith rejected that claim, insisting the figures were wrong.",
     [("indirect", "Jane Smith", "insist", "the figures were wrong")]),
    # several cues sharing one subject
    ("Jane Smith said the plan would pass but acknowledged it may fail, noting that the vote was close.",
     [("indirect", "Jane Smith", "say", "the plan would pass"),
      ("indirect", "Jane Smith", "acknowledge", "it may fail"),
      ("indirect", "Jane Smith", "note", "the vote was close")]),
    # a pronoun resolves to the earlier speaker
    ("Jane Smith spoke on Friday. She said the budget was balanced.",
     [("indirect", "Jane Smith", "say", "the budget was balanced")]),
    # the parser hung the name on an earlier phrase and left the cue without a subject
    ("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “We value a strong Britain.”",
     [("direct", "Jake Sullivan", "say", "We value a strong Britain.")]),
    ("“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, tells Breitbart News.",
     [("direct", "Brent Bozell III", "tell", "Yes, I support Ted Cruz,")]),
    # a subject inside the quotation is not the speaker; an apposition does not break the cue phrase
    ("“Very good reporter, very good reporter this guy,” Trump, the frontrunner, said when Boyle asked.",
     [("direct", "Trump", "say", "Very good reporter, very good reporter this guy,")]),
    # a long apposition between the name and the cue, the parse hanging the name inside the quote
    ("“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP frontrunner nationally and "
     "polling leader in South Carolina by a wide margin after winning New Hampshire, said when Boyle asked.",
     [("direct", "Trump", "say", "Very good reporter, very good reporter this guy,")]),
    # the parse hung the cue on the verb inside the quote; an age between name and cue
    ("“We were tremendously wrong not to confront him,” Ramos, 58, told AFP on Monday.",
     [("direct", "Ramos", "tell", "We were tremendously wrong not to confront him,")]),
    # a participle after "by" takes the subject of the verb it modifies
    ("Judge Smith began by saying, “I do not think he should go to jail.”",
     [("direct", "Smith", "say", "I do not think he should go to jail.")]),
    # an inverted cue whose name the parser did not make its subject, and a participle after it
    ("“Access to the file is valuable,” said Skelly, explaining he worked with Chrabaszcz.",
     [("direct", "Skelly", "say", "Access to the file is valuable,"),
      ("indirect", "Skelly", "explain", "he worked with Chrabaszcz")]),
    ("“I am not going to say it is a mistake,” said retired neurosurgeon Ben Carson, asked about it.",
     [("direct", "Ben Carson", "say", "I am not going to say it is a mistake,")]),
    # a participle after a comma, the no-break space before the quote upsetting the parse
    ("Trump’s “excesses” are sickening, Hollande said Tuesday in Paris, noting the nominee\xa0“makes you want to retch.”",
     [("mixed", "Hollande", "say", "Trump’s “excesses” are sickening"),
      ("mixed", "Hollande", "note", "the nominee\xa0“makes you want to retch.”")]),
    # a dateline the parser took for a second subject
    ("LONDON (Reuters) - Donald Trump said he was unlikely to get along with David Cameron.",
     [("indirect", "Donald Trump", "say", "he was unlikely to get along with David Cameron")]),
    # the speaker of a cue under an adjective or a preposition is the clause's subject
    ("Democratic voters are slightly more likely to say that Clinton represents them.",
     [("indirect", "Democratic voters", "say", "Clinton represents them")]),
    ("After suggesting on Wednesday that he regretted the insults, Mr. Rubio said he would stay.",
     [("indirect", "Rubio", "suggest", "he regretted the insults"), ("indirect", "Rubio", "say", "he would stay")]),
    # a participle after a comma whose clause has no cue: the main verb's subject
    ("Band member Flea shared the news on social media last week, writing “Feels great to support him.”",
     [("direct", "Flea", "write", "Feels great to support him.")]),
    # an unresolvable pronoun keeps a null speaker, not a guess
    ("He said the plan would fail.", [("indirect", "He", "say", "the plan would fail")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sources(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_unresolved_pronoun_has_null_speaker(nlp):
    text = "He said the plan would fail."
    (q,) = record(nlp, text)["quotes"]
    assert q["speaker"] is None
    assert q["speaker_mention"] == {"text": "He", "start": 0, "end": 2}


def test_positions(nlp):
    text = ("US Secretary of State Marco Rubio met Ukrainian President Volodymyr Zelensky. "
            "Jane Roe, the party's chairwoman, said the vote was fair.")
    pos = {s.name: [(p["title"], p["affiliation"]) for p in s.positions] for s in cast(nlp, text)}
    assert pos["Marco Rubio"] == [("Secretary of State", "US")]
    assert pos["Volodymyr Zelensky"] == [("President", "Ukraine")]
    assert pos["Jane Roe"][0][0].lower() == "chairwoman"


def test_title_with_named_apposition_is_the_person(nlp):
    """"A spokesman for the campaign, Brian Fallon, said": the speaker is Brian
    Fallon, in the office the mention names; the raw mention is kept."""
    text = "A spokesman for the campaign, Brian Fallon, said the charge was “pathetic.”"
    rec = record(nlp, text)
    (q,) = rec["quotes"]
    assert q["speaker_name"] == "Brian Fallon"
    assert q["speaker_mention"]["text"] == "A spokesman for the campaign"
    (sp,) = [s for s in rec["speakers"] if s["id"] == q["speaker"]]
    assert [(p["title"].lower(), p["affiliation"]) for p in sp["positions"]] == [("spokesman", "campaign")]


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # an opener clause is no part of the subject
        ("Addressing supporters in the town square, Senator Maria Lopez said the plan would fail.",
         "Senator Maria Lopez", "Maria Lopez"),
        # a gerund under a preposition speaks for its clause's subject, passive too
        ("Jane Roe fell on Monday. After saying her foot was swollen, she was taken to hospital.", "she", "Jane Roe"),
        # negative: the subject of the sentence is not the opener's object
        ("After meeting Tom Hale, the mayor said the plan would fail.", "the mayor", "mayor"),
    ],
)
def test_source_mentions(nlp, text, mention, speaker):
    rec = record(nlp, text)
    names = {s["id"]: s["name"] for s in rec["speakers"]}
    assert [(q["speaker_mention"]["text"], names.get(q["speaker"])) for q in rec["quotes"] if q["speaker_mention"]][
        -1] == (mention, speaker)


def _mention_of(nlp, text: str, cue: str) -> str | None:
    """The source mention of the quote whose cue is ``cue`` in ``text``."""
    (q,) = [q for q in record(nlp, text)["quotes"] if q["cue"] and q["cue"]["text"] == cue]
    return q["speaker_mention"]["text"] if q["speaker_mention"] else None


@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        # object control after a verb of causing: the object speaks
        ("The poor turnout led the party chairman to admit that the campaign had failed.", "admit",
         "the party chairman"),
        ("The new evidence forced the minister to concede that mistakes were made.", "concede", "the minister"),
        ("The scandal prompted several donors to say they would withdraw their support.", "say", "several donors"),
        # negative: a means is no speaker ("used X to say"), a directive stays the urger's
        ("The coach used the interview to say that the team was ready.", "say", "The coach"),
        ("The mayor urged residents to report any damage to the city.", "urged", "The mayor"),
        # the issuer of a document speaks through a relative clause on it
        ("The union released a video that accuses the company of cutting wages.", "accuses", "The union"),
        ("The ministry put out a letter that says exports fell sharply in March.", "says", "The ministry"),
        # negative: holding a document is not issuing it
        ("The agency withheld an email that said the plan was flawed.", "said", "that"),
        # a second cue hung on the first cue's complement, that complement's verb a cue too
        ("The minister said that she wanted to stay in office and predicted that the party would win.", "predicted",
         "The minister"),
        ("The coach said the players found the schedule difficult and called the decision unfair.", "called",
         "The coach"),
        # negative: a second clause with a subject of its own
        ("The minister said that she wanted to stay in office and her deputy predicted that the party would win.",
         "predicted", "her deputy"),
        # a participle after a cue that closes its content, the parse hanging it in that content
        ("The board cannot say that “in good faith,” the treasurer added, saying it should be up to the auditors.",
         "saying", "the treasurer"),
        ("The mayor said the vote was “a disgrace,” the clerk recalled, adding that nobody had objected.",
         "adding", "the clerk"),
        # negative: a cue with its complement: the outer cue speaks
        ("The mayor told reporters she believes the plan works, saying it will cut traffic.", "saying", "The mayor"),
        # a participle on a coordinated clause with a subject of its own
        ("Residents say the new rules are unfair, and the tenants' union has sued the city, saying they break state "
         "law.", "saying", "the tenants' union"),
        # negative: no subject of its own: the cue's
        ("Smith said the plan would fail and criticized the budget, saying it was too small.", "saying", "Smith"),
        # an inverted cue set off by commas inside the clause it reports: the noun after it speaks
        ("The new rules, said the city's mayor, will take effect in May.", "said", "the city's mayor"),
        # negatives: the subject before the cue; the noun after the cue its object
        ("The new rules, he said, will take effect in May.", "said", "he"),
        ("Jane Roe, the council's lawyer, urged a quick vote, saying delays cost money.", "urged", "Jane Roe"),
        # a passive cue's agent speaks
        ("The dam was unsafe, as first reported by the Daily Courier.", "reported", "the Daily Courier"),
        ("Sanders was asked by the host whether he would run again.", "asked", "the host"),
        ("After being warned by the embassy that the roads were closed, the tourists stayed in the city.", "warned",
         "the embassy"),
        # negative: the agent of a participle that is no cue
        ("The report, obtained by reporters, said the dam was unsafe.", "said", "The report"),
        # the issuer of a response speaks through it
        ("The mayor fired back a response saying the audit was wrong.", "saying", "The mayor"),
        # a recording shows someone speaking
        ("The new ad uses footage of the governor saying the state is broke.", "saying", "the governor"),
        # negative: a participle after a comma is the sentence's
        ("The campaign released a video of the flood, saying the city was not prepared.", "saying", "The campaign"),
    ],
)
def test_source_of_cue(nlp, text, cue, mention):
    assert _mention_of(nlp, text, cue) == mention


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        # a dateline naming its agency, whatever the place's case, is no speaker
        ("New York (AFP) – Senator Mary Jones said the plan would fail.", "York", True),
        ("CHICAGO, March 4 (UPI) — Senator Mary Jones said the plan would fail.", "CHICAGO", True),
        ("PARIS (AP) — Senator Mary Jones said the plan would fail.", "PARIS", True),
        # the state after the place is the dateline's too (one reading: dates.reference.dateline_at)
        ("JACKSON, Miss. - Gov. Phil Bryant said the plan would fail.", "Miss.", True),
        # negatives: the name after the dateline; a place that opens the subject
        ("New York (AFP) – Senator Mary Jones said the plan would fail.", "Jones", False),
        ("New York City officials (the mayor's staff) said the plan would fail.", "York", False),
        ("Officials in JACKSON, Miss. - the capital - said the plan would fail.", "JACKSON", False),
    ],
)
def test_in_dateline(nlp, text, word, inside):
    from claimx.lexicon import cue_frames
    from claimx.pipeline.attribution.context import Reading
    from claimx.pipeline.attribution.sources import _in_dateline

    doc = nlp(text)
    ctx = Reading(cue_frames(), False, text, [])
    (tok,) = [t for t in doc if t.text == word]
    assert _in_dateline(ctx, tok) is inside


def _parsed(nlp, words, heads, deps, tags):
    """A Doc with the parse given (a parser's attachment the tests cannot count on)."""
    from spacy.tokens import Doc

    pos = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "VBD": "VERB", "VBG": "VERB", "DT": "DET",
           ",": "PUNCT", "IN": "ADP"}
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=[pos[t] for t in tags])


@pytest.mark.parametrize(
    ("noun", "tag", "comma", "clause"),
    [
        # "Trump made an attempt, writing on Twitter ...": the parse hung the participle on the object: the clause's
        ("attempt", "NN", True, "made"),
        # negatives: a plural may be the ones speaking; no comma: the noun's own participle
        ("protesters", "NNS", True, None),
        ("attempt", "NN", False, None),
    ],
)
def test_adjunct_clause(nlp, noun, tag, comma, clause):
    from claimx.pipeline.attribution.sources import _adjunct_clause

    words = ["Trump", "made", "an", noun, ",", "writing", "on", "Twitter"]
    heads = [1, 1, 3, 1, 3, 3, 5, 6]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "acl", "prep", "pobj"]
    tags = ["NNP", "VBD", "DT", tag, ",", "VBG", "IN", "NNP"]
    if not comma:
        del words[4], deps[4], tags[4]
        heads = [1, 1, 3, 1, 3, 4, 5]
    doc = _parsed(nlp, words, heads, deps, tags)
    found = _adjunct_clause(doc[words.index("writing")])
    assert (found.text if found is not None else None) == clause


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "saying" under a verb of quoting: its passive subject, or its object, is who said it
        ("The mayor was quoted as saying the plan would fail.", "mayor"),
        ("The mayor was cited as saying the plan would fail.", "mayor"),
        ("The minister was quoted by Reuters as saying that talks would resume.", "minister"),
        ("Reuters quoted the minister as saying that talks would resume.", "minister"),
        # negatives: "as saying" under any other verb, or "saying" with no "as", reports no one quoted
        ("He is known as saying little.", None),
        ("She was remembered as saying little.", None),
        ("The mayor kept saying the plan would fail.", None),
    ],
)
def test_quoted_as_saying(nlp, text, speaker):
    from claimx.pipeline.attribution.sources import quoted_as_saying

    doc = nlp(text)
    found = quoted_as_saying(next(t for t in doc if t.lower_ == "saying"))
    assert (found.text if found is not None else None) == speaker
