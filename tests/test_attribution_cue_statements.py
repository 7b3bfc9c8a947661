"""Table tests for :mod:`claimx.pipeline.attribution.cue_statements`: a cue and the quotation right before or after its phrase, split quotes, and statements without marks or speaker.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # a participle with words of its own after a quotation does not close it
    ("Sanders said the convention could be “messy,” adding, “Democracy is messy.”",
     [("mixed", "Sanders", "say", "the convention could be “messy,”"),
      ("direct", "Sanders", "add", "Democracy is messy.")]),
    # one capitalised word after "said," is a statement, not a title
    ('Priebus said, "Probably."', [("direct", "Priebus", "say", "Probably.")]),
    # cue after the quote
    ("“We will win this race,” Smith said.",
     [("direct", "Smith", "say", "We will win this race,")]),
    # inverted cue
    ("“We will win this race,” said Jane Smith.",
     [("direct", "Jane Smith", "say", "We will win this race,")]),
    # cue before, with a colon
    ("Jane Smith said: “The budget is balanced.”",
     [("direct", "Jane Smith", "say", "The budget is balanced.")]),
    # split quote: one speaker, both parts
    ("“The plan is simple,” Smith said, “and it will work.”",
     [("direct", "Smith", "say", "The plan is simple,” Smith said, “and it will work.")]),
    # a cue phrase ending in a colon, the quotation opening the next paragraph
    ("Cruz continued:\n\n“You look at the questions and you wonder.”",
     [("direct", "Cruz", "continue", "You look at the questions and you wonder.")]),
    # a quotation that closed its sentence is not claimed by the next sentence's cue
    ("Smith called it “a case unlike any we have found.” He added, “It is not ordinary.”",
     [("mixed", "Smith", "call", "it “a case unlike any we have found.”"),
      ("direct", "Smith", "add", "It is not ordinary.")]),
    # a capitalised word the parser cut off the speaker's name
    ("“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.",
     [("direct", "Chuck Jordan", "say", "We will achieve justice in this case,")]),
    # addressee
    ("“It is over,” Smith told reporters.",
     [("direct", "Smith", "tell", "It is over,")]),
    # a one-word quotation that opens its sentence is a statement, not a title
    ("“Really,” she added after a pause.",
     [("direct", "she", "add", "Really,")]),
    ("She declared “What a Super Tuesday!” to the crowd.",
     [("direct", "She", "declare", "What a Super Tuesday!")]),
    # quotation marks glued to the words around them (scraped text)
    ("Ryan said,“Look, these images have no place in a campaign.”",
     [("direct", "Ryan", "say", "Look, these images have no place in a campaign.")]),
    # a cue between a finished quotation and a new one introduces the new one
    ("Smith said she was “tired of the fight.” Jones says, “That is a perfectly reasonable view.”",
     [("mixed", "Smith", "say", "she was “tired of the fight.”"),
      ("direct", "Jones", "say", "That is a perfectly reasonable view.")]),
    # no marks and nobody saying it is no statement; a passive has no speaker by nature
    ("That only escalated the fight.", []),
    ("The Fed is expected to raise rates on Wednesday.",
     [("indirect", None, "expect", "to raise rates on Wednesday")]),
    # a cue with a clause of its own does not take the quotation before it
    ("Japan branded North Korea an \"outlaw nation.\" Russia insisted that Pyongyang \"stop its escapades.\"",
     [("mixed", "Japan", "brand", "North Korea an \"outlaw nation.\""),
      ("mixed", "Russia", "insist", "Pyongyang \"stop its escapades.\"")]),
    # a clause after a comma is no complement of the cue, which keeps the quotation before it
    ("“You should resign,” Warren told Stumpf, after he admitted he had not been held accountable.",
     [("direct", "Warren", "tell", "You should resign,"), ("indirect", "Warren", "admit", "he had not been held accountable")]),
    # words the parse left out of the subject between the quotation and the name
    ("The shooting is under investigation.\n“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said.",
     [("direct", "Chuck Jordan", "say", "We will achieve justice in this case,")]),
    # no-break spaces are spaces
    ("“We will win this race,”\xa0said Jane Smith.", [("direct", "Jane Smith", "say", "We will win this race,")]),
    # a participle with a clause of its own reports that clause, not the scare quote before it
    # (the quoted words after "a defense of" are Trump's too, as PolNeAR marks them)
    ("Trump delivered a defense of “New York values,” saying the city embodied the “heart of America.”",
     [("mixed", "Trump", "deliver", "a defense of “New York values,”"),
      ("mixed", "Trump", "say", "the city embodied the “heart of America.”")]),
    # "was quoted as saying": the one quoted is the speaker
    ("The mayor was quoted as saying the plan would fail.", [("indirect", "mayor", "say", "the plan would fail")]),
    ("The senator was quoted as saying: “We will not back down.”",
     [("direct", "senator", "say", "We will not back down.")]),
    ("“We will not back down,” the senator was quoted as saying.",
     [("direct", "senator", "say", "We will not back down,")]),
    ("The newspaper quoted the mayor as saying the plan would fail.",
     [("indirect", "mayor", "say", "the plan would fail")]),
    # negative: no report
    ("He is known as saying little.", []),
    # a second quotation joined by "and" after the cue, or a second that-clause
    ("“The deal is fair,” he said, and “nobody will like it.”",
     [("direct", "he", "say", "The deal is fair,” he said, and “nobody will like it.")]),
    ("She said the plan was “a mistake,” and that the rules “must change.”",
     [("mixed", "She", "say", "the plan was “a mistake,” and that the rules “must change.”")]),
    # negatives: the narrative goes on after "and"
    ("“The deal is fair,” he said, and the crowd cheered.", [("direct", "he", "say", "The deal is fair,")]),
    ("He said the deal was “fair,” and the crowd cheered.", [("mixed", "He", "say", "the deal was “fair,”")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cue_statements(nlp, text, expected):
    assert quotes(nlp, text) == expected
