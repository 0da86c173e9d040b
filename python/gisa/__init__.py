"""gisa: news and press-release pages to clean articles and faithful posts.

A binding of libgisa (the C library behind the `gisa` command). Every
function takes a page as bytes (any encoding, gzip included) or str, and
returns what the command prints: `extract()` the same fields as
`gisa extract --format json`, `post()` the text of `gisa post`, `check()`
the report of `gisa check --format json`.

The C calls release the GIL and libgisa keeps no global state, so the
functions may be called from many threads at once. Errors raise GisaError
(or a subclass) carrying the library's status and one-line message.
"""
import json as _json

from ._gisa import ffi as _ffi, lib as _lib

__all__ = [
    "GisaError", "InputError", "UsageError", "GisaIOError", "NoMemoryError",
    "UnsupportedError", "extract", "post", "check", "split", "summarize",
    "analyze", "version", "ingest", "create_store",
]


class GisaError(Exception):
    """A libgisa call failed. `status` is the library's code (it doubles as
    the command's exit status), `message` its one-line explanation."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message

    @property
    def status_name(self):
        return _ffi.string(_lib.gisa_status_name(self.status)).decode()


class InputError(GisaError):
    """The input is empty, binary, corrupt, over a limit, or has no article."""


class UsageError(GisaError, ValueError):
    """An argument is invalid."""


class GisaIOError(GisaError, OSError):
    """A file could not be read or written."""


class NoMemoryError(GisaError, MemoryError):
    """Out of memory, or an internal limit was hit."""


class UnsupportedError(GisaError):
    """A text states what its sources do not (a post failing its own check)."""


_ERRORS = {
    _lib.GISA_ERR_INPUT: InputError,
    _lib.GISA_ERR_USAGE: UsageError,
    _lib.GISA_ERR_IO: GisaIOError,
    _lib.GISA_ERR_NOMEM: NoMemoryError,
    _lib.GISA_ERR_UNSUPPORTED: UnsupportedError,
}

_KINDS = {"auto": _lib.GISA_INPUT_AUTO, "html": _lib.GISA_INPUT_HTML,
          "text": _lib.GISA_INPUT_TEXT, "post": _lib.GISA_INPUT_POST}
_POST_FORMATS = {"jekyll": _lib.GISA_POST_JEKYLL, "hugo": _lib.GISA_POST_HUGO,
                 "html": _lib.GISA_POST_HTML, "markdown": _lib.GISA_POST_MARKDOWN,
                 "json": _lib.GISA_POST_JSON}
_STYLES = {"plain": _lib.GISA_STYLE_PLAIN, "tistory": _lib.GISA_STYLE_TISTORY}
_MODES = {"full": _lib.GISA_MODE_FULL, "summary": _lib.GISA_MODE_SUMMARY}


def version():
    """The version of the gisa package (and of the libgisa it was built on)."""
    return __version__


__version__ = "0.1.0"


def _raise(err, status):
    message = _ffi.string(err.message).decode("utf-8", "replace")
    raise _ERRORS.get(status, GisaError)(status, message)


def _choice(table, value, what):
    try:
        return table[value]
    except KeyError:
        raise UsageError(_lib.GISA_ERR_USAGE,
                         f"unknown {what} {value!r}; one of: {', '.join(table)}") from None


def _call(fn, *args):
    """Call a libgisa function whose last argument is a gisa_error *;
    raise its error unless it returns GISA_OK."""
    err = _ffi.new("gisa_error *")
    st = fn(*args, err)
    if st != _lib.GISA_OK:
        _raise(err, st)


def _rendered(fn, obj, fmt):
    """The text a gisa_*render(obj, fmt, &out, &len, err) function makes,
    as str; the malloc'd buffer is freed."""
    out = _ffi.new("char **")
    length = _ffi.new("size_t *")
    _call(fn, obj, fmt, out, length)
    try:
        return _ffi.unpack(out[0], length[0]).decode("utf-8")
    finally:
        _lib.gisa_free(out[0])


def _cstr(s, keep):
    """A C string for `s` (NULL for None), kept alive in the list `keep`."""
    if s is None:
        return _ffi.NULL
    c = _ffi.new("char[]", s.encode("utf-8"))
    keep.append(c)
    return c


