"""One reader of claimx's record files (claimx.recordfiles), used by the
three places that read records back: ``claimx corpus`` (corpus.stores),
``extract --feed``'s URLs already extracted (read.feeds) and ``-o DIR/``'s
source a file keeps (write.sinks)."""

from __future__ import annotations

import pytest

from claimx import SCHEMA_ID
from claimx.corpus.stores import iter_records
from claimx.read.feeds import _records_in, _urls_in
from claimx.recordfiles import values
from claimx.write.formats import Format
from claimx.write.sinks import _source_in
from claimx.write.writers import to_json, to_yaml

REC = {"schema": SCHEMA_ID, "article": {"id": "a", "source": "https://x.test/a", "url": None}, "quotes": []}
REC2 = {"schema": SCHEMA_ID, "article": {"id": "b", "source": "https://x.test/b", "url": None}, "quotes": []}


def read(text: str, kind: str) -> tuple[list, list]:
    problems: list = []
    found = [v for _, v in values(text, kind, lambda m, n: problems.append((n, m)))]
    return found, problems


@pytest.mark.parametrize("text, kind, expected, problems", [
    ('{"a": 1}\n', "jsonl", [{"a": 1}], []),
    ('{"a": 1}\n\n{"a": 2}', "jsonl", [{"a": 1}, {"a": 2}], []),
    ('{"a": 1}\n{"a": \n{"a": 3}\n', "jsonl", [{"a": 1}, {"a": 3}], [(2, "not JSON: Expecting value")]),
    ('{"a": "x\u2028y"}\n', "jsonl", [{"a": "x\u2028y"}], []),  # a record's text may hold U+2028
    ("[" * 100_000 + "\n", "jsonl", [], [(1, "not a claimx record (JSON nested too deeply)")]),
    ('[{"a": 1}, {"a": 2}]', "json", [{"a": 1}, {"a": 2}], []),
    ('{"a": 1}', "json", [{"a": 1}], []),
    ('{"a": 1}\n{"a": 2}\n', "json", [], [(2, "not JSON: Extra data")]),
    ("a: 1\n---\na: 2\n", "yaml", [{"a": 1}, {"a": 2}], []),
    ("a: 1\n---\na: [2\n", "yaml", [{"a": 1}], [(4, "not YAML: expected ',' or ']', but got '<stream end>'")]),
])
def test_values(text, kind, expected, problems):
    assert read(text, kind) == (expected, problems)


@pytest.mark.parametrize("fmt, text", [
    (Format.json, to_json(REC) + "\n"),
    (Format.jsonl, to_json(REC, indent=None) + "\n" + to_json(REC2, indent=None) + "\n"),
    (Format.yaml, to_yaml(REC) + "---\n" + to_yaml(REC2)),
])
def test_the_three_readers_read_what_claimx_writes(tmp_path, fmt, text):
    # the serializers the writers use: each place reads the same records back
    assert _source_in(text, fmt) == "https://x.test/a"
    assert _records_in(text, f".{fmt.value}")[0] == REC
    if fmt is not Format.yaml:  # claimx corpus reads JSON and JSON Lines
        (tmp_path / f"out.{fmt.value}").write_text(text, encoding="utf-8")
        problems: list = []
        assert list(iter_records(tmp_path, problems.append))[0] == REC and not problems


def test_a_bad_file_is_one_line_or_nothing(tmp_path):
    (tmp_path / "out.jsonl").write_text('{"schema": "claimx/1"\n', encoding="utf-8")
    problems: list = []
    assert list(iter_records(tmp_path, problems.append)) == []
    assert [str(p) for p in problems] == [f"{tmp_path / 'out.jsonl'}:1: not JSON: Expecting ',' delimiter"]
    assert _source_in('{"article": {"source": "x"}\n', Format.jsonl) == ""  # names no source: replaceable
    assert _records_in("a: [1\n", ".yaml") == []  # a broken YAML file holds no URLs
    # JSON that is not one document is read line by line, the bad lines skipped
    assert _records_in('{"a": 1}\nnope\n{"a": 2}\n', ".json") == [{"a": 1}, {"a": 2}]


def test_a_feed_rerun_finds_an_article_whose_text_holds_a_line_separator():
    rec = {**REC, "article": {**REC["article"], "title": "one\u2028two"}}
    text = to_json(rec, indent=None) + "\n" + to_json(REC2, indent=None) + "\n"
    assert sorted(_urls_in(text, ".jsonl")) == ["https://x.test/a", "https://x.test/b"]


@pytest.mark.parametrize("text, kind, line", [
    ('{"a": ' + "1" * 5000 + "}", "json", None),  # an integer Python will not read
    ('{"a": 1}\n{"a": ' + "1" * 5000 + "}\n", "jsonl", 2),
    ("article:\n  published: 2025-02-30\n", "yaml", None),  # a date no calendar has
])
def test_a_value_python_cannot_hold_is_one_problem_not_a_crash(text, kind, line):
    found, problems = read(text, kind)
    assert found == ([{"a": 1}] if kind == "jsonl" else [])
    assert [(n, m.split(" (")[0]) for n, m in problems] == [(line, "not a claimx record")]


def test_a_json_file_of_several_records_names_no_source():
    # not the file of one article -o DIR/ writes: never replaced by a rerun
    text = "[\n" + to_json(REC) + ",\n" + to_json(REC2) + "\n]\n"
    assert _source_in(text, Format.json) == ""
    assert _source_in(to_json(REC) + "\n", Format.json) == "https://x.test/a"
