"""The gisa Python binding: the same results as the gisa command, errors as
exceptions with the library's status, many threads at once, no memory
growth over many calls."""
import json
import os
import subprocess
import threading

import pytest

import gisa

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples")
GISA = os.environ.get("GISA_CLI", os.path.join(ROOT, "build", "gisa"))
SHARED = os.path.join(ROOT, "..", "shared")
PAGES = sorted(f for f in os.listdir(EXAMPLES) if f.endswith((".html", ".txt")))


def read(name):
    with open(os.path.join(EXAMPLES, name), "rb") as f:
        return f.read()


def cli(*args, stdin=None):
    return subprocess.run([GISA, *args], input=stdin, capture_output=True,
                          check=True, cwd=ROOT).stdout


@pytest.mark.parametrize("name", PAGES)
def test_extract_is_the_commands_json(name):
    path = os.path.join("examples", name)
    got = gisa.extract(read(name), name=path)
    want = json.loads(cli("extract", "--format", "json", path))
    assert got == want


@pytest.mark.parametrize("name", PAGES)
def test_extract_text_is_the_commands_text(name):
    assert gisa.extract_text(read(name)).encode() == cli("extract", os.path.join("examples", name))


def test_str_input_is_utf8_whatever_the_markup_declares():
    euckr = read("korea-kr-release.euckr.html")
    as_str = euckr.decode("euc-kr")
    assert gisa.extract(as_str)["title"] == gisa.extract(euckr)["title"]


@pytest.mark.parametrize("name", ["korea-kr-release.html"])
def test_post_is_the_commands_post(name):
    path = os.path.join("examples", name)
    assert gisa.post(read(name), name=path).encode() == cli("post", path)


def test_post_refuses_what_the_command_refuses():
    # the newspaper reserves all rights: no post, the same status (6)
    path = os.path.join("examples", "newspaper.html")
    want = subprocess.run([GISA, "post", path], capture_output=True, cwd=ROOT)
    with pytest.raises(gisa.GisaError) as e:
        gisa.post(read("newspaper.html"), name=path)
    assert want.returncode == e.value.status == 6
    assert "reserves all rights" in str(e.value)


def test_post_options():
    page = read("korea-kr-release.html")
    summary = gisa.post(page, name="examples/korea-kr-release.html", format="markdown",
                        mode="summary", sentences=2)
    assert summary.encode() == cli("post", "-f", "markdown", "-m", "summary", "-n", "2",
                                   "examples/korea-kr-release.html")
    with pytest.raises(gisa.UsageError) as e:
        gisa.post(page, format="docx")
    assert "docx" in str(e.value) and e.value.status == 2


def test_check_flags_an_invented_fact_and_passes_a_faithful_post():
    page = read("korea-kr-release.html")
    faithful = gisa.post(page)
    report = gisa.check(faithful, page)
    assert report["ok"] is True
    invented = faithful.replace("486억 원", "999억 원")
    assert invented != faithful
    report = gisa.check(invented, [page])
    assert report["ok"] is False


def test_split_and_summarize_are_the_commands():
    text = read("release-dump.txt").decode()
    assert "\n".join(gisa.split(text)) == "\n".join(
        l for l in cli("split", stdin=text.encode()).decode().split("\n") if l)
    body = gisa.extract_text(read("newspaper.html"))
    assert "\n".join(gisa.summarize(body, 2)) + "\n" == cli("summarize", "-n", "2",
                                                            stdin=body.encode()).decode()


def test_analyze_is_the_commands_json():
    got = gisa.analyze(read("newspaper.html"))
    assert got == json.loads(cli("analyze", "examples/newspaper.html"))


def test_errors_carry_status_and_name_the_input():
    with pytest.raises(gisa.InputError) as e:
        gisa.extract(b"", name="empty.html")
    assert e.value.status == 1 and e.value.status_name == "bad input"
    assert "empty.html" in e.value.message
    with pytest.raises(gisa.InputError):
        gisa.extract(b"\x00\x01\x02binary" * 100)
    with pytest.raises(gisa.InputError):
        gisa.extract(read("korea-kr-release.html"), max_nodes=10)
    with pytest.raises(TypeError):
        gisa.extract(12)
    with pytest.raises(TypeError):
        gisa.extract(b"<p>x</p>", max_nodez=3)
    with pytest.raises(gisa.UsageError):
        gisa.extract(b"<p>x</p>", max_nodes=-1)


def test_threads_give_the_same_results_as_one():
    pages = [read(n) for n in PAGES]
    want = [gisa.extract(p) for p in pages]
    results = {}

    def work(t):
        results[t] = [[gisa.extract(p) for p in pages] for _ in range(10)]

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for t in range(4):
        for run in results[t]:
            assert run == want


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def test_memory_is_flat_over_10000_calls():
    page = read("newspaper.html")
    for _ in range(1000):  # warm up: allocator pools, caches
        gisa.extract(page)
    before = rss_kib()
    for i in range(10000):
        gisa.extract(page)
        if i % 7 == 0:
            with pytest.raises(gisa.InputError):
                gisa.extract(b"")
    grown = rss_kib() - before
    assert grown < 4096, f"RSS grew by {grown} KiB over 10,000 calls"


