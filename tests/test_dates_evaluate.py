"""The TimeML scorer (claimx.evaluate.timeml): value F1 overall, and per
family of the rules that read each prediction, adding up to the whole."""

from claimx.evaluate.timeml import Timex, read_tml, score

GOLD = [Timex(0, 9, "TIME", "2024-03-15T21:30"), Timex(20, 26, "SET", "P1Y"), Timex(40, 47, "DATE", "2023")]


def test_values_are_scored_per_family():
    pred = [
        Timex(0, 9, "TIME", "2024-03-15T21:30", "times: <clock time>"),  # right
        Timex(20, 26, "SET", "P1D", "sets: daily"),  # matched, wrong value
        Timex(30, 35, "DATE", "2024", "stretches: the year"),  # no gold
    ]  # the third gold is missed
    s = score([(GOLD, pred)])
    assert s["family.times"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "predicted": 1, "gold": 1}
    assert (s["family.sets"]["tp"], s["family.sets"]["predicted"], s["family.sets"]["gold"]) == (0, 1, 1)
    assert (s["family.stretches"]["predicted"], s["family.stretches"]["gold"]) == (1, 0)
    assert (s["family.(missed)"]["predicted"], s["family.(missed)"]["gold"]) == (0, 1)
    families = [v for k, v in s.items() if k.startswith("family.")]
    assert sum(f["tp"] for f in families) == s["value"]["tp"] == 1
    assert sum(f["predicted"] for f in families) == s["value"]["predicted"] == 3
    assert sum(f["gold"] for f in families) == s["value"]["gold"] == 3


def test_a_prediction_no_rule_read():
    s = score([(GOLD[:1], [Timex(0, 9, "DATE", None)])])
    assert (s["family.(no rule)"]["predicted"], s["family.(no rule)"]["gold"], s["value"]["tp"]) == (1, 1, 0)


def test_read_tml_offsets():
    doc = read_tml('<DCT><TIMEX3 tid="t0" value="2024-03-15"/></DCT><TEXT>At <TIMEX3 tid="t1" type="TIME" '
                   'value="2024-03-15T21:30">21:30 UTC</TIMEX3> &amp; later.</TEXT>')
    (g,) = doc.gold
    assert (doc.dct, doc.text[g.start:g.end], g.value) == ("2024-03-15", "21:30 UTC", "2024-03-15T21:30")


TML = """<?xml version="1.0" ?>
<TimeML><DOCID>wire1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-15" functionInDocument="CREATION_TIME">2024-03-15</TIMEX3></DCT>
<TEXT>Brent crude rose 2 percent to $84.20 a barrel by <TIMEX3 tid="t1" type="TIME" value="2024-03-15T11:30">1130 GMT</TIMEX3>.
The exporter ships 50,000 barrels <TIMEX3 tid="t2" type="SET" value="P1D">a day</TIMEX3>, up from 40,000
<TIMEX3 tid="t3" type="DATE" value="2023">last year</TIMEX3>.</TEXT></TimeML>
"""


def test_eval_dates_reports_families(tmp_path):
    import json

    from typer.testing import CliRunner

    from claimx.cli import app

    (tmp_path / "wire1.tml").write_text(TML, encoding="utf-8")
    r = CliRunner().invoke(app, ["eval", "--dates", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert s["value"]["f1"] == 1.0
    assert {k: v["tp"] for k, v in s.items() if k.startswith("family.")} == {
        "family.relative": 1, "family.sets": 1, "family.times": 1}


def test_zoned_times_compare_without_their_zone():
    """A trailing Z or UTC offset on a time is how it was written, not a
    different time (TimeML 1.2.1 §2.2, value): newer TimeML corpora write
    "T07:40Z" where TimeBank writes "T07:40"."""
    from claimx.evaluate.timeml import plain_value

    gold = [Timex(0, 9, "TIME", "2024-03-15T07:40Z"), Timex(20, 30, "TIME", "2024-03-15T17:00-05:00"),
            Timex(40, 50, "TIME", "2024-03-15T09:00")]
    pred = [Timex(0, 9, "TIME", "2024-03-15T07:40"), Timex(20, 30, "TIME", "2024-03-15T17:00"),
            Timex(40, 50, "TIME", "2024-03-15T09:00+01:00")]
    assert score([(gold, pred)])["value"]["tp"] == 3
    # negatives: another clock time, a date's dash, a duration are no zones
    assert score([(gold[:1], [Timex(0, 9, "TIME", "2024-03-15T07:41")])])["value"]["tp"] == 0
    assert plain_value("2024-03-15") == "2024-03-15"
    assert plain_value("PT24H") == "PT24H"
    assert plain_value("2024-03-15TNI") == "2024-03-15TNI"
    assert plain_value(None) is None
