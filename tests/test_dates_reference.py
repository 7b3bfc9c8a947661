"""The reference date (claimx.pipeline.dates.reference): the day an article was
written, from its metadata, the option, its dateline or its text."""

import datetime as dt

import pytest

from claimx.pipeline.dates import dateline_date, infer_reference_date, reference_date


def test_weekday_beside_date_pins_year():
    text = "The minister said on Sunday (August 17) that talks would go on."
    assert infer_reference_date(text, today=dt.date(2026, 11, 25)) == dt.date(2025, 8, 17)
    assert infer_reference_date("No dates at all.", today=dt.date(2026, 11, 25)) is None


def test_dateline():
    assert dateline_date("WASHINGTON, Aug. 17 (Reuters) — The talks", today=dt.date(2025, 9, 1)) == dt.date(2025, 8, 17)
    assert dateline_date("Nothing like a dateline here.") is None


TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "metadata", "published", "expected"),
    [
        # metadata first, then the option, then the dateline, then a weekday beside a date
        ("WASHINGTON, Aug. 17 (Reuters) — Talks.", "2024-01-02", dt.date(2023, 5, 6), (dt.date(2024, 1, 2), "metadata")),
        ("WASHINGTON, Aug. 17 (Reuters) — Talks.", None, dt.date(2023, 5, 6), (dt.date(2023, 5, 6), "option")),
        ("WASHINGTON, Aug. 17 (Reuters) — Talks.", None, None, (dt.date(2026, 8, 17), "dateline")),
        ("He spoke on Sunday (August 17).", None, None, (dt.date(2025, 8, 17), "text")),
        ("No dates at all.", None, None, (None, None)),
    ],
)
def test_reference_date_sources(text, metadata, published, expected):
    assert reference_date(text, metadata, published, today=TODAY) == expected


def test_relative_dates_without_reference_stay_null(nlp):
    """With no reference date a relative expression is kept with a null value."""
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    text = "The minister will arrive on Monday."
    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    assert rec["article"]["reference_date"] is None
    assert [(d["text"], d["value"]) for d in rec["dates"]] == [("Monday", None)]


SAT = dt.date(2024, 3, 16)  # a Saturday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # filed on Friday, published on Saturday: the story tells of Friday
        ("ROME, March 15 (Xinhua) -- Italy said on Friday it would join.", SAT, dt.date(2024, 3, 15)),
        ("LAGOS, Mar. 14 (Reuters) - The central bank held rates.", SAT, dt.date(2024, 3, 14)),
        # negatives: the dateline is the publication day, after it, too far before it, or missing
        ("ROME, March 16 (Xinhua) -- Italy said on Saturday it would join.", SAT, None),
        ("ROME, March 18 (Xinhua) -- Italy will join.", SAT, None),
        ("ROME, March 2 (Xinhua) -- Italy said it would join.", SAT, None),
        ("Italy said on Friday it would join.", SAT, None),
        ("ROME, March 15 (Xinhua) -- Italy said on Friday it would join.", None, None),
    ],
)
def test_story_day_from_an_earlier_dateline(text, published, expected):
    from claimx.pipeline.dates.reference import story_day

    assert story_day(text, published) == expected


def test_relative_days_count_from_the_story_day(nlp):
    """Wire copy filed on Friday and published on Saturday: its "today" is
    the Friday it was filed and its "tomorrow" the Saturday (TimeML 1.2.1
    §2.2 anchors relative dates on the time the text establishes)."""
    from tests.dates_cases import readings

    story = "The talks ended today and resume tomorrow, officials said."
    text = "BUDAPEST, March 15 (Xinhua) --\n\n" + story
    assert readings(nlp, text, "2024-03-16") == [
        ("March 15", "2024-03-15", "date"), ("today", "2024-03-15", "date"), ("tomorrow", "2024-03-16", "date")]
    # the same story with no dateline reads from the day it was published
    assert readings(nlp, story, "2024-03-16") == [("today", "2024-03-16", "date"), ("tomorrow", "2024-03-17", "date")]


def test_a_statement_s_day_counts_from_the_story_day_too(nlp):
    """The day a quote was given on and the article's own expressions agree:
    copy filed on Thursday March 14 and published on Saturday the 16th says
    "said on Friday": the Friday before the story's Thursday (the 8th) for
    both, not the 8th for the expression and the 15th for the quote."""
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    text = "BUDAPEST, March 14 (Xinhua) -- The minister said on Friday that the talks would resume.\n"
    rec = build_record(Article("t", "t", text, published="2024-03-16"), nlp(text)).to_dict()
    friday = [d["value"] for d in rec["dates"] if d["text"] == "Friday"]
    assert friday == ["2024-03-08"]
    assert [q["date"] for q in rec["quotes"]] == friday
    # no dateline: both count from the day it was published
    plain = "The minister said on Friday that the talks would resume.\n"
    rec = build_record(Article("t", "t", plain, published="2024-03-16"), nlp(plain)).to_dict()
    assert [q["date"] for q in rec["quotes"]] == [d["value"] for d in rec["dates"]] == ["2024-03-15"]


