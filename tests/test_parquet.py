"""-f parquet: typed tables that pyarrow and DuckDB read as they are, with
the CSV tables' columns and values and ids that join them."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.write.formats import Table
from claimx.write.parquet import ARTICLE_COLUMNS, TABLES, table_rows
from claimx.write.writers import COLUMNS, values

pa = pytest.importorskip("pyarrow", reason='Parquet output needs pyarrow: pip install "claimx[parquet]"')
pq = pytest.importorskip("pyarrow.parquet")
runner = CliRunner()

ARTICLES = [
    {"id": "smith", "published": "2025-08-18",
     "text": "“We will win this race,” Governor Jane Smith said on Sunday.\n\nShe added that the vote was fair.\n"},
    {"id": "doe", "title": "Taxes", "text": "The minister, John Doe, told reporters on Monday that taxes would fall next year.\n"},
    {"id": "none", "text": "Nothing was said here at all.\n"},
    {"id": "formula", "text": "“=SUM(A1) is no formula,” said Ann Lee.\n"},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("pq") / "news.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES) + "{bad\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def jsonl(corpus):
    r = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl"])
    assert r.exit_code == 1  # the bad line
    return r.stdout


@pytest.fixture(scope="module")
def records(jsonl):
    return [json.loads(line) for line in jsonl.splitlines()]


@pytest.fixture(scope="module")
def out(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("pq-out") / "tables"
    r = runner.invoke(app, ["extract", str(corpus), "-f", "parquet", "-o", str(out)])
    assert r.exit_code == 1, r.stderr
    assert f"{corpus}:5: not valid JSON" in r.stderr
    return out


def test_one_folder_per_table_and_the_records_beside(out, jsonl):
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLES, "part-00000.jsonl"])
    for t in TABLES:
        assert [p.name for p in (out / t).iterdir()] == ["part-00000.parquet"]
    assert (out / "part-00000.jsonl").read_text(encoding="utf-8") == jsonl  # the whole records, as -f jsonl


@pytest.mark.parametrize(
    ("table", "typed"),
    [
        ("quotes", {"start": "int32", "end": "int32", "paragraph": "int32", "confidence": "double",
                    "date": "date32[day]", "text": "string", "speaker_id": "string"}),
        ("speakers", {"mentions": "int32", "quote_count": "int32", "name": "string"}),
        ("dates", {"start": "int32", "value": "string", "kind": "string"}),
        ("articles", {"published": "date32[day]", "reference_date": "date32[day]", "quotes": "int32", "text": "string"}),
    ],
)
def test_columns_and_types(out, table, typed):
    schema = pq.read_schema(out / table / "part-00000.parquet")
    assert schema.names == (ARTICLE_COLUMNS if table == "articles" else COLUMNS[Table(table)])
    assert {name: str(schema.field(name).type) for name in typed} == typed


@pytest.mark.parametrize("table", ["quotes", "speakers", "dates"])
def test_rows_hold_the_csv_values_unescaped(out, records, table):
    rows = pq.read_table(out / table).to_pylist()
    expected = [row for rec in records for row in values(rec, Table(table))]
    assert len(rows) == len(expected) > 0
    for got, want in zip(rows, expected, strict=True):
        want = dict(zip(COLUMNS[Table(table)], want, strict=True))
        if table == "quotes":
            want["date"] = dt.date.fromisoformat(want["date"]) if want["date"] else None
        assert got == want
    if table == "quotes":
        assert "=SUM(A1) is no formula," in [r["text"] for r in rows]  # no spreadsheet apostrophe in Parquet
        assert rows[0]["date"] == dt.date(2025, 8, 17)  # "said on Sunday", published on Monday the 18th


def test_articles_table(out, records):
    rows = pq.read_table(out / "articles").to_pylist()
    assert [r["article_id"] for r in rows] == ["smith", "doe", "none", "formula"]
    smith = rows[0]
    assert smith["published"] == dt.date(2025, 8, 18) and smith["reference_date_source"] == "metadata"
    assert [r["quotes"] for r in rows] == [len(rec["quotes"]) for rec in records]
    assert rows[1]["title"] == "Taxes" and rows[2]["quotes"] == 0 and rows[0]["text"] is None


def test_duckdb_joins_quotes_to_speakers_and_articles(out):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    joined = con.sql(f"""
        select q.article_id, q.quote_id, q.speaker, s.name, a.published
        from read_parquet('{out}/quotes/*.parquet') q
        join read_parquet('{out}/articles/*.parquet') a using (article_id)
        left join read_parquet('{out}/speakers/*.parquet') s using (article_id, speaker_id)
        order by q.article_id, q.quote_id""").fetchall()
    assert ("smith", "q1", "Jane Smith", "Jane Smith", dt.date(2025, 8, 18)) in joined
    assert all(speaker == name for _, _, speaker, name, _ in joined if name is not None)
    n_quotes = con.sql(f"select count(*) from read_parquet('{out}/quotes/*.parquet')").fetchall()[0][0]
    assert len(joined) == n_quotes


def test_table_rows_types():
    rec = {"article": {"id": "x", "source": "x.txt", "title": None, "author": None, "published": "2025-01-02",
                       "reference_date": None, "reference_date_source": None, "url": None, "fingerprint": "AAAA",
                       "language": "en", "outlet": "The Daily Example"},
           "speakers": [], "quotes": [], "dates": [{"text": "now", "start": 3, "end": 6, "value": "PRESENT_REF",
                                                   "kind": "date"}]}
    assert table_rows(rec, "articles") == [("x", "x.txt", None, None, dt.date(2025, 1, 2), None, None, None, "AAAA", 0, 0,
                                            1, None, "en", "The Daily Example")]
    assert table_rows(rec, "dates") == [("x", "now", 3, 6, "PRESENT_REF", "date")]
    assert table_rows(rec, "quotes") == []


def test_include_text_and_rerun_replaces_leftovers(corpus, tmp_path):
    out = tmp_path / "t"
    (out / "quotes").mkdir(parents=True)
    (out / "quotes" / "part-00007.parquet").write_bytes(b"stale")  # as an earlier cluster run might leave
    (out / "_manifest.json").write_text("{}", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(corpus), "-f", "parquet", "-o", str(out), "--include-text", "-q"])
    assert r.exit_code == 1
    assert [p.name for p in (out / "quotes").iterdir()] == ["part-00000.parquet"]
    assert not (out / "_manifest.json").exists()
    texts = pq.read_table(out / "articles", columns=["text"]).column("text").to_pylist()
    assert texts == [a["text"] for a in ARTICLES]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "parquet"], "-f parquet writes a folder of tables: give one with -o DIR/"),
    ],
)
def test_usage_errors(corpus, args, message):
    r = runner.invoke(app, ["extract", str(corpus), *args])
    assert r.exit_code == 2 and message in r.stderr


def test_without_pyarrow_one_line_says_how_to_install(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    r = runner.invoke(app, ["extract", str(corpus), "-f", "parquet", "-o", str(tmp_path / "x")])
    assert r.exit_code == 2
    assert r.stderr.strip() == 'error: Parquet output needs pyarrow: pip install "claimx[parquet]"'
    assert not (tmp_path / "x").exists()