class _Document:
    """One extracted document, freed when the `with` block ends. Holds the
    cdata the C document may point into (it copies, but the source buffer
    must live through gisa_extract)."""

    def __init__(self, page, url, name, content_type, kind, limits):
        if isinstance(page, str):
            data = page.encode("utf-8")
            # A str has no encoding of its own any more: say it is UTF-8, so
            # a <meta charset="euc-kr"> left in the markup is not believed.
            if content_type is None:
                content_type = "text/html; charset=utf-8" if kind != "text" \
                    else "text/plain; charset=utf-8"
        elif isinstance(page, (bytes, bytearray, memoryview)):
            data = bytes(page)
            if data[:2] == b"\x1f\x8b":
                data = _gunzip(data, name or url or "<page>",
                               limits.get("max_bytes") or _DEFAULT_MAX_INPUT)
        else:
            raise TypeError(f"a page is bytes or str, not {type(page).__name__}")
        self._keep = []
        src = _ffi.new("gisa_source *")
        src.name = _cstr(name if name is not None else (url or "<page>"), self._keep)
        buf = _ffi.from_buffer("unsigned char[]", data)
        self._keep.append(buf)
        src.data = buf
        src.len = len(data)
        src.url = _cstr(url, self._keep)
        src.content_type = _cstr(content_type, self._keep)
        opts = _ffi.new("gisa_extract_options *")
        opts.kind = _choice(_KINDS, kind, "kind")
        opts.max_input = _limit(limits, "max_bytes")
        opts.max_nodes = _limit(limits, "max_nodes")
        opts.max_depth = _limit(limits, "max_depth")
        opts.max_line = _limit(limits, "max_line")
        if limits:
            raise TypeError(f"unknown limit {sorted(limits)[0]!r}")
        doc = _ffi.new("gisa_document **")
        _call(_lib.gisa_extract, src, opts, doc)
        self.ptr = doc[0]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        _lib.gisa_document_free(self.ptr)
        self.ptr = _ffi.NULL
        self._keep.clear()


_DEFAULT_MAX_INPUT = 64 << 20  # GISA_DEFAULT_MAX_INPUT


