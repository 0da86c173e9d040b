"""The shard plan: inputs expanded into the sequence of pages, WARC files
and URLs that `gisa ingest` would read, in the same order, then cut into
shards of consecutive items.

The order is what makes the distributed run equal the single-process one:
gisa stores pages in input order and links a near-duplicate to the
earliest similar article, so shards taken in plan order and merged in plan
order give the same store. Directories are therefore walked here as
gisa's read_dir walks them (names in byte order, dot names skipped,
directories, WARC files and page files only, followed symlinks), and
paths are made absolute, so that a worker on another host (on a shared
filesystem) reads the same files and error messages name the same paths.
"""
import hashlib
import json
import os

MAX_DEPTH = 32  # ingest_read.c: directory nesting followed
PAGE_EXTS = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz",
             ".rss", ".atom", ".hwp", ".hwpx")
WARC_EXTS = (".warc", ".warc.gz")


def is_url(s):
    low = s[:8].lower()
    return low.startswith("http://") or low.startswith("https://")


def is_warc(path):
    return path.lower().endswith(WARC_EXTS)


def is_page(path):
    return path.lower().endswith(PAGE_EXTS)


def _walk(path, depth, out):
    """Items under directory `path` (depth as gisa counts it)."""
    if depth >= MAX_DEPTH:
        out.append(("page", path, 0))  # gisa reports the nesting itself
        return
    try:
        names = sorted((e for e in os.listdir(os.fsencode(path)) if not e.startswith(b".")))
    except OSError:
        out.append(("page", path, 0))  # gisa reports why it cannot be read
        return
    for name in names:
        child = path + "/" + os.fsdecode(name)
        try:
            st = os.stat(child)
        except OSError:
            continue
        if os.path.isdir(child):
            _walk(child, depth + 1, out)
        elif is_warc(child) or is_page(child):
            out.append(("warc" if is_warc(child) else "page", child, st.st_size))


def expand(inputs, list_file=None):
    """Every item gisa ingest would read for `inputs` (and the lines of
    `list_file`, after them, as --list reads them): (kind, path or URL,
    bytes) with kind "page", "warc" or "url"."""
    entries = list(inputs)
    if list_file:
        with open(list_file, encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                s = line.rstrip("\n\r ").lstrip(" \t")
                if s and not s.startswith("#"):
                    entries.append(s)
    out = []
    for entry in entries:
        if is_url(entry):
            out.append(("url", entry, 0))
            continue
        path = os.path.abspath(entry)
        if os.path.isdir(path):
            _walk(path, 0, out)
        else:
            try:
                size = os.stat(path).st_size
            except OSError:
                size = 0
            out.append(("warc" if is_warc(path) else "page", path, size))
    return out


def shards(items, shard_bytes=16 << 20, shard_pages=2000, shard_urls=200):
    """Consecutive items cut into shards: a WARC file is a shard of its own
    (Common Crawl's are ~1 GB each); page files are grouped up to
    `shard_bytes` or `shard_pages`, URLs `shard_urls` at a time."""
    plan, cur, cur_bytes, cur_kind = [], [], 0, None

    def close():
        nonlocal cur, cur_bytes, cur_kind
        if cur:
            plan.append(cur)
        cur, cur_bytes, cur_kind = [], 0, None

    for kind, path, size in items:
        if kind == "warc":
            close()
            plan.append([path])
            continue
        if cur_kind not in (None, kind):
            close()
        limit_hit = (len(cur) >= shard_urls) if kind == "url" else \
            (cur_bytes >= shard_bytes or len(cur) >= shard_pages)
        if limit_hit:
            close()
        cur.append(path)
        cur_bytes += size
        cur_kind = kind
    close()
    return [{"id": "%05d" % i, "inputs": s, "key": shard_key(s)} for i, s in enumerate(plan)]


def shard_key(inputs):
    """What identifies a shard's work: its inputs, in order. A manifest
    entry counts for a later run only if the key is the same."""
    return hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode(
        "utf-8", "surrogateescape")).hexdigest()[:32]
