"""Attribution constructions, each as (text, expected quotes), negatives included."""

import pytest

from claimx.extract import build_record
from claimx.inputs import Article


def quotes(nlp, text):
    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    return [(q["type"], q["speaker_name"], q["cue"]["lemma"] if q["cue"] else None, q["text"]) for q in rec["quotes"]]


CASES = [
    # a quoted predicate past an aside after the object
    ("In Florida on Wednesday, Trump called Clinton, his Democratic challenger, an ISIS “co-founder.”",
     [("mixed", "Trump", "call", "Clinton, his Democratic challenger, an ISIS “co-founder.”")]),
    # a participle with words of its own after a quotation does not close it
    ("Sanders said the convention could be “messy,” adding, “Democracy is messy.”",
     [("mixed", "Sanders", "say", "the convention could be “messy,”"),
      ("direct", "Sanders", "add", "Democracy is messy.")]),
    ("As Clinton told the New York Daily News, tax relief is given in exchange for creating jobs.",
     [("indirect", "Clinton", "tell", "tax relief is given in exchange for creating jobs")]),
    # who issues a statement, a release, an ad says what it says
    ("His office put out a statement saying the U.S. “does not have the capacity to vet every refugee.”",
     [("mixed", "His office", "say", "the U.S. “does not have the capacity to vet every refugee.”")]),
    ("After the attacks, Trump released a new radio ad calling it “dangerous.”",
     [("mixed", "Trump", "call", "it “dangerous.”")]),
    # what the parser hung elsewhere: a "that"-clause on a noun of the cue's
    # phrase, the words said read as a second subject, an "as" clause after the cue
    ("Sanders said following a vote in 2001 that he had “very serious concerns.”",
     [("mixed", "Sanders", "say", "he had “very serious concerns.”")]),
    ("The State Department said for the first time that “top secret” intelligence had passed through the server.",
     [("mixed", "The State Department", "say", "“top secret” intelligence had passed through the server")]),
    ("The rejection of the treaty signals \"the beginning of the end\" for the EU, said Geert Wilders, a Dutch MP.",
     [("mixed", "Geert Wilders", "say", "The rejection of the treaty signals \"the beginning of the end\" for the EU")]),
    ("\"He didn't report the loans,\" he said as some wearing Cruz shirts booed.",
     [("direct", "he", "say", "He didn't report the loans,")]),
    # a participle after a "when/where" clause goes with that clause's subject
    ("The first incident was at Purchase, when Sanders protesters interrupted her speech, shouting “she wins, we lose!”",
     [("direct", "Sanders protesters", "shout", "she wins, we lose!")]),
    ("Clinton spoke near the casino, where about 50 protesters had gathered on Wednesday, chanting “no contract, no peace.”",
     [("direct", "about 50 protesters", "chant", "no contract, no peace.")]),
    # a name before a colon that the tagger took for common nouns, a party tag, "From X:"
    ("Pew Research: “All the samples evaluated include more politically engaged individuals.”",
     [("direct", "Pew Research", ":", "All the samples evaluated include more politically engaged individuals.")]),
    ("Sen. Ted Cruz (R-Texas): “We will win this state.”", [("direct", "Ted Cruz", ":", "We will win this state.")]),
    ("More from Jones: “The partisanship of the state is a starting point.”",
     [("direct", "Jones", ":", "The partisanship of the state is a starting point.")]),
    ("Wait, it gets better: “By law, the president sets the number.”", []),
    # a relative clause with a cue of its own after the clause's verb is its own statement
    # (and "he" is DeSantis, whom the NER took for an organisation)
    ("DeSantis said he backs a bill, which he called “a cartel for higher education.”",
     [("indirect", "DeSantis", "say", "he backs a bill"),
      ("direct", "DeSantis", "call", "a cartel for higher education.")]),
    ("Google said it would appeal. It called the ruling “wrong.”",
     [("indirect", "Google", "say", "it would appeal"), ("mixed", "It", "call", "the ruling “wrong.”")]),
    ("Eric Ferrero said observers were dispatched with the marchers, whom he described as “peaceful,” for the length of the route.",
     [("indirect", "Eric Ferrero", "say", "observers were dispatched with the marchers"),
      ("mixed", "Eric Ferrero", "describe", "as “peaceful,”")]),
    # ... but one inside the clause reported stays part of it
    ("He said the plan, which critics call “amnesty,” would pass.",
     [("mixed", "He", "say", "the plan, which critics call “amnesty,” would pass")]),
    # "as X put it" / "as X reported": an aside vouching for the clause or quotation beside it
    ("As The Post's Dana Milbank puts it, “Senate Republicans are unmoved.”",
     [("direct", "Dana Milbank", "put", "Senate Republicans are unmoved.")]),
    ("Roger Ailes also met with Mr. Trump that day, as The New York Times reported on Tuesday.",
     [("indirect", "The New York Times", "report", "Roger Ailes also met with Mr. Trump that day")]),
    ("As Clyburn noted, those voters will give Sanders a second look.",
     [("indirect", "Clyburn", "note", "those voters will give Sanders a second look")]),
    # ... within another's words too ...
    ("Emanuel urged a strong stand, saying that otherwise Netanyahu would “walk all over us,” as Mrs. Clinton put it.",
     [("indirect", "Emanuel", "urge", "a strong stand"),
      ("mixed", "Clinton", "put", "otherwise Netanyahu would “walk all over us,”"),
      ("mixed", "Emanuel", "say", "otherwise Netanyahu would “walk all over us,” as Mrs. Clinton put it")]),
    # ... but not a comparison, one that vouches for nothing, or a time ("as she spoke")
    ("It was not as bad as she said.", []),
    ("As expected, the bill passed. As she spoke, the crowd cheered. As we know, it failed.", []),
    # a cue and its addressee the parser hung on the clause they introduce
    ("Instead, Trump told CNN, his policy would be “to go after them” if he wins.",
     [("mixed", "Trump", "tell", "his policy would be “to go after them” if he wins")]),
    ("You know, I got in trouble.", []),
    ("The endorsement comes three days after Trump told The Washington Post he was “not quite there yet” on Ryan.",
     [("mixed", "Trump", "tell", "he was “not quite there yet” on Ryan")]),
    # the agency in a dateline is no speaker either
    ("PARIS (AP) — French President Francois Hollande said Monday that France would hold a conference.",
     [("indirect", "Francois Hollande", "say", "France would hold a conference")]),
    # quoted words past a comma and an aside after the object
    ("Trump attacked Romney, calling him, among other things, “a failed candidate.”",
     [("indirect", "Trump", "attack", "Romney"),
      ("mixed", "Trump", "call", "him, among other things, “a failed candidate.”")]),
    # ... but an apposition in quotation marks is nobody's words
    ("He met the senator, “a great friend,” on Monday.", []),
    # one capitalised word after "said," is a statement, not a title
    ('Priebus said, "Probably."', [("direct", "Priebus", "say", "Probably.")]),
    # ... but a verb of manner after someone else's words says nothing
    ('Trump said he would "protect our LGBTQ citizens," the crowd applauded loudly.',
     [("mixed", "Trump", "say", 'he would "protect our LGBTQ citizens,"')]),
    # a particle or adverb after the verb that closes a quotation
    ("“Who is going to pay for it?” Trump asked. “Mexico!” the audience screamed back.",
     [("direct", "Trump", "ask", "Who is going to pay for it?"), ("direct", "audience", "scream", "Mexico!")]),
    # a cue with only how and when in its sentence, then the quotation
    ("Sam Lau, the party's spokesman, said in a statement. “There are no paper ballots to recount.”",
     [("direct", "Sam Lau", "say", "There are no paper ballots to recount.")]),
    # a sentence of a speaker and a cue alone, then the quotation
    ("The senator agreed. “That is simply right.”", [("direct", "senator", "agree", "That is simply right.")]),
    ("Trump won. “It was a great night.”", []),
    # a lexicon verb without quotation frames may introduce one after a comma
    ('In Just the Way You Are, Billy Joel sings, "Don\'t go changing to try and please me."',
     [("direct", "Billy Joel", "sing", "Don't go changing to try and please me.")]),
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
    # a verb outside the lexicon and a comma introduce a quoted sentence
    ("Silverman interjected, “Ladies and gentlemen, Mr. Paul Simon.”",
     [("direct", "Silverman", "interject", "Ladies and gentlemen, Mr. Paul Simon.")]),
    # ... but a bare name and a comma do not
    ("Trump, “The wall will be built.”", []),
    # a lexicon cue without quotation frames may still close one
    ("“Would it be negotiable?” Hannity pressed.", [("direct", "Hannity", "press", "Would it be negotiable?")]),
    # a dateline the parser took for the subject: the name hung on it speaks
    ('TALLAHASSEE — Democratic U.S. Rep. Gwen Graham on Friday pummeled Donald Trump as divisive while '
     'praising Hillary Clinton as a "work horse, not a show horse."',
     [("mixed", "Gwen Graham", "praise", 'Hillary Clinton as a "work horse, not a show horse."')]),
    # a heading's label is no transcript speaker
    ("EXCLUSIVE: In memo to Congress, Saudis insist they are fighting terror",
     [("indirect", "Saudis", "insist", "they are fighting terror")]),
    # a wire dateline opening the story is no part of what was said
    ("LONDON (Reuters) - Theresa May will travel to Brussels on Wednesday, her spokesman said.",
     [("indirect", "her spokesman", "say", "Theresa May will travel to Brussels on Wednesday")]),
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
    # indirect with that-clause
    ("Governor Jane Smith said that the budget would be balanced by June.",
     [("indirect", "Jane Smith", "say", "the budget would be balanced by June")]),
    # indirect with a bare complement
    ("Jane Smith said the budget would be balanced.",
     [("indirect", "Jane Smith", "say", "the budget would be balanced")]),
    # participial cue inheriting the subject
    ("Jane Smith rejected that claim, insisting the figures were wrong.",
     [("indirect", "Jane Smith", "insist", "the figures were wrong")]),
    # an object-taking cue: the object is the content (as PolNeAR annotates it)
    ("Trump described the meeting as “extremely productive” on Friday.",
     [("mixed", "Trump", "describe", "the meeting as “extremely productive”")]),
    # a cue phrase ending in a colon, the quotation opening the next paragraph
    ("Cruz continued:\n\n“You look at the questions and you wonder.”",
     [("direct", "Cruz", "continue", "You look at the questions and you wonder.")]),
    # a quotation that closed its sentence is not claimed by the next sentence's cue
    ("Smith called it “a case unlike any we have found.” He added, “It is not ordinary.”",
     [("mixed", "Smith", "call", "it “a case unlike any we have found.”"),
      ("direct", "Smith", "add", "It is not ordinary.")]),
    # a clause complement headed by an adjective
    ("Jane Smith says the tweets were “unhinged, even for him.”",
     [("mixed", "Jane Smith", "say", "the tweets were “unhinged, even for him.”")]),
    # a capitalised word the parser cut off the speaker's name
    ("“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.",
     [("direct", "Chuck Jordan", "say", "We will achieve justice in this case,")]),
    # a dash attribution after the quotation
    ("“We will keep the library open every day of the year.” — Commissioner Jane Roe",
     [("direct", "Jane Roe", "—", "We will keep the library open every day of the year.")]),
    # a headline-style colon attribution
    ("Kerry: “By law, the president sets the maximum number of refugees.”",
     [("direct", "Kerry", ":", "By law, the president sets the maximum number of refugees.")]),
    # several cues sharing one subject
    ("Jane Smith said the plan would pass but acknowledged it may fail, noting that the vote was close.",
     [("indirect", "Jane Smith", "say", "the plan would pass"),
      ("indirect", "Jane Smith", "acknowledge", "it may fail"),
      ("indirect", "Jane Smith", "note", "the vote was close")]),
    # mixed: reported speech with a quoted fragment
    ("Jane Smith said the deal was “a disaster” for workers.",
     [("mixed", "Jane Smith", "say", "the deal was “a disaster” for workers")]),
    # according to
    ("The economy grew by 3 percent last year, according to the Commerce Department.",
     [("indirect", "the Commerce Department", "according to", "The economy grew by 3 percent last year")]),
    # addressee
    ("“It is over,” Smith told reporters.",
     [("direct", "Smith", "tell", "It is over,")]),
    # a pronoun resolves to the earlier speaker
    ("Jane Smith spoke on Friday. She said the budget was balanced.",
     [("indirect", "Jane Smith", "say", "the budget was balanced")]),
    # a one-word quotation that opens its sentence is a statement, not a title
    ("“Really,” she added after a pause.",
     [("direct", "she", "add", "Really,")]),
    ("She declared “What a Super Tuesday!” to the crowd.",
     [("direct", "She", "declare", "What a Super Tuesday!")]),
    # the parser hung the name on an earlier phrase and left the cue without a subject
    ("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “We value a strong Britain.”",
     [("direct", "Jake Sullivan", "say", "We value a strong Britain.")]),
    ("“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, tells Breitbart News.",
     [("direct", "Brent Bozell III", "tell", "Yes, I support Ted Cruz,")]),
    # a subject inside the quotation is not the speaker; an apposition does not break the cue phrase
    ("“Very good reporter, very good reporter this guy,” Trump, the frontrunner, said when Boyle asked.",
     [("direct", "Trump", "say", "Very good reporter, very good reporter this guy,")]),
    # quotation marks glued to the words around them (scraped text)
    ("Ryan said,“Look, these images have no place in a campaign.”",
     [("direct", "Ryan", "say", "Look, these images have no place in a campaign.")]),
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
    # a cue between a finished quotation and a new one introduces the new one
    ("Smith said she was “tired of the fight.” Jones says, “That is a perfectly reasonable view.”",
     [("mixed", "Smith", "say", "she was “tired of the fight.”"),
      ("direct", "Jones", "say", "That is a perfectly reasonable view.")]),
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
    # a parenthetical cue: the clause it interrupts is the content, in two parts
    ("South Carolina, he said, was “where we have a chance to beat Trump.”",
     [("mixed", "he", "say", "South Carolina, he said, was “where we have a chance to beat Trump.”")]),
    ("The economy, Smith said, would recover by June.",
     [("indirect", "Smith", "say", "The economy, Smith said, would recover by June")]),
    # a pronoun object counts when what follows it is quoted
    ("Marty West, a professor at Harvard, called it “an incredibly significant development.”",
     [("mixed", "Marty West", "call", "it “an incredibly significant development.”")]),
    # a dateline the parser took for a second subject
    ("LONDON (Reuters) - Donald Trump said he was unlikely to get along with David Cameron.",
     [("indirect", "Donald Trump", "say", "he was unlikely to get along with David Cameron")]),
    # a clause in front of the cue that says when is not what was said
    ("In a statement released after the senator suspended his campaign, Cruz said he is certain Rubio will win.",
     [("indirect", "Cruz", "say", "he is certain Rubio will win")]),
    # a cue inside what is reported belongs to that statement, not one of its own
    ("Trump said he thinks the Brexit is “a great thing.”",
     [("mixed", "Trump", "say", "he thinks the Brexit is “a great thing.”")]),
    ("Smith told reporters he believes his campaign has “the wind at our backs.”",
     [("mixed", "Smith", "tell", "he believes his campaign has “the wind at our backs.”")]),
    # ... while two statements side by side stay two
    ("He said he did not know what she meant, and Jones said it was over.",
     [("indirect", "He", "say", "he did not know what she meant"), ("indirect", "Jones", "say", "it was over")]),
    # the speaker of a cue under an adjective or a preposition is the clause's subject
    ("Democratic voters are slightly more likely to say that Clinton represents them.",
     [("indirect", "Democratic voters", "say", "Clinton represents them")]),
    ("After suggesting on Wednesday that he regretted the insults, Mr. Rubio said he would stay.",
     [("indirect", "Rubio", "suggest", "he regretted the insults"), ("indirect", "Rubio", "say", "he would stay")]),
    # no marks and nobody saying it is no statement; a passive has no speaker by nature
    ("That only escalated the fight.", []),
    ("The Fed is expected to raise rates on Wednesday.",
     [("indirect", None, "expect", "to raise rates on Wednesday")]),
    # a participle after a comma whose clause has no cue: the main verb's subject
    ("Band member Flea shared the news on social media last week, writing “Feels great to support him.”",
     [("direct", "Flea", "write", "Feels great to support him.")]),
    # any verb that closes a quotation the way "said" would is how it was said
    ("“France will always be France,” an angry Hollande retaliated.",
     [("direct", "Hollande", "retaliate", "France will always be France,")]),
    ("“Go back to Univision,” Trump barked and a security guard escorted Ramos out.",
     [("direct", "Trump", "bark", "Go back to Univision,")]),
    ("“Denver,” he answered.", [("direct", "he", "answer", "Denver,")]),
    # ... but not one that goes on with an object, nor a title before a verb
    ("“The Apprentice,” Trump hosted the show for years.", []),
    # a subject and verb introducing a quotation after a colon, the quotation a paragraph of its own
    ("Jared Potts, 17, echoed:\n\n“He speaks his mind, and I think that is what the country needs.”",
     [("direct", "Jared Potts", "echo", "He speaks his mind, and I think that is what the country needs.")]),
    ("Here is the list:\n\n“Apples, pears and plums.”", []),
    ("Wait, it gets better:\n\n\"By law, the president sets the number.\"", []),
    # a transcript: the speaker in capitals, the paragraph in quotation marks or not
    ("The debate went on.\n\n\"PENCE: Well, look, she thinks this is a show.\"\n\nWALLACE: But, Governor, I must ask you.",
     [("direct", "PENCE", ":", "Well, look, she thinks this is a show."),
      ("indirect", "WALLACE", ":", "But, Governor, I must ask you")]),
    ("President Clinton released the following statement: “Hillary and I offer our condolences.”",
     [("direct", "Clinton", "release", "Hillary and I offer our condolences.")]),
    ("Kelly responded pointedly, with a smile: “Can happen when you’re 45.”",
     [("direct", "Kelly", "respond", "Can happen when you’re 45.")]),
    ("Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”",
     [("direct", "Trump", "boom", "Let’s defeat her in November.")]),
    ("“This is fantastic!” beamed Donald Hartley of Madison, Alabama.",
     [("direct", "Donald Hartley", "beam", "This is fantastic!")]),
    ("“Jaws,” starring Roy Scheider, opened in 1975.", []),
    # a verb, its object and quoted words saying what the object is: the subject's words
    ("Obama condemned Friday's test as \"provocative and destabilizing\" and a threat.",
     [("mixed", "Obama", "condemn", "Friday's test as \"provocative and destabilizing\"")]),
    ("He dubbed Rubio “the little senator.”", [("mixed", "He", "dub", "Rubio “the little senator.”")]),
    ("Fans gave the band a “standing ovation” at the end.", []),
    ("Graham called both Trump and front-runner Hillary Clinton “crazy” and said the party would lose.",
     [("mixed", "Graham", "call", "both Trump and front-runner Hillary Clinton “crazy”"),
      ("indirect", "Graham", "say", "the party would lose")]),
    ("She also called for more “flexibility” for military advisers.", [("mixed", "She", "call", "for more “flexibility”")]),
    ("He acted in the Syfy movie “Sharknado 3: Oh Hell No!”", []),
    ("Cruz exhorted Republicans to \"vote your conscience\" and said he was standing on truth.",
     [("mixed", "Cruz", "exhort", "Republicans to \"vote your conscience\""), ("indirect", "Cruz", "say", "he was standing on truth")]),
    ("Clinton is describing as “unhinged” a tweet by her rival.", [("mixed", "Clinton", "describe", "as “unhinged”")]),
    ("She went to “The Tonight Show” on Friday.", []),
    ("The paper branded half of the claims “false” in its review.",
     [("mixed", "paper", "brand", "half of the claims “false”")]),
    ("Cruz has railed against what he calls the “Washington cartel” and cast himself as an outsider.",
     [("mixed", "he", "call", "the “Washington cartel”")]),
    # a cue with a clause of its own does not take the quotation before it
    ("Japan branded North Korea an \"outlaw nation.\" Russia insisted that Pyongyang \"stop its escapades.\"",
     [("mixed", "Japan", "brand", "North Korea an \"outlaw nation.\""),
      ("mixed", "Russia", "insist", "Pyongyang \"stop its escapades.\"")]),
    # complements the parser took for adverbial clauses
    ("Trump tweeted in the early morning hours that Machado was “disgusting.”",
     [("mixed", "Trump", "tweet", "Machado was “disgusting.”")]),
    ("Trump tells his supporters at a Michigan rally to “go to your place and vote.”",
     [("mixed", "Trump", "tell", "to “go to your place and vote.”")]),
    # a quotation in capitals on a line of its own is a heading, not more of the speaker's words
    ("“We will win this race,” Smith said.\n“DIVISIVE, STUPID AND WRONG”\nCameron will work with whoever is elected.",
     [("direct", "Smith", "say", "We will win this race,")]),
    # "According" the parse's root: the rest of the sentence after the comma
    ("According to radio host Rush Limbaugh, the move reeks of “fear” and desperation.",
     [("mixed", "Rush Limbaugh", "according to", "the move reeks of “fear” and desperation")]),
    # a clause after a comma is no complement of the cue, which keeps the quotation before it
    ("“You should resign,” Warren told Stumpf, after he admitted he had not been held accountable.",
     [("direct", "Warren", "tell", "You should resign,"), ("indirect", "Warren", "admit", "he had not been held accountable")]),
    # words the parse left out of the subject between the quotation and the name
    ("The shooting is under investigation.\n“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said.",
     [("direct", "Chuck Jordan", "say", "We will achieve justice in this case,")]),
    # a tag left in the text is no cue
    ("<tweet author=\"RandPaul\">My thoughts and prayers are with the victims.</tweet>.", []),
    # no-break spaces are spaces
    ("“We will win this race,”\xa0said Jane Smith.", [("direct", "Jane Smith", "say", "We will win this race,")]),
    # a dash the tagger took for a verb is no cue; the dash attribution stands
    ("“How did we get this low?”\xa0― Jacklyn Ashley\xa0\n“Trump must stop.”― Carla Sanchez.",
     [("direct", "Jacklyn Ashley", "―", "How did we get this low?"), ("direct", "Carla Sanchez", "―", "Trump must stop.")]),
    # a participle with a clause of its own reports that clause, not the scare quote before it
    # (the quoted words after "a defense of" are Trump's too, as PolNeAR marks them)
    ("Trump delivered a defense of “New York values,” saying the city embodied the “heart of America.”",
     [("mixed", "Trump", "deliver", "a defense of “New York values,”"),
      ("mixed", "Trump", "say", "the city embodied the “heart of America.”")]),
    # a participle cue trailing a reported clause is a statement of its own, by the same speaker
    ("Trump insisted that he has “expanded the Republican party,” claiming that he is responsible for the turnout.",
     [("mixed", "Trump", "insist", "he has “expanded the Republican party,”"),
      ("indirect", "Trump", "claim", "he is responsible for the turnout")]),
    ("She escalated her criticism on Tuesday, telling CNN that Trump is a “faker” and questioning how he got away with it.",
     [("indirect", "She", "escalate", "her criticism"), ("mixed", "She", "tell", "Trump is a “faker”"),
      ("indirect", "She", "question", "how he got away with it")]),
    # negatives: headings, the writer's questions, scare quotes, titles
    ("What happens next in the talks?", []),
    ("The so-called “reform” was passed by the Senate on Monday.", []),
    ("She watched “The Godfather” again last night.", []),
    # an unresolvable pronoun keeps a null speaker, not a guess
    ("He said the plan would fail.", [("indirect", "He", "say", "the plan would fail")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_constructions(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_unresolved_pronoun_has_null_speaker(nlp):
    text = "He said the plan would fail."
    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    (q,) = rec["quotes"]
    assert q["speaker"] is None
    assert q["speaker_mention"] == {"text": "He", "start": 0, "end": 2}


def test_positions(nlp):
    text = ("US Secretary of State Marco Rubio met Ukrainian President Volodymyr Zelensky. "
            "Jane Roe, the party's chairwoman, said the vote was fair.")
    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    pos = {s["name"]: [(p["title"], p["affiliation"]) for p in s["positions"]] for s in rec["speakers"]}
    assert pos["Marco Rubio"] == [("Secretary of State", "US")]
    assert pos["Volodymyr Zelensky"] == [("President", "Ukraine")]
    assert pos["Jane Roe"][0][0].lower() == "chairwoman"


def test_title_with_named_apposition_is_the_person(nlp):
    """"A spokesman for the campaign, Brian Fallon, said": the speaker is Brian
    Fallon, in the office the mention names; the raw mention is kept."""
    text = "A spokesman for the campaign, Brian Fallon, said the charge was “pathetic.”"
    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    (q,) = rec["quotes"]
    assert q["speaker_name"] == "Brian Fallon"
    assert q["speaker_mention"]["text"] == "A spokesman for the campaign"
    (sp,) = [s for s in rec["speakers"] if s["id"] == q["speaker"]]
    assert [(p["title"].lower(), p["affiliation"]) for p in sp["positions"]] == [("spokesman", "campaign")]


def test_parenthetical_cue_parts(nlp):
    """The two pieces around "Smith said" are the quote's parts, exact to the character."""
    text = "The economy, Smith said, would recover by June."
    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    (q,) = rec["quotes"]
    assert [p["text"] for p in q["parts"]] == ["The economy", "would recover by June"]
    assert all(text[p["start"] : p["end"]] == p["text"] for p in q["parts"])
