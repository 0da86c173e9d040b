"""gisa.dask: a corpus run on Dask gives the store a single `gisa ingest`
gives, row for row, on a LocalCluster and on a scheduler plus two worker
processes started here; a worker killed mid-shard has its shard retried
and the result is still the same; a run killed and started again redoes
only the shards it had not finished.

The corpus: WARC files made here from WCXB dev pages (../shared; the
examples when it is absent), with a page repeated across WARC files, the
same page under a second URL and a lightly edited copy (near-duplicates
across shards), plus a directory of the examples and an empty page.
"""
import gzip
import json
import os
import re
import signal
import sqlite3
import subprocess
import threading
import time

import pytest

pytest.importorskip("distributed")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples")
GISA = os.path.abspath(os.environ.get("GISA_CLI", os.path.join(ROOT, "build", "gisa")))
WCXB = os.path.join(ROOT, "..", "shared", "data", "wcxb-dev", "html")
PY = "/usr/bin/python3"
NPAGES = 90  # WCXB pages in the WARC files: enough for several shards, quick


def warc_record(url, body):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2026-03-12T09:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (url, len(http))).encode()
    return head + http + b"\r\n\r\n"


def pages():
    """(url, body) of the pages the WARC files are made of."""
    if os.path.isdir(WCXB):
        names = sorted(os.listdir(WCXB))[:NPAGES]
        out = []
        for n in names:
            with gzip.open(os.path.join(WCXB, n)) as f:
                out.append(("https://wcxb.test/" + n.split(".")[0], f.read()))
        return out
    out = []
    for n in sorted(os.listdir(EXAMPLES)):
        if n.endswith(".html"):
            with open(os.path.join(EXAMPLES, n), "rb") as f:
                out.append(("https://examples.test/" + n, f.read()))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    ps = pages()
    third = max(1, len(ps) // 3)
    groups = [ps[:third], ps[third:2 * third], ps[2 * third:]]
    first_url, first_body = ps[0]
    # across shards: the same record again (skipped, as gisa skips a page
    # it has stored), the same page at another URL (a duplicate at distance
    # 0) and a copy with one word changed (a near-duplicate, or not)
    groups[1].append((first_url, first_body))
    groups[2].append((first_url + "?copy", first_body))
    edited = re.sub(rb"(<p[^>]*>)", rb"\1Edited. ", first_body, count=1)
    groups[2].append((first_url + "?edited", edited))
    inputs = []
    for i, g in enumerate(groups):
        name = d / ("part-%d.warc%s" % (i, ".gz" if i != 2 else ""))
        with open(name, "wb") as f:
            for url, body in g:
                rec = warc_record(url, body)
                f.write(gzip.compress(rec, mtime=0) if i != 2 else rec)
        inputs.append(str(name))
    pagedir = d / "pages"
    (pagedir / "sub").mkdir(parents=True)
    for n in sorted(os.listdir(EXAMPLES)):
        if n.endswith(".html"):
            with open(os.path.join(EXAMPLES, n), "rb") as f:
                (pagedir / ("sub" if n.startswith("n") else ".") / n).write_bytes(f.read())
    (pagedir / "empty.html").write_bytes(b"")
    (pagedir / "notes.txt").write_bytes(b"not a page: not walked")
    inputs.append(str(pagedir))
    single = d / "single.db"
    r = subprocess.run([GISA, "ingest", "-q", "-j2", "--db", str(single), *inputs],
                       capture_output=True)
    assert r.returncode in (0, 1), r.stderr
    return {"inputs": inputs, "single": str(single), "dir": d}


def dump(db):
    """Everything a store holds, as bytes: its rows in id order, the
    full-text index's rows, `gisa dups` and a search; and its integrity."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        out = []
        for q in ("SELECT * FROM pages ORDER BY id",
                  "SELECT * FROM articles ORDER BY page_id",
                  "SELECT * FROM posts ORDER BY id",
                  "SELECT rowid, title, text FROM articles_fts ORDER BY rowid"):
            out.append(repr(con.execute(q).fetchall()))
    finally:
        con.close()
    dups = subprocess.run([GISA, "dups", "--db", db], capture_output=True, check=True).stdout
    search = subprocess.run([GISA, "search", "--db", db, "-n", "50", "the"],
                            capture_output=True).stdout
    return "\n".join(out).encode() + b"\n" + dups + b"\n" + search


@pytest.fixture(scope="module")
def want(corpus):
    d = dump(corpus["single"])
    assert b"wcxb" in d or b"examples" in d
    return d


def run_args(out, corpus, *extra):
    return [PY, "-m", "gisa.dask", "--out", str(out), "--shard-pages", "3",
            *extra, *corpus["inputs"]]


def check_run(out, corpus, want):
    assert dump(str(out / "corpus.db")) == want
    from gisa.dask import dups
    with open(out / "clusters.jsonl", encoding="utf-8") as f:
        clusters = [json.loads(line) for line in f]
    single_dups = subprocess.run([GISA, "dups", "--db", corpus["single"]],
                                 capture_output=True, check=True).stdout.decode()
    assert dups.render(clusters) == single_dups
    m = json.loads((out / "manifest.json").read_text())
    return m


def test_local_cluster_equals_single_ingest(corpus, want, tmp_path):
    out = tmp_path / "run"
    r = subprocess.run(run_args(out, corpus, "--workers", "2", "--dashboard", ":0"),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    m = check_run(out, corpus, want)
    assert len(m["shards"]) >= 5  # three WARC files, pages in threes
    # the union of the shards: every page of the single run
    assert m["merged"]["articles"] == sqlite3.connect(corpus["single"]).execute(
        "SELECT count(*) FROM articles").fetchone()[0]
    assert "near-duplicates:" in r.stderr


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """dask-scheduler and two dask-worker processes on 127.0.0.1."""
    d = tmp_path_factory.mktemp("cluster")
    sfile = str(d / "scheduler.json")
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
    procs = [subprocess.Popen(["/usr/bin/dask-scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--dashboard-address", ":0", "--scheduler-file", sfile],
                              stdout=subprocess.DEVNULL, stderr=open(d / "scheduler.log", "w"),
                              env=env, start_new_session=True)]
    deadline = time.monotonic() + 120
    while not os.path.exists(sfile) and time.monotonic() < deadline:
        time.sleep(0.2)
    for i in range(2):
        procs.append(subprocess.Popen(
            ["/usr/bin/dask-worker", "--scheduler-file", sfile, "--host", "127.0.0.1",
             "--nthreads", "1", "--nworkers", "1", "--dashboard-address", ":0",
             "--name", "w%d" % i],
            stdout=subprocess.DEVNULL, stderr=open(d / ("worker%d.log" % i), "w"),
            env=env, start_new_session=True))
    from distributed import Client
    with Client(scheduler_file=sfile, timeout=120) as c:
        c.wait_for_workers(2, timeout=120)
    yield sfile
    for p in reversed(procs):
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for p in procs:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def test_two_workers_through_the_command_equal_single_ingest(corpus, want, cluster, tmp_path):
    out = tmp_path / "run"
    r = subprocess.run(run_args(out, corpus, "--scheduler-file", cluster, "--via", "cli",
                                "--gisa", GISA),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    m = check_run(out, corpus, want)
    assert {e["via"] for e in m["shards"].values()} == {"cli"}
    assert len({e["worker"] for e in m["shards"].values()}) == 2  # both worked


def _part_pid(outdir):
    sdir = os.path.join(outdir, "shards")
    try:
        names = os.listdir(sdir)
    except FileNotFoundError:
        return None
    for n in names:
        if ".db.part-" in n and not n.endswith(("-wal", "-shm", "-journal", ".list")):
            return int(n.split(".db.part-", 1)[1].rsplit("-", 2)[1])
    return None


def test_worker_killed_mid_shard_is_retried(corpus, want, cluster, tmp_path):
    out = tmp_path / "run"
    killed = []

    def killer():
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not killed:
            pid = _part_pid(out)
            if pid:
                try:
                    os.kill(pid, signal.SIGKILL)  # the worker, mid-shard
                    killed.append(pid)
                except ProcessLookupError:
                    pass
            time.sleep(0.02)

    t = threading.Thread(target=killer)
    t.start()
    r = subprocess.run(run_args(out, corpus, "--scheduler-file", cluster),
                       capture_output=True, text=True, timeout=600)
    t.join()
    assert killed, "no shard was seen in progress"
    assert r.returncode == 0, r.stderr
    m = check_run(out, corpus, want)
    assert sum(e["retried"] for e in m["shards"].values()) == 1, r.stderr
    assert "retried after a lost attempt" in r.stderr
    assert not [n for n in os.listdir(out / "shards") if ".part-" in n]


def test_killed_run_resumes_with_only_unfinished_shards(corpus, want, cluster, tmp_path):
    out = tmp_path / "run"
    p = subprocess.Popen(run_args(out, corpus, "--scheduler-file", cluster),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         start_new_session=True)
    manifest = out / "manifest.json"
    deadline = time.monotonic() + 300
    finished = {}
    while time.monotonic() < deadline:
        try:
            finished = json.loads(manifest.read_text())["shards"]
        except (OSError, ValueError):
            finished = {}
        if len(finished) >= 2:
            break
        time.sleep(0.02)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    finished = json.loads(manifest.read_text())["shards"]
    assert 2 <= len(finished)
    kept = {sid: os.stat(out / e["output"]).st_ino for sid, e in finished.items()}
    r = subprocess.run(run_args(out, corpus, "--scheduler-file", cluster),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    m = check_run(out, corpus, want)
    total = len(m["shards"])
    if len(finished) < total:
        assert "%d shards, %d already finished, %d to do" % (
            total, len(finished), total - len(finished)) in r.stderr
    for sid, ino in kept.items():  # finished shards were not redone
        assert os.stat(out / m["shards"][sid]["output"]).st_ino == ino


def test_plan_walks_directories_as_gisa_does(corpus):
    from gisa.dask import plan
    items = plan.expand([str(corpus["dir"] / "pages")])
    names = [os.path.relpath(p, corpus["dir"] / "pages") for _, p, _ in items]
    assert "notes.txt" not in names and "empty.html" in names
    # the single run stored the walked pages in the same order
    con = sqlite3.connect(corpus["single"])
    stored = [u for (u,) in con.execute("SELECT url FROM pages WHERE url LIKE 'file://%'"
                                        " ORDER BY id")]
    assert stored == ["file://" + os.path.realpath(p) for _, p, _ in items
                      if os.path.getsize(p) > 0]


def test_a_bad_manifest_is_refused_not_replaced(corpus, tmp_path):
    out = tmp_path / "run"
    out.mkdir()
    (out / "manifest.json").write_text("{not json")
    r = subprocess.run(run_args(out, corpus, "--workers", "1"), capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 3
    assert "manifest.json: not a readable manifest" in r.stderr
    assert (out / "manifest.json").read_text() == "{not json"
