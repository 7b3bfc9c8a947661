"""The dates of an article's statements (claimx.pipeline.dates.article): the day
attached to a cue, and words inside a quote counted from that day."""

import datetime as dt

import pytest

from claimx.pipeline.dates import article_dates, statement_dates


def test_statement_dates_are_days(nlp):
    """A statement is made on a day: the date attached to its cue counts only
    when it names one ("said on Monday"), not the time of what was said
    ("growth in the first quarter is expected to slow")."""
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    text = ("Her spokesman said on Monday that May will travel to Brussels. "
            "Growth in the first quarter is expected to slow.")
    rec = build_record(Article("t", "t", text, published="2019-04-01"), nlp(text)).to_dict()
    dates = {q["cue"]["text"]: q["date"] for q in rec["quotes"]}
    assert dates["said"] == "2019-04-01"
    assert "expected" in dates and dates["expected"] is None


def test_statement_date_from_a_time_and_not_from_the_cue_between_parts(nlp):
    """"told reporters late Sunday night" dates the statement to Sunday; a
    "yesterday" between the parts of a quote is the reporter's, counted from
    the article's date, not from the statement's."""
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    text = '"We will not give in," Hollande told reporters late Sunday night. "Not today."'
    rec = build_record(Article("t", "t", text, published="2015-01-12"), nlp(text)).to_dict()
    assert [q["date"] for q in rec["quotes"]] == ["2015-01-11"]
    text = ('"We will not go over a certain level," said David McCammon, the vice president, '
            'at a news conference yesterday in Dearborn. "There is some price at which we would stop."')
    rec = build_record(Article("t", "t", text, published="1989-10-27"), nlp(text)).to_dict()
    assert [(d["text"], d["value"]) for d in rec["dates"]] == [("yesterday", "1989-10-26")]


def _said(text: str, quote_type: str, cue_date: str | None) -> tuple[list, list]:
    """The quotes and mentions a Doc would carry for ``text``: one statement
    by s1 whose cue is the first "said", the words in quotation marks (or
    after "that"), and the dates "Monday" (on the cue when ``cue_date``) and
    "tomorrow"."""
    cue = text.index("said")
    if quote_type == "indirect":
        start = text.index("that") + 5
        end = len(text) - 1
    else:
        start, end = text.index("“") + 1, text.index("”")
    quotes = [{"cue": [cue, cue + 4, "say"], "parts": [[start, end]], "speaker": "s1", "type": quote_type}]
    mentions = []
    for word in ("Monday", "tomorrow", "the first quarter"):
        if word in text:
            at = text.index(word)
            head = cue if word == cue_date else -1
            mentions.append([at, at + len(word), "past", head, False, False])
    return quotes, mentions


WED = dt.date(2025, 8, 20)


@pytest.mark.parametrize(
    ("text", "quote_type", "cue_date", "day", "dates"),
    [
        # the day on the cue dates the statement; "tomorrow" in its words counts from it
        ("Smith said on Monday: “We go tomorrow.”", "direct", "Monday", "2025-08-18",
         [("Monday", "2025-08-18"), ("tomorrow", "2025-08-19")]),
        # ... but in an indirect quote from the article's date
        ("Smith said on Monday that they go tomorrow.", "indirect", "Monday", "2025-08-18",
         [("Monday", "2025-08-18"), ("tomorrow", "2025-08-21")]),
        # no date on the cue: no day, and "tomorrow" from the article's date
        ("Smith said: “We go tomorrow.”", "direct", None, None, [("tomorrow", "2025-08-21")]),
        # a quarter on the cue is no day to date a statement by
        ("Smith said in the first quarter that they go.", "indirect", "the first quarter", None,
         [("the first quarter", "2025-Q1")]),
    ],
)
def test_statement_dates_table(text, quote_type, cue_date, day, dates):
    quotes, mentions = _said(text, quote_type, cue_date)
    days = statement_dates(text, quotes, mentions, WED)
    assert days == [day]
    found = [(text[s:e], v) for s, e, v, _, _ in article_dates(text, mentions, WED, quotes, days)]
    assert found == dates


def test_statement_dates_follow_the_speaker():
    """A statement with no day of its own takes its speaker's previous one,
    not another speaker's."""
    text = "Smith said on Monday: “Yes.” Jones said: “No.” Smith said: “Maybe.”"
    cues = [i for i in range(len(text)) if text.startswith("said", i)]
    opens = [i + 1 for i in range(len(text)) if text[i] == "“"]
    closes = [i for i in range(len(text)) if text[i] == "”"]
    quotes = [
        {"cue": [c, c + 4, "say"], "parts": [[a, b]], "speaker": s, "type": "direct"}
        for c, a, b, s in zip(cues, opens, closes, ["s1", "s2", "s1"], strict=True)
    ]
    at = text.index("Monday")
    mentions = [[at, at + 6, "past", cues[0], False, False]]
    assert statement_dates(text, quotes, mentions, WED) == ["2025-08-18", None, "2025-08-18"]


def test_words_that_are_no_date_are_dropped():
    """An expression with no value and no word of time was never a date."""
    text = "The Olympic team met on Monday."
    mentions = [[4, 11, "past", -1, False, False], [text.index("Monday"), len(text) - 1, "past", -1, False, False]]
    assert article_dates(text, mentions, WED, [], []) == [(text.index("Monday"), len(text) - 1, "2025-08-18", "date", "relative: <weekday>")]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a statement dated by a zoned clock time on a day, or a 24-hour time alone
        ("“We will not resign,” the minister told reporters at 21:30 GMT on Thursday.", "2024-03-15", "2024-03-14"),
        ("“The market will recover,” the analyst said at 09:10 GMT.", "2024-03-15", "2024-03-15"),
        # a vague time dates no statement
        ("“It was a mistake,” he said at that time.", "2024-03-15", None),
    ],
)
def test_statement_dates_from_newer_news(nlp, text, published, day):
    """A quote's date uses the same machinery as the article's dates."""
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    rec = build_record(Article("t", "t", text, published=published), nlp(text)).to_dict()
    assert [q["date"] for q in rec["quotes"]] == [day]
