"""Output at an fsspec URL (claimx.write.store): written whole or not at all, the
same files as a local folder, for local and cluster runs; against a real S3
server (moto's, started here on localhost; s3fs speaks to it over HTTP) and
file:// URLs. DuckDB reads the tables back from S3 through s3fs."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from tests.test_cluster import RealCluster, _stop, _wait, error_lines, local_run, write_corpus
from tests.warc_pages import write_pages, write_warc

runner = CliRunner()
HAS_S3 = all(importlib.util.find_spec(m) is not None for m in ("s3fs", "moto", "flask", "werkzeug"))
needs_s3 = pytest.mark.skipif(not HAS_S3, reason='needs s3fs and moto[server] (the test extra has them)')
HAS_DASK = importlib.util.find_spec("distributed") is not None
BUCKET = "claimx-test"


def test_a_file_url_store_writes_whole_files_or_none(tmp_path):
    from claimx.write.store import Store

    store = Store(f"file://{tmp_path}/out/")
    with store.atomic("tables/part-00000.jsonl") as fh:
        fh.write("one\n")
    with pytest.raises(RuntimeError), store.atomic("part-00001.jsonl") as fh:
        fh.write("half")
        raise RuntimeError("killed")
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == ["part-00000.jsonl", "tables"]
    assert store.read_text("tables/part-00000.jsonl") == "one\n" and store.sizes == {"tables/part-00000.jsonl": 4}
    assert store.size("part-00001.jsonl") is None and store.names("tables") == ["part-00000.jsonl"]


def test_a_url_output_takes_no_database():
    from claimx.write.formats import Format
    from claimx.write.store import remote_output

    assert remote_output(None, "s3://b/out/") == (Format.yaml, True)
    assert remote_output(None, "s3://b/quotes.csv") == (Format.csv, False)
    assert remote_output(Format.parquet, "s3://b/out") == (Format.parquet, True)
    with pytest.raises(ValueError, match="database file on this machine"):
        remote_output(Format.sqlite, "s3://b/q.db")


def test_a_local_run_to_a_file_url_equals_a_folder(tmp_path):
    pytest.importorskip("pyarrow")
    write_pages(tmp_path / "pages", 2)
    folder = runner.invoke(app, ["extract", str(tmp_path / "pages"), "-f", "parquet", "-o", str(tmp_path / "a"), "-q"])
    url = runner.invoke(app, ["extract", str(tmp_path / "pages"), "-f", "parquet", "-o", f"file://{tmp_path}/b/", "-q"])
    assert folder.exit_code == url.exit_code == 0, url.stderr
    files = sorted(str(p.relative_to(tmp_path / "a")) for p in (tmp_path / "a").rglob("*"))
    assert files == sorted(str(p.relative_to(tmp_path / "b")) for p in (tmp_path / "b").rglob("*"))
    assert (tmp_path / "a" / "part-00000.jsonl").read_bytes() == (tmp_path / "b" / "part-00000.jsonl").read_bytes()


# ---- a real S3 server on localhost --------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """moto's S3 server in its own process, and the environment that points
    s3fs (here and in every process started from here) at it."""
    if not HAS_S3:
        pytest.skip("needs s3fs and moto[server]")
    port = _free_port()
    log = open(tmp_path_factory.mktemp("moto") / "moto.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
           "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}"}
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError("moto's S3 server did not start") from None
                time.sleep(0.1)
        import s3fs

        fs = s3fs.S3FileSystem(skip_instance_cache=True)
        fs.mkdir(BUCKET)
        yield fs
    finally:
        mp.undo()
        _stop(proc)
        log.close()


def _keys(fs, prefix: str) -> list[str]:
    fs.invalidate_cache()
    return sorted(k[len(f"{BUCKET}/{prefix}/"):] for k in fs.find(f"{BUCKET}/{prefix}"))


def _duckdb_rows(fs, url: str) -> list[tuple]:
    import duckdb

    con = duckdb.connect()
    con.register_filesystem(fs)  # DuckDB reads s3:// through s3fs (its httpfs extension is a download)
    return con.sql(f"SELECT article_id, source, quotes, speakers FROM read_parquet('{url}') ORDER BY ALL").fetchall()


@needs_s3
def test_a_local_run_reads_a_warc_from_s3_and_writes_parquet_there(s3, tmp_path):
    pytest.importorskip("fastwarc")
    pages = write_pages(tmp_path / "pages", 3)
    write_warc(tmp_path / "crawl.warc.gz", [p.read_text(encoding="utf-8") for p in pages])
    s3.put_file(str(tmp_path / "crawl.warc.gz"), f"{BUCKET}/in/crawl.warc.gz")
    src = f"s3://{BUCKET}/in/crawl.warc.gz"
    r = runner.invoke(app, ["extract", src, "-f", "parquet", "-o", f"s3://{BUCKET}/local/", "-q"])
    assert r.exit_code == 0, r.stderr
    here = runner.invoke(app, ["extract", str(tmp_path / "crawl.warc.gz"), "-f", "parquet", "-o",
                               str(tmp_path / "out"), "-q"])
    assert here.exit_code == 0
    assert _keys(s3, "local") == ["articles/part-00000.parquet", "dates/part-00000.parquet", "part-00000.jsonl",
                                  "quotes/part-00000.parquet", "speakers/part-00000.parquet"]
    got = s3.cat_file(f"{BUCKET}/local/part-00000.jsonl").decode()
    assert got == (tmp_path / "out" / "part-00000.jsonl").read_text(encoding="utf-8").replace(
        str(tmp_path / "crawl.warc.gz"), src)
    rows = _duckdb_rows(s3, f"s3://{BUCKET}/local/articles/*.parquet")
    assert len(rows) == 3 and all(src == row[1] and row[2] >= 2 for row in rows)


@needs_s3
@pytest.mark.cluster
@pytest.mark.skipif(not HAS_DASK, reason="needs Dask")
def test_a_cluster_run_to_s3_survives_a_killed_worker_and_resumes(s3, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", n_txt=10, n_jsonl=0)
    (corpus / "t99-empty.txt").write_bytes(b"")
    out = f"s3://{BUCKET}/dist"

    def parts() -> list[str]:
        return [k for k in _keys(s3, "dist") if k.startswith("part-") and k.endswith(".jsonl")]

    with RealCluster(tmp_path) as real:  # its processes inherit the S3 settings
        args = ["-m", "claimx", "extract", str(corpus), "--scheduler", real.address, "--partition-size", "1", "-o",
                f"{out}/", "-f", "parquet", "-q"]
        run = real.start("claimx", *args)
        _wait(lambda: bool(parts()) or run.poll() is not None, 180, "the first partition")
        assert "_manifest.json" not in _keys(s3, "dist"), "the run finished before the worker was to be killed"
        real.kill_busy_worker()
        assert run.wait(timeout=300) == 1, real.log("claimx")
        # resume: a part lost and the manifest not written yet, as when a run is stopped
        s3.invalidate_cache()
        manifest = s3.cat_file(f"{BUCKET}/dist/_manifest.json")
        lost = s3.cat_file(f"{BUCKET}/dist/part-00003.jsonl")
        s3.rm_file(f"{BUCKET}/dist/part-00003.jsonl")
        s3.rm_file(f"{BUCKET}/dist/_manifest.json")
        s3.pipe(f"{BUCKET}/dist/.part-00005.jsonl.0123456789ab.tmp", b"half a part a killed writer left")
        again = real.start("again", *args[:-1])
        assert again.wait(timeout=300) == 1
        assert "10 reused from an earlier run" in real.log("again")
        log = real.log("claimx")

    s3.invalidate_cache()
    assert s3.cat_file(f"{BUCKET}/dist/part-00003.jsonl") == lost
    assert s3.cat_file(f"{BUCKET}/dist/_manifest.json") == manifest
    keys = _keys(s3, "dist")
    assert not [k for k in keys if k.rsplit("/", 1)[-1].startswith(".")]  # no temporary key is left
    code, stdout, stderr = local_run(corpus)
    text = "".join(s3.cat_file(f"{BUCKET}/dist/{k}").decode() for k in keys if k.startswith("part-"))
    assert text == stdout and code == 1
    assert error_lines(log) == error_lines(stderr)
    data = json.loads(manifest)
    assert data["complete"] and data["articles"] == 10 and len(data["partitions"]) == 11
    rows = _duckdb_rows(s3, f"{out}/articles/*.parquet")
    records = [json.loads(line) for line in stdout.splitlines()]
    assert rows == sorted((r["article"]["id"], r["article"]["source"], len(r["quotes"]), len(r["speakers"]))
                          for r in records)


def test_an_unknown_url_scheme_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("“Yes,” Ann Lee said.\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", "nosuchfs://bucket/out/"])
    assert r.exit_code == 2 and r.stderr.startswith("error: nosuchfs://bucket/out/: ")
    assert len(r.stderr.strip().splitlines()) == 1