# a dateline opening one of the first paragraphs, after a headline or a saved
# page's title line: a place in capitals, a date, a dash or an agency in brackets
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Council Passes Budget\n\nSPRINGFIELD, March 3, 2026 — The council approved the plan on Tuesday.",
         dt.date(2026, 3, 3)),
        ("Strike Ends at Port\nOAKLAND, March 2 (Wire) — Dock workers ended a strike on Monday.", dt.date(2026, 3, 2)),
        ("Flood Warning Lifted\nBy Staff Reporter\nNEW ORLEANS, Sept. 9 - The river fell overnight.",
         dt.date(2026, 9, 9)),
        ("Mill to Close\nPORTLAND, Maine, Jan. 14 (AP) The mill will shut in spring.", dt.date(2026, 1, 14)),
        # negatives: a place and a date inside a sentence, a dateline too far down,
        # a paragraph opening with an ordinary sentence that names a date
        ("Mayor Speaks\nThe mayor, speaking in SPRINGFIELD, March 3 — a cold day — said little.", None),
        ("Mayor Speaks\nShe arrived on Monday.\nHe left.\nThey met.\nNobody spoke.\nBOSTON, May 4 — Later.", None),
        ("Mayor Speaks\nOn March 3 — a Tuesday — the council met.", None),
        ("Mayor Speaks\nCity officials, March 3 — the day of the vote — were tense.", None),
    ],
)
def test_dateline_opening_an_early_paragraph(text, expected):
    assert dateline_date(text, today=TODAY) == expected


def test_dateline_after_a_headline_sets_the_reference_date(nlp):
    """A saved page's title line comes before its dateline: the dateline still
    anchors the weekdays and "next year" of the story."""
    from tests.dates_cases import readings

    text = ("Council Approves Budget\nSPRINGFIELD, March 3, 2026 — The council approved the budget on Tuesday. "
            "The mayor said the transit fund would be reviewed next year.")
    assert reference_date(text, None, None, today=TODAY) == (dt.date(2026, 3, 3), "dateline")
    assert [(t, v) for t, v, _ in readings(nlp, text)] == [
        ("March 3, 2026", "2026-03-03"), ("Tuesday", "2026-03-03"), ("next year", "2027")]


# the one reading of a dateline (dates.reference.dateline_at), which the
# reference date, page furniture, span trimming and speakers all read
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON (Reuters) — Talks resumed.", "WASHINGTON (Reuters) — "),
        ("DAR ES SALAAM, Tanzania (AP) _ The vote was close.", "DAR ES SALAAM, Tanzania (AP) _ "),
        ("JACKSON, Miss. - Gov. Phil Bryant said no.", "JACKSON, Miss. - "),
        ("TALLAHASSEE — Rep. Gwen Graham said no.", "TALLAHASSEE — "),
        ("CLEVELAND, July 19 (UPI) — Delegates met.", "CLEVELAND, July 19 (UPI) — "),
        ("WASHINGTON, Aug. 17, 2025 — Talks resumed.", "WASHINGTON, Aug. 17, 2025 — "),
        # a place not in capitals names its agency; a date and an agency need no dash
        ("New York (AFP) – Senator Mary Jones said no.", "New York (AFP) – "),
        ("Rio de Janeiro (AFP) - The games opened.", "Rio de Janeiro (AFP) - "),
        ("PORTLAND, Maine, Jan. 14 (AP) The mill will shut.", "PORTLAND, Maine, Jan. 14 (AP) "),
        # negatives: a sentence's subject and a date, a weekday, a month, a
        # hyphenated word, a party in brackets, a capitalised word with no dash
        ("City officials, March 3 — the day of the vote — were tense.", None),
        ("Monday, March 2 — the council met.", None),
        ("On March 3 — a Tuesday — the council met.", None),
        ("WASHINGTON-BASED groups said no.", None),
        ("Rep. Jane Smith (D) — who chairs the panel — said no.", None),
        ("Washington, Aug. 17 — Talks resumed.", None),
        ("LONDON is calm.", None),
        # a person and a bracket that names no agency; words joined by a dash
        ("Boris Johnson (pictured) - who was elected in 2019 - said no.", None),
        ("Sen. Bernie Sanders (Vermont) – the independent – said no.", None),
        ("Gen. John Allen (Ret.) — the former commander — said no.", None),
        ("U.S.–China trade talks will resume in May.", None),
        ("NATO—Russia relations are tense.", None),
        # a dash glued to the next word after a date (as the WSJ writes it)
        ("WASHINGTON, Aug. 17—Talks resumed.", "WASHINGTON, Aug. 17—"),
    ],
)
def test_dateline_at(text, expected):
    from claimx.pipeline.dates.reference import dateline_at

    m = dateline_at(text)
    assert (m.group(0) if m is not None else None) == expected


# the reference date also reads a dated dateline in mixed case on the
# article's first line ("Washington, Aug. 17 —"), as some outlets write it;
# not on a later line, where a headline's words could stand before a date,
# and not without a date or a dash
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington, Aug. 17 — Talks resumed.", dt.date(2026, 8, 17)),
        ("  Des Moines, Iowa, Jan. 14 - The caucus opened.", dt.date(2026, 1, 14)),
        ("Talks resume\nWashington, Aug. 17 — Talks resumed.", None),
        ("Washington (Aug. 17) talks resumed.", None),
        ("Monday, Aug. 17 — Talks resumed.", None),
        ("Mon., Aug. 17 — Talks resumed.", None),
        ("City officials, March 3 — the day of the vote — were tense.", None),
    ],
)
def test_a_dated_opening_in_mixed_case(text, expected):
    assert dateline_date(text, today=TODAY) == expected
