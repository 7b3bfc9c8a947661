"""The command line as a user runs it: exit codes, stdout that parses,
messages on stderr, every format and input kind, bad inputs."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
import yaml
from typer.testing import CliRunner

from claimx.cli import app
from claimx.records import ArticleRecord

from .conftest import SAMPLES, all_spans

SEED = str(SAMPLES / "rubio-cbs.txt")
runner = CliRunner()

SHORT = "“We will win this race,” Governor Jane Smith said on Monday.\n\nShe added that the vote was fair.\n"


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def short_txt(tmp_path):
    p = tmp_path / "short.txt"
    p.write_text(SHORT, encoding="utf-8")
    return p


def test_version_and_help():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("claimx ")
    r = run("-h")
    assert r.exit_code == 0 and "extract" in r.stdout


def test_extract_seed_yaml_validates():
    r = run("extract", SEED)
    assert r.exit_code == 0, r.stderr
    data = yaml.safe_load(r.stdout)
    ArticleRecord.model_validate(data)
    assert data["schema"] == "claimx/1"
    assert "Marco Rubio" in [s["name"] for s in data["speakers"]]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml"])
def test_structured_formats_validate_and_offsets_hold(fmt, short_txt):
    text = short_txt.read_text(encoding="utf-8")
    r = run("extract", str(short_txt), "-f", fmt)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout) if fmt != "yaml" else yaml.safe_load(r.stdout)
    rec = ArticleRecord.model_validate(data).to_dict()
    assert rec["quotes"][0]["speaker_name"] == "Jane Smith"
    for span in all_spans(rec):
        assert text[span["start"] : span["end"]] == span["text"]


def test_json_array_for_several_inputs(short_txt):
    r = run("extract", str(short_txt), SEED, "-f", "json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert [d["article"]["id"] for d in data] == ["short", "rubio-cbs"]


@pytest.mark.parametrize(("fmt", "delim"), [("csv", ","), ("tsv", "\t")])
def test_csv_has_fixed_header(fmt, delim, short_txt):
    r = run("extract", str(short_txt), "-f", fmt)
    assert r.exit_code == 0
    rows = list(csv.reader(io.StringIO(r.stdout), delimiter=delim))
    assert rows[0][:14] == ["article_id", "quote_id", "speaker", "positions", "type", "act", "cue", "addressee",
                            "date", "text", "start", "end", "paragraph", "confidence"]
    assert rows[1][0] == "short" and rows[1][2] == "Jane Smith" and rows[1][3] == "Governor"
    assert rows[1][5] == "speech"


@pytest.mark.parametrize("table", ["speakers", "dates"])
def test_csv_tables(table, short_txt):
    r = run("extract", str(short_txt), "-f", "csv", "--table", table)
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert r.exit_code == 0 and len(rows) >= 2
    assert rows[0][0] == "article_id"


def test_output_file_infers_format(tmp_path, short_txt):
    out = tmp_path / "out.jsonl"
    r = run("extract", str(short_txt), "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["article"]["id"] == "short"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_dir_one_file_per_article(tmp_path, short_txt):
    out = tmp_path / "outdir"
    r = run("extract", str(short_txt), SEED, "-o", str(out) + "/", "-f", "json")
    assert r.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["rubio-cbs.json", "short.json"]


def test_stdin():
    r = run("extract", "-", "-f", "json", input=SHORT)
    assert r.exit_code == 0
    assert json.loads(r.stdout)["article"]["id"] == "stdin"


def test_directory_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    r = run("extract", str(tmp_path), "-f", "jsonl")
    assert r.exit_code == 0
    assert [json.loads(x)["article"]["id"] for x in r.stdout.splitlines()] == ["a", "z"]


def test_html_input(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in SHORT.split("\n\n"))
    html = ("<html><head><title>Smith wins</title><meta name='author' content='Ann Writer'>"
            "<meta property='article:published_time' content='2024-03-04'></head><body><article>"
            f"<h1>Smith wins</h1>{body}<p>More text follows in this article about the race and the vote.</p>"
            "</article></body></html>")
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    r = run("extract", str(p), "-f", "json", "--include-text")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["article"]["title"] == "Smith wins"
    assert data["article"]["published"] == "2024-03-04"
    assert data["article"]["reference_date_source"] == "metadata"
    for span in all_spans(data):
        assert data["text"][span["start"] : span["end"]] == span["text"]
    assert data["quotes"] and data["quotes"][0]["speaker_name"] == "Jane Smith"


def test_jsonl_corpus_with_bad_line(tmp_path):
    p = tmp_path / "corpus.jsonl"
    p.write_text(json.dumps({"id": "one", "text": SHORT, "published": "2024-05-01"}) + "\n{not json\n"
                 + json.dumps({"text": SHORT}) + "\n", encoding="utf-8")
    r = run("extract", str(p), "-f", "jsonl")
    assert r.exit_code == 1
    ids = [json.loads(x)["article"]["id"] for x in r.stdout.splitlines()]
    assert ids == ["one", "corpus:3"]
    assert f"{p}:2" in r.stderr and "not valid JSON" in r.stderr
    assert "Traceback" not in r.stderr


def test_csv_corpus(tmp_path):
    p = tmp_path / "corpus.csv"
    with open(p, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "published"])
        w.writerow(["x1", SHORT, "2024-05-06"])
    r = run("extract", str(p), "-f", "json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data["article"]["id"] == "x1" and data["article"]["reference_date"] == "2024-05-06"
    assert data["dates"][0]["value"] == "2024-05-06"  # "on Monday" said in an article of Monday 6 May


def test_published_option(short_txt):
    r = run("extract", str(short_txt), "-f", "json", "--published", "2024-05-08")
    data = json.loads(r.stdout)
    assert data["article"]["reference_date_source"] == "option"
    assert data["dates"][0]["value"] == "2024-05-06"
    r = run("extract", str(short_txt), "--published", "yesterday")
    assert r.exit_code == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("broken.html", b"<html><body><div><p", "no article text"),
        ("nojson.jsonl", b"{oops\n", "not valid JSON"),
        ("notext.csv", b"id,body\n1,hello\n", "no 'text' column"),
    ],
)
def test_bad_inputs_fail_alone(tmp_path, short_txt, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    r = run("extract", str(bad), str(short_txt), "-f", "jsonl")
    assert r.exit_code == 1
    assert message in r.stderr and str(bad) in r.stderr
    assert "Traceback" not in r.stderr
    assert [json.loads(x)["article"]["id"] for x in r.stdout.splitlines()] == ["short"]


def test_cp1252_is_detected(tmp_path):
    p = tmp_path / "legacy.txt"
    p.write_bytes("“Caf\u00e9 prices are too high,” Smith said. Na\u00efve, she added.".encode("cp1252"))
    r = run("extract", str(p), "-f", "json", "--include-text")
    assert r.exit_code == 0
    assert "not UTF-8" in r.stderr
    assert "Café" in json.loads(r.stdout)["text"]


def test_missing_path(short_txt):
    r = run("extract", "no/such/file.txt", str(short_txt), "-f", "jsonl")
    assert r.exit_code == 1
    assert "no/such/file.txt: no such file or directory" in r.stderr
    assert len(r.stdout.splitlines()) == 1


def test_unwritable_output(tmp_path, short_txt):
    r = run("extract", str(short_txt), "-o", str(tmp_path / "missing" / "out.json"))
    assert r.exit_code == 2
    assert "does not exist" in r.stderr


def test_no_half_written_file_on_failure(tmp_path, monkeypatch, short_txt):
    out = tmp_path / "out.yaml"
    out.write_text("old content\n", encoding="utf-8")
    import claimx.write.writers as writers

    def boom(self, record):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers.Writer, "write", boom)
    r = run("extract", str(short_txt), "-o", str(out))
    assert r.exit_code == 1
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.yaml", "short.txt"]


def test_unknown_model_is_one_line_error(short_txt):
    r = run("extract", str(short_txt), "--model", "no_such_model_xyz")
    assert r.exit_code == 2
    assert "not installed" in r.stderr and "pip install" in r.stderr
    assert "Traceback" not in r.stderr


def test_deterministic(short_txt):
    a = run("extract", str(short_txt), SEED, "-f", "json").stdout
    b = run("extract", str(short_txt), SEED, "-f", "json").stdout
    assert a == b


def test_schema_command():
    r = run("schema")
    assert r.exit_code == 0
    schema = json.loads(r.stdout)
    assert schema["title"] == "claimx/1"
    assert {"article", "speakers", "quotes", "dates"} <= set(schema["properties"])


def test_check_passes_then_fails_on_tampered_expected(tmp_path):
    shutil.copy(SAMPLES / "rubio-cbs.txt", tmp_path / "rubio-cbs.txt")
    shutil.copy(SAMPLES / "rubio-cbs.expected.yaml", tmp_path / "rubio-cbs.expected.yaml")
    r = run("check", str(tmp_path))
    assert r.exit_code == 0, r.stdout + r.stderr
    exp = tmp_path / "rubio-cbs.expected.yaml"
    exp.write_text(exp.read_text(encoding="utf-8").replace("name: Marco Rubio", "name: Mark Rubio"), encoding="utf-8")
    r = run("check", str(tmp_path))
    assert r.exit_code == 1
    assert "-  name: Mark Rubio" in r.stdout and "+  name: Marco Rubio" in r.stdout
    r = run("check", str(tmp_path), "--update")
    assert r.exit_code == 0
    assert run("check", str(tmp_path)).exit_code == 0


def test_workers_give_identical_bytes(tmp_path, short_txt):
    for i in range(3):
        shutil.copy(SAMPLES / "rubio-cbs.txt", tmp_path / f"copy{i}.txt")
    one = run("extract", str(tmp_path), "-f", "jsonl", "--workers", "1")
    two = run("extract", str(tmp_path), "-f", "jsonl", "--workers", "2")
    assert one.exit_code == two.exit_code == 0
    assert len(one.stdout.splitlines()) == 4
    assert one.stdout == two.stdout


@pytest.mark.parametrize(
    ("table", "column", "rubio"),
    [
        # added at the end: the columns before them keep their places
        ("quotes", "speaker_gender", "male"),
        ("speakers", "gender", "male"),
    ],
)
def test_csv_gender_columns_come_last(table, column, rubio):
    r = run("extract", SEED, "-f", "csv", "--table", table)
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert r.exit_code == 0 and rows[0][-1] == column
    name_col = rows[0].index("speaker" if table == "quotes" else "name")
    assert {row[-1] for row in rows[1:] if row[name_col] == "Marco Rubio"} == {rubio}
    assert {row[-1] for row in rows[1:] if row[name_col] == "Donald Trump"} == {""}  # the article does not say