def _gunzip(data, name, limit):
    """Gzip data, as gisa_load() reads it from a file: every member, at most
    `limit` bytes out (a bomb stops there), a damaged stream refused."""
    import gzip
    import io
    import zlib
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(limit + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(_lib.GISA_ERR_INPUT, f"{name}: corrupt gzip data ({e})") from None
    if len(out) > limit:
        raise InputError(_lib.GISA_ERR_INPUT,
                         f"{name}: over {limit} bytes after decompression (max_bytes)")
    if not out:
        raise InputError(_lib.GISA_ERR_INPUT, f"{name}: input is empty")
    return out


def _limit(limits, key):
    value = limits.pop(key, None)
    if value is None:
        return 0
    if not isinstance(value, int) or value <= 0:
        raise UsageError(_lib.GISA_ERR_USAGE, f"{key} must be a positive integer")
    return value


def extract(page, url=None, *, name=None, content_type=None, kind="auto", **limits):
    """Extract the article of `page` (bytes in any encoding, gzip included,
    or str). Returns a dict with the fields of `gisa extract --format json`:
    title, date, author, publisher, site_name, license, blocks, ...

    `url` is where the page came from (for relative links and the credit);
    `kind` is "auto", "html", "text" (a scraper's text dump) or "post";
    limits: max_bytes, max_nodes, max_depth, max_line (as the command's
    options of the same names)."""
    with _Document(page, url, name, content_type, kind, limits) as doc:
        return _json.loads(_render(doc.ptr, _lib.GISA_FORMAT_JSON))


def extract_text(page, url=None, *, format="text", name=None, content_type=None,
                 kind="auto", **limits):
    """The article as `gisa extract --format text` (or "markdown") prints it."""
    fmt = _choice({"text": _lib.GISA_FORMAT_TEXT,
                   "markdown": _lib.GISA_FORMAT_MARKDOWN}, format, "format")
    with _Document(page, url, name, content_type, kind, limits) as doc:
        return _render(doc.ptr, fmt)


def _render(doc, fmt):
    return _rendered(_lib.gisa_render, doc, fmt)


def post(page, url=None, *, format="jekyll", style="plain", mode="full",
         sentences=None, category=None, date=None, include_images=False,
         check=True, name=None, content_type=None, kind="auto", **limits):
    """Compose a post from `page`, as `gisa post` does: the source's own
    sentences, attributed, read back and checked against the page (a post
    that fails its own check raises UnsupportedError). `format`: jekyll,
    hugo, html, markdown or json; `style`: plain or tistory; `mode`: full or
    summary (`sentences` in the summary)."""
    keep = []
    opts = _ffi.new("gisa_post_options *")
    opts.format = _choice(_POST_FORMATS, format, "format")
    opts.style = _choice(_STYLES, style, "style")
    opts.mode = _choice(_MODES, mode, "mode")
    opts.summary_sentences = sentences or 0
    opts.category = _cstr(category, keep)
    opts.date = _cstr(date, keep)
    opts.include_images = 1 if include_images else 0
    opts.no_check = 0 if check else 1
    with _Document(page, url, name, content_type, kind, limits) as doc:
        result = _ffi.new("gisa_post *")
        _call(_lib.gisa_compose, doc.ptr, opts, result)
        try:
            return _ffi.unpack(result.text, result.len).decode("utf-8")
        finally:
            _lib.gisa_post_clear(result)


def check(text, sources, *, kind="auto"):
    """Check `text` (a rewrite, a summary, a post; str or bytes) against
    `sources` (one page or a list of pages). Returns the report of
    `gisa check --format json` as a dict, plus "ok": True when every fact
    is supported."""
    if isinstance(sources, (str, bytes, bytearray, memoryview)):
        sources = [sources]
    sources = list(sources)
    if not sources:
        raise UsageError(_lib.GISA_ERR_USAGE, "check needs at least one source")
    docs = []
    try:
        derived = _Document(text, None, "<text>", None, kind, {})
        docs.append(derived)
        for i, page in enumerate(sources):
            docs.append(_Document(page, None, f"<source {i + 1}>", None, "auto", {}))
        array = _ffi.new("gisa_document *[]", [d.ptr for d in docs[1:]])
        report = _ffi.new("gisa_check_report **")
        _call(_lib.gisa_check, derived.ptr, array, len(docs) - 1, report)
        try:
            result = _json.loads(_rendered(_lib.gisa_check_render, report[0],
                                           _lib.GISA_FORMAT_JSON))
        finally:
            _lib.gisa_check_free(report[0])
    finally:
        for d in docs:
            d.__exit__(None, None, None)
    counts = result["summary"]
    result["ok"] = not counts["unsupported"] and not counts["contradicted"]
    return result


def split(text):
    """Korean-aware sentence splitting, as `gisa split`: paragraphs are
    separated by blank lines; returns the sentences of all paragraphs in
    order, line breaks inside a sentence turned into spaces."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8")
    sentences = []
    for para in _paragraphs(text):
        data = para.encode("utf-8")
        cap = 64
        while True:
            spans = _ffi.new("gisa_span[]", cap)
            n = _lib.gisa_split_sentences(data, len(data), spans, cap)
            if n <= cap:
                break
            cap = n
        for i in range(n):
            piece = data[spans[i].start:spans[i].end].decode("utf-8")
            sentences.append(" ".join(l.strip("\r") for l in piece.split("\n")))
    return sentences


def _paragraphs(text):
    para = []
    for line in text.split("\n"):
        if line.strip(" \t\r"):
            para.append(line)
        elif para:
            yield "\n".join(para)
            para = []
    if para:
        yield "\n".join(para)


def _analysis_of_text(text, title, date, facts_only=False, max_keywords=0):
    if isinstance(text, str):
        text = text.encode("utf-8")
    keep = []
    title_c, date_c = _cstr(title or None, keep), _cstr(date or None, keep)
    opts = _ffi.new("gisa_analyze_options *")
    opts.max_keywords = max_keywords
    opts.facts_only = 1 if facts_only else 0
    an = _ffi.new("gisa_analysis **")
    _call(_lib.gisa_analyze_text, title_c, date_c, text, len(text), opts, an)
    return an[0]


def summarize(text, n=3, *, title=None, date=None):
    """The `n` best sentences of `text` (paragraphs separated by blank
    lines), in document order, as `gisa summarize -n N`."""
    if n < 1:
        raise UsageError(_lib.GISA_ERR_USAGE, "n must be at least 1")
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8")
    if title is None:
        title, text = _split_title(text)
    an = _analysis_of_text(text, title, date)
    try:
        index = _ffi.new("size_t[]", n)
        m = _lib.gisa_summary(an, n, index)
        rendered = _json.loads(_render_analysis(an))
    finally:
        _lib.gisa_analysis_free(an)
    sentences = rendered["sentences"]
    return [sentences[index[i]]["text"] for i in range(m)]


def _split_title(text):
    """A first line followed by a blank line is the title, as for `gisa
    summarize`; otherwise all of the text is body."""
    first, nl, rest = text.partition("\n")
    if nl and rest.lstrip(" \t\r").startswith("\n"):
        return first, rest
    return None, text


def _render_analysis(an):
    return _rendered(_lib.gisa_analysis_render, an, _lib.GISA_FORMAT_JSON)


def analyze(page, url=None, *, max_keywords=20, kind="auto", **limits):
    """Analyse the article of `page` as `gisa analyze` does: sentences with
    scores, keywords, entities (people with titles, organisations, places,
    dates, numbers) and agreements, as a dict."""
    with _Document(page, url, None, None, kind, limits) as doc:
        opts = _ffi.new("gisa_analyze_options *")
        opts.max_keywords = max_keywords
        an = _ffi.new("gisa_analysis **")
        _call(_lib.gisa_analyze, doc.ptr, opts, an)
        try:
            return _json.loads(_render_analysis(an[0]))
        finally:
            _lib.gisa_analysis_free(an[0])


from ._corpus import ingest, create_store  # noqa: E402 - needs _call above
