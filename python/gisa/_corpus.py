"""gisa.ingest: pages, directories, WARC files and URLs into a corpus store,
as `gisa ingest` does (the same store, row for row), from Python.

The whole ingest is one C call made without the GIL; the library's own
threads extract (`threads`), one writer stores in input order. Pages that
fail do not stop it: each is reported to `on_error` (one line naming it)
and counted in the returned stats.
"""
import os

from ._gisa import ffi as _ffi, lib as _lib

_STATS = ("processed", "stored", "unchanged", "failed", "skipped", "duplicates",
          "not_modified", "posts", "attachments")


@_ffi.def_extern()
def _gisa_on_error(ctx, error):
    # Called from the library's writer thread, one at a time; cffi takes
    # the GIL for us. An exception here must not cross into C.
    try:
        sink = _ffi.from_handle(ctx)
        sink(_ffi.string(error.message).decode("utf-8", "replace"))
    except Exception:  # noqa: BLE001 - a callback must not raise into C
        pass


def _path(p, keep):
    c = _ffi.new("char[]", os.fsencode(p))
    keep.append(c)
    return c


def create_store(path):
    """Create the corpus store at `path` (schema made, nothing ingested),
    or check that an existing file is a gisa store; raise GisaError if not."""
    from . import _call
    keep = []
    corpus = _ffi.new("gisa_corpus **")
    _call(_lib.gisa_corpus_open, _path(path, keep), corpus)
    _lib.gisa_corpus_close(corpus[0])


def ingest(db, inputs, *, threads=0, max_bytes=None, list=None, jsonl=None,
           posts=False, allow_unlicensed=False, allow_private=False,
           delay=None, timeout=None, user_agent=None, on_error=None,
           attachments=False, text_index=True):
    """Ingest `inputs` (paths or http(s) URLs, as `gisa ingest INPUT...`)
    into the store `db` (created if missing). Returns the run's counts as
    a dict: processed, stored, unchanged, failed, skipped, duplicates,
    not_modified, posts, seconds. `on_error(message)` is called for each
    page that fails (default: ignored; the count is in "failed").
    `attachments=True` also takes the documents the pages link (.hwpx,
    .hwp, .pdf), as `gisa ingest --attachments`; "attachments" counts those
    stored. `text_index=False` leaves the full-text index empty (the store
    is to be merged into one that indexes the text; searching it finds
    nothing): gisa.dask's shards.
    Raises GisaError if the store cannot be opened or written."""
    from . import _call, UsageError
    if isinstance(inputs, (str, bytes, os.PathLike)):
        raise UsageError(_lib.GISA_ERR_USAGE, "inputs is a list of paths or URLs, not one string")
    keep = []
    args = [_path(p, keep) for p in inputs]
    argv = _ffi.new("const char *[]", args or [_ffi.NULL])
    opts = _ffi.new("gisa_ingest_options *")
    opts.threads = threads
    opts.max_input = max_bytes or 0
    opts.list = _path(list, keep) if list else _ffi.NULL
    opts.jsonl = _path(jsonl, keep) if jsonl else _ffi.NULL
    opts.user_agent = _path(user_agent, keep) if user_agent else _ffi.NULL
    opts.delay = delay if delay is not None else 0.0
    opts.timeout = timeout or 0.0
    opts.allow_private = 1 if allow_private else 0
    opts.posts = 1 if posts else 0
    opts.allow_unlicensed = 1 if allow_unlicensed else 0
    opts.attachments = 1 if attachments else 0
    opts.no_text_index = 0 if text_index else 1
    if on_error is not None:
        handle = _ffi.new_handle(on_error)
        keep.append(handle)
        opts.on_error = _lib._gisa_on_error
        opts.ctx = handle
    corpus = _ffi.new("gisa_corpus **")
    _call(_lib.gisa_corpus_open, _path(db, keep), corpus)
    stats = _ffi.new("gisa_ingest_stats *")
    try:
        _call(_lib.gisa_ingest, corpus[0], argv, len(args), opts, stats)
    finally:
        _lib.gisa_corpus_close(corpus[0])
    out = {k: getattr(stats, k) for k in _STATS}
    out["seconds"] = stats.seconds
    return out
