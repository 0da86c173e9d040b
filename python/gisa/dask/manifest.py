"""The run's manifest: OUT/manifest.json, rewritten atomically (a temporary
beside it, flushed, renamed over it, the directory flushed) after every
shard, so a run killed at any moment leaves a manifest naming exactly the
shards whose output is complete.

A shard counts as finished for a later run only if its entry has the same
key (the same inputs in the same order), its output exists, and the
output's size and SHA-256 are those recorded.
"""
import json
import os

from .shard import sha256_file

VERSION = 1


def path(outdir):
    return os.path.join(outdir, "manifest.json")


def load(outdir):
    """The manifest, or a new one; a damaged one is an error (OSError),
    not silently replaced: it may be the only record of hours of work."""
    p = path(outdir)
    if not os.path.exists(p):
        return {"gisa_dask": VERSION, "shards": {}}
    try:
        with open(p, encoding="utf-8") as f:
            m = json.load(f)
    except (ValueError, UnicodeDecodeError) as e:
        raise OSError("%s: not a readable manifest (%s); move it away to start over" % (p, e))
    if not isinstance(m, dict) or m.get("gisa_dask") != VERSION or not isinstance(
            m.get("shards"), dict):
        raise OSError("%s: not a gisa-dask manifest of version %d" % (p, VERSION))
    return m


def save(outdir, manifest):
    p = path(outdir)
    tmp = p + ".tmp"
    data = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, p)
    fd = os.open(outdir, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def finished(outdir, manifest, shard, text_index=False):
    """Whether `shard` (a plan entry) is done: entry, key, output, checksum;
    and, when the run needs them (text_index: no merge, the shards are the
    output), the full-text index in the shard (entries before the field
    existed always had it)."""
    e = manifest["shards"].get(shard["id"])
    if not e or e.get("key") != shard["key"]:
        return False
    if text_index and not e.get("text_index", True):
        return False
    out = os.path.join(outdir, e.get("output", ""))
    try:
        if os.path.getsize(out) != e.get("bytes"):
            return False
    except OSError:
        return False
    return sha256_file(out) == e.get("sha256")