@pytest.mark.skipif(not os.path.isdir(os.path.join(SHARED, "data", "wcxb-dev")),
                    reason="../shared/data/wcxb-dev is absent")
def test_wcxb_sample_is_byte_identical_to_the_command():
    html = os.path.join(SHARED, "data", "wcxb-dev", "html")
    for name in sorted(os.listdir(html))[::50]:
        path = os.path.join(html, name)
        with open(path, "rb") as f:
            data = f.read()
        want = subprocess.run([GISA, "extract", path], capture_output=True)
        try:
            got = gisa.extract_text(data).encode()
        except gisa.GisaError as e:
            assert want.returncode == e.status, name
            continue
        assert want.returncode == 0 and got == want.stdout, name


def test_ingest_attachments_beside_a_page_file(tmp_path):
    """attachments=True: a saved page's release, linked relatively and saved
    beside it, is stored linked to its page (pages.parent_url)."""
    import sqlite3
    page = open(os.path.join(ROOT, "tests", "attach", "summary-page.html"), encoding="utf-8").read()
    page = page.replace('<meta property="og:url" content="https://www.korea.kr/briefing/'
                        'pressReleaseView.do?newsId=156712345">', "")
    page = page.replace('href="/files/0407-release.hwpx"', 'href="files/0407-release.hwpx"')
    (tmp_path / "files").mkdir()
    (tmp_path / "release.html").write_text(page, encoding="utf-8")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests", "attach", "make_hwpx.py"),
                    str(tmp_path / "files" / "0407-release.hwpx")], check=True)
    db = str(tmp_path / "a.db")
    stats = gisa.ingest(db, [str(tmp_path / "release.html")], attachments=True)
    assert stats["stored"] == 2 and stats["attachments"] == 1 and stats["failed"] == 0
    con = sqlite3.connect(db)
    (url, parent), = con.execute("SELECT url, parent_url FROM pages WHERE parent_url IS NOT NULL")
    assert url.endswith("/files/0407-release.hwpx") and parent.endswith("/release.html")
    assert con.execute("SELECT department FROM articles WHERE url = ?", (url,)).fetchone() == (
        "물환경정책과",)
    assert gisa.ingest(str(tmp_path / "b.db"), [str(tmp_path / "release.html")])["attachments"] == 0


def test_ingest_is_the_commands_store(tmp_path):
    import sqlite3
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in PAGES:
        if n.endswith(".html"):
            (pages / n).write_bytes(read(n))
    (pages / "empty.html").write_bytes(b"")
    errors = []
    stats = gisa.ingest(str(tmp_path / "py.db"), [str(pages)], threads=2,
                        on_error=errors.append)
    assert stats["failed"] == 1 and len(errors) == 1 and "empty.html" in errors[0]
    assert stats["stored"] == stats["processed"] - 1
    subprocess.run([GISA, "ingest", "-q", "--db", str(tmp_path / "cli.db"), str(pages)],
                   capture_output=True)

    def rows(db):
        con = sqlite3.connect(db)
        return [con.execute(q).fetchall() for q in (
            "SELECT * FROM pages ORDER BY id", "SELECT * FROM articles ORDER BY page_id")]
    assert rows(str(tmp_path / "py.db")) == rows(str(tmp_path / "cli.db"))
    with pytest.raises(gisa.GisaIOError):
        gisa.ingest(str(pages / "newspaper.html"), [str(pages)])  # not a store
    with pytest.raises(gisa.UsageError):
        gisa.ingest(str(tmp_path / "x.db"), str(pages))  # one string, not a list


def test_ingest_without_the_text_index(tmp_path):
    """text_index=False (gisa.dask's shards): the same rows, an empty
    full-text index; rebuilding it gives the index gisa ingest makes."""
    import sqlite3
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in PAGES:
        if n.endswith(".html"):
            (pages / n).write_bytes(read(n))
    full, bare = str(tmp_path / "full.db"), str(tmp_path / "bare.db")
    gisa.ingest(full, [str(pages)], threads=1)
    gisa.ingest(bare, [str(pages)], threads=1, text_index=False)

    def rows(db, fts_rebuild=False):
        con = sqlite3.connect(db)
        if fts_rebuild:
            con.execute("INSERT INTO articles_fts(articles_fts) VALUES('rebuild')")
            con.commit()
        # (pages.fetched is the time of the run: left out); the index
        # searched for a word of every article's text
        out = [con.execute(q).fetchall() for q in (
            "SELECT id, url, status, hash, content_type, error FROM pages ORDER BY id",
            "SELECT * FROM articles ORDER BY page_id")]
        found = []
        for pid, text in con.execute("SELECT page_id, text FROM articles ORDER BY page_id"):
            word = '"%s"' % text.split()[0].replace('"', '""')
            found.append(con.execute("SELECT rowid FROM articles_fts WHERE articles_fts"
                                     " MATCH ? AND rowid = ?", (word, pid)).fetchall())
        return out + [[f for f in found if f]]
    want, got = rows(full), rows(bare)
    assert got[:2] == want[:2] and want[2] and got[2] == []
    assert rows(bare, fts_rebuild=True) == want
