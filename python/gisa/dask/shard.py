"""One shard on a worker: `gisa ingest` of its inputs into a store of its
own, through the binding (in the worker process, without the GIL) or the
gisa command (a child process).

The store is written under a name unique to this attempt
(shards/ID.db.part-HOST-PID-RANDOM) and renamed over shards/ID.db only
when complete, so a worker killed mid-shard leaves at most a stray part
file, never a half store under the final name; the attempt that retries
the shard removes the strays of attempts whose process is gone and
reports how many it found ("retried").
"""
import ctypes
import hashlib
import os
import resource
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.parse
import uuid

PART = ".db.part-"


def ro_uri(path):
    """An SQLite URI opening `path` read-only, whatever characters it has."""
    return "file:%s?mode=ro" % urllib.parse.quote(os.path.abspath(path))


def output_path(outdir, shard_id):
    return os.path.join(outdir, "shards", shard_id + ".db")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _alive(host, pid):
    if host != socket.gethostname():
        return True  # cannot tell; a stray of another host is left alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _clear_strays(outdir, shard_id):
    """Remove part files of earlier attempts at this shard whose process is
    gone (killed workers); return how many there were."""
    sdir = os.path.join(outdir, "shards")
    n = 0
    for name in os.listdir(sdir):
        if not name.startswith(shard_id + PART):
            continue
        base = name.split(PART, 1)[1]
        for suffix in ("-wal", "-shm", "-journal", ".list"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
        try:
            host, pid, _ = base.rsplit("-", 2)
            pid = int(pid)
        except ValueError:
            continue
        if _alive(host, pid):
            continue
        try:
            os.unlink(os.path.join(sdir, name))
        except FileNotFoundError:
            pass
        if not name.endswith(("-wal", "-shm", "-journal", ".list")):
            n += 1
    return n


def _die_with_parent():
    # The gisa child must not outlive a worker killed with SIGKILL: it
    # would go on writing a part file nobody will rename.
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _ingest_cli(gisa_cli, db, inputs, threads, max_bytes, shard_id):
    # (the command always fills the full-text index: it has no option not to)
    args = [gisa_cli, "ingest", "-q", "--db", db, "-j", str(threads or 1)]
    if max_bytes:
        args += ["--max-bytes", str(max_bytes)]
    # Inputs as arguments; a long shard through --list (gisa reads a list
    # line by line, in the same order), unless a name would not survive
    # being a line of one.
    listfile = None
    listable = not any("\n" in p or p != p.strip() or p.startswith("#") for p in inputs)
    if listable and sum(len(p) + 1 for p in inputs) > 65536:
        listfile = db + ".list"
        with open(listfile, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write("".join(p + "\n" for p in inputs))
        args += ["--list", listfile]
    else:
        args += ["--"] + list(inputs)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       preexec_fn=_die_with_parent)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if listfile:
        os.unlink(listfile)
    errors = r.stderr.decode("utf-8", "replace").splitlines()
    if r.returncode not in (0, 1):  # 1: some page failed, the rest stored
        raise RuntimeError("shard %s: gisa ingest exited %d: %s" % (
            shard_id, r.returncode, errors[-1] if errors else "(no message)"))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return errors, cpu


def _ingest_binding(db, inputs, threads, max_bytes, text_index):
    import gisa
    errors = []
    t0 = time.process_time()
    gisa.ingest(db, inputs, threads=threads or 1, max_bytes=max_bytes,
                on_error=errors.append, text_index=text_index)
    # process_time counts every thread of the worker; with one task per
    # worker (--nthreads 1) that is this shard's.
    return errors, time.process_time() - t0


def _counts(db):
    con = sqlite3.connect(ro_uri(db), uri=True)
    try:
        pages, = con.execute("SELECT count(*) FROM pages").fetchone()
        articles, = con.execute("SELECT count(*) FROM articles").fetchone()
    finally:
        con.close()
    return pages, articles


def _settle(db):
    """Make the finished store one self-contained file: the WAL folded in
    and the store out of WAL mode. Readers of a WAL-mode file (the band
    map, the merge) would otherwise leave -wal and -shm files beside it,
    and it is never written again."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA journal_mode=DELETE").fetchone()
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)


def run_shard(shard, outdir, via="binding", gisa_cli="gisa", threads=1, max_bytes=None,
              text_index=True):
    """Ingest one shard; return its manifest entry (without the driver's
    fields). Raises on a shard that cannot be done at all (the store cannot
    be written); pages that fail are counted, not raised. text_index=False
    (a run that merges, through the binding): the shard's full-text index
    is left empty, since the merge indexes every article's text itself and
    indexing it in the shard too was ~4% of the shard's CPU spent twice."""
    sdir = os.path.join(outdir, "shards")
    os.makedirs(sdir, exist_ok=True)
    retried = _clear_strays(outdir, shard["id"])
    part = os.path.join(sdir, "%s%s%s-%d-%s" % (shard["id"], PART, socket.gethostname(),
                                                os.getpid(), uuid.uuid4().hex[:8]))
    t0, c0 = time.monotonic(), time.process_time()
    if via == "cli":
        errors, cpu = _ingest_cli(gisa_cli, part, shard["inputs"], threads, max_bytes,
                                  shard["id"])
    else:
        errors, cpu = _ingest_binding(part, shard["inputs"], threads, max_bytes, text_index)
    _settle(part)
    pages, articles = _counts(part)
    digest = sha256_file(part)
    size = os.path.getsize(part)
    final = output_path(outdir, shard["id"])
    os.replace(part, final)
    fd = os.open(sdir, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    # What this task costs the worker beside the ingest itself (settling,
    # counting, hashing the store, the rename): bench/dask's per-shard
    # overhead. With --via binding the ingest ran in this process, so its
    # CPU is taken out; with --via cli it was a child's, not in this count.
    overhead = time.process_time() - c0 - (cpu if via != "cli" else 0)
    return {"id": shard["id"], "key": shard["key"], "output": os.path.relpath(final, outdir),
            "bytes": size, "sha256": digest, "pages": pages, "articles": articles,
            "failed": len(errors), "errors": errors[:20], "cpu_seconds": round(cpu, 3),
            "overhead_cpu_seconds": round(max(overhead, 0.0), 4),
            "seconds": round(time.monotonic() - t0, 3), "via": via,
            "text_index": bool(text_index or via == "cli"),
            "worker": "%s:%d" % (socket.gethostname(), os.getpid()), "retried": retried}
