"""A wire story and what outlets make of it, written for the tests: copies
(another headline, a byline, a paragraph cut, words changed, the end cut)
and paraphrases (the same facts in other words), and another story."""

WIRE = [
    "WASHINGTON (AP) — The Senate approved a $52 billion plan on Tuesday to rebuild bridges and tunnels across "
    "the country, sending the measure to the House after weeks of negotiations over how to pay for it.",
    "“This is the most important investment in our roads in a generation,” Senator Jane Smith said after the vote, "
    "adding that work on the first projects could begin as early as next spring.",
    "The bill passed 61 to 38, with nine Republicans joining Democrats in support. Opponents argued that the plan "
    "relied on accounting tricks and would add to the deficit over the next decade.",
    "“We are borrowing from our grandchildren to pave a road to nowhere,” Senator John Doe told reporters outside "
    "the chamber, calling the funding formula unfair to rural states.",
    "The House is expected to take up the measure next month. The Transportation Department has said more than "
    "40,000 bridges are in poor condition and need urgent repairs.",
]

COPIES = {
    "the same text": WIRE,
    "another headline and a byline": ["Senate passes $52 billion bridge plan", "By The Associated Press", *WIRE],
    "a paragraph cut": WIRE[:3] + WIRE[4:],
    "words changed": [p.replace("said", "says").replace("Tuesday", "Tuesday evening").replace("next month", "in June")
                      for p in WIRE],
    "the end cut": WIRE[:3],
}

PARAPHRASES = {
    "the same facts in other words": [
        "Lawmakers in the Senate voted on Tuesday for a $52 billion package to repair the nation's bridges and "
        "tunnels, and the House will now consider it after a long fight about funding.",
        "Senator Jane Smith called it the biggest road investment in a generation and said the first repairs might "
        "start next spring. “This is the most important investment in our roads in a generation,” she said.",
        "Nine Republicans sided with Democrats in the 61-38 vote. Critics said the bill used accounting gimmicks "
        "and would increase the deficit.",
        "Senator John Doe said the plan borrowed from future generations and treated rural states unfairly.",
    ],
    "another outlet's report": [
        "A bridge-repair bill worth $52 billion cleared the Senate this week, 61 votes to 38.",
        "Supporters, led by Jane Smith, hailed the measure as a generational investment; Republicans such as John "
        "Doe warned it would swell the deficit and shortchange the countryside.",
        "More than 40,000 bridges are rated in poor condition, according to federal transportation officials. "
        "The House takes up the bill next month.",
    ],
}

OTHER = [
    "The city council voted on Monday to close two libraries and cut the parks budget by a fifth, citing a "
    "shortfall in property tax revenue.",
    "“Nobody wanted this,” Mayor Mary Major said, adding that the city would look for private donors to keep the "
    "branches open.",
]


def text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)
