/* warc.c - a streaming reader of WARC files (ISO 28500), plain or gzip.
 *
 * Decoded bytes go through one buffer that holds at most the record being
 * parsed, so memory is bounded by the largest record whatever the file
 * size. A gzip member is a "segment": a record never spans two members,
 * so a corrupt or cut member costs only the records inside it. A bad
 * record is reported and the reader resynchronises on the next line that
 * starts with "WARC/1.".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/error.h"
#include "../util/zapi.h"
#include "corpus.h"

#define CHUNK ((size_t)1 << 16)
#define MAX_HEADER ((size_t)1 << 16) /* WARC or HTTP header block */

struct warc_reader {
    char *path;
    FILE *f;
    int gz;
    z_stream zs;
    unsigned char in[CHUNK];
    unsigned char *buf;  /* decoded bytes; [start, len) not consumed yet */
    size_t cap, start, len;
    uint64_t base;       /* stream offset of buf[0] */
    int seg_end;         /* the current segment has no more bytes */
    int file_eof;        /* nothing after the current segment */
    int bad_member;      /* the current gzip member is corrupt or cut */
    long member_start;   /* file offset of the current gzip member */
    int reported;        /* an error was given for the current member */
    size_t max_record;
    unsigned long records; /* WARC records seen, for messages */
    uint64_t file_size;
    char *url, *date, *id, *ctype; /* strings of the last record */
    unsigned char *payload;   /* its body, gunzipped, when it was gzip */
};

warc_reader *warc_open(const char *path, size_t max_record, gisa_error *err)
{
    const char *why; /* (gzip files, and gzip bodies in plain ones) */
    if (!z_api_get(&why)) {
        gisa_fail(err, GISA_ERR_INPUT, "%s: %s", path, why);
        return NULL;
    }
    warc_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        free(r);
        gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
        return NULL;
    }
    r->max_record = max_record ? max_record : GISA_DEFAULT_MAX_INPUT;
    r->f = fopen(path, "rb");
    if (!r->f) {
        gisa_fail(err, GISA_ERR_IO, "%s: %s", path, strerror(errno));
        warc_close(r);
        return NULL;
    }
    struct stat sb;
    if (fstat(fileno(r->f), &sb) == 0)
        r->file_size = (uint64_t)sb.st_size;
    int c0 = getc(r->f), c1 = getc(r->f);
    rewind(r->f);
    if (c0 == 0x1f && c1 == 0x8b) {
        r->gz = 1;
        if (inflateInit2(&r->zs, 15 + 16) != Z_OK) {
            gisa_fail(err, GISA_ERR_NOMEM, "%s: cannot start gunzip", path);
            warc_close(r);
            return NULL;
        }
    }
    return r;
}

void warc_close(warc_reader *r)
{
    if (!r)
        return;
    if (r->gz)
        inflateEnd(&r->zs);
    if (r->f)
        fclose(r->f);
    free(r->buf);
    free(r->path);
    free(r->url);
    free(r->date);
    free(r->id);
    free(r->ctype);
    free(r->payload);
    free(r);
}

void warc_progress(const warc_reader *r, uint64_t *done, uint64_t *total)
{
    long pos = ftell(r->f);
    *done = pos > 0 ? (uint64_t)pos : 0;
    if (r->gz && *done >= r->zs.avail_in)
        *done -= r->zs.avail_in;
    *total = r->file_size;
}

/* Room for `extra` more bytes after len: drop consumed bytes, then grow. */
static int make_room(warc_reader *r, size_t extra)
{
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->len - r->start);
        r->base += r->start;
        r->len -= r->start;
        r->start = 0;
    }
    if (r->cap - r->len >= extra)
        return 1;
    size_t cap = r->len + extra + CHUNK;
    unsigned char *p = realloc(r->buf, cap);
    if (!p)
        return 0;
    r->buf = p;
    r->cap = cap;
    return 1;
}

/* Decode more bytes of the current segment into the buffer. */
static void read_more(warc_reader *r)
{
    if (r->seg_end || !make_room(r, CHUNK)) {
        r->seg_end = 1;
        return;
    }
    if (!r->gz) {
        size_t n = fread(r->buf + r->len, 1, r->cap - r->len, r->f);
        r->len += n;
        if (n == 0)
            r->seg_end = r->file_eof = 1;
        return;
    }
    if (r->zs.avail_in == 0) {
        r->zs.avail_in = (uInt)fread(r->in, 1, CHUNK, r->f);
        r->zs.next_in = r->in;
        if (r->zs.avail_in == 0) { /* the file ends inside a member */
            r->seg_end = r->file_eof = r->bad_member = 1;
            return;
        }
    }
    r->zs.next_out = r->buf + r->len;
    r->zs.avail_out = (uInt)(r->cap - r->len);
    int rc = inflate(&r->zs, Z_NO_FLUSH);
    r->len = (size_t)(r->zs.next_out - r->buf);
    if (rc == Z_STREAM_END)
        r->seg_end = 1;
    else if (rc != Z_OK && rc != Z_BUF_ERROR)
        r->seg_end = r->bad_member = 1;
}

/* Make `need` bytes available from start, unless the segment ends first.
 * Returns the bytes available. */
static size_t fill(warc_reader *r, size_t need)
{
    while (r->len - r->start < need && !r->seg_end)
        read_more(r);
    return r->len - r->start;
}

/* Find the next gzip header in the file (after a corrupt member). */
static void seek_gzip_magic(warc_reader *r)
{
    for (;;) {
        if (r->zs.avail_in < 3) {
            memmove(r->in, r->zs.next_in, r->zs.avail_in);
            size_t n = fread(r->in + r->zs.avail_in, 1, CHUNK - r->zs.avail_in, r->f);
            r->zs.next_in = r->in;
            r->zs.avail_in += (uInt)n;
            if (n == 0) {
                r->zs.avail_in = 0;
                r->file_eof = 1;
                return;
            }
            if (r->zs.avail_in < 3)
                continue;
        }
        const unsigned char *p = r->zs.next_in;
        for (uInt i = 0; i + 2 < r->zs.avail_in; i++)
            if (p[i] == 0x1f && p[i + 1] == 0x8b && p[i + 2] == 8) {
                r->zs.next_in += i;
                r->zs.avail_in -= i;
                return;
            }
        r->zs.next_in += r->zs.avail_in - 2;
        r->zs.avail_in = 2;
    }
}

/* Drop what is left of the segment and move to the next one. Returns 0
 * when the file is done. */
static int next_segment(warc_reader *r)
{
    r->base += r->len;
    r->start = r->len = 0;
    if (!r->gz || (r->file_eof && !r->bad_member))
        return r->file_eof = 1, 0;
    if (r->bad_member) {
        /* inflate may have read into the next member: look for it from
         * just after the start of the bad one */
        r->zs.avail_in = 0;
        r->file_eof = 0;
        if (fseek(r->f, r->member_start + 1, SEEK_SET) != 0)
            return r->file_eof = 1, 0;
        seek_gzip_magic(r);
        r->bad_member = 0;
    } else if (r->zs.avail_in == 0) {
        r->zs.avail_in = (uInt)fread(r->in, 1, CHUNK, r->f);
        r->zs.next_in = r->in;
    }
    if (r->file_eof || r->zs.avail_in == 0)
        return r->file_eof = 1, 0;
    r->member_start = ftell(r->f) - (long)r->zs.avail_in;
    inflateReset(&r->zs);
    r->seg_end = 0;
    return 1;
}

/* Skip to the next line starting with "WARC/1." after buf[start]. */
static void resync(warc_reader *r)
{
    static const char tag[] = "\nWARC/1.";
    size_t from = r->start;
    for (;;) {
        const unsigned char *p = memmem(r->buf + from, r->len - from, tag, sizeof tag - 1);
        if (p) {
            r->start = (size_t)(p - r->buf) + 1;
            return;
        }
        if (r->seg_end) {
            r->start = r->len;
            return;
        }
        /* Keep a tail that may hold the start of the tag. */
        size_t keep = r->len - r->start < sizeof tag ? r->len - r->start : sizeof tag;
        r->start = r->len - keep;
        read_more(r);
        from = r->start;
    }
}

/* Offset just past the first empty line in p[0..n), or 0. */
static size_t header_end(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] != '\n')
            continue;
        if (p[i + 1] == '\n')
            return i + 2;
        if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* The value of header `name` in the block p[0..n), copied, or NULL. */
static char *header_value(const unsigned char *p, size_t n, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < n;) {
        const unsigned char *eol = memchr(p + i, '\n', n - i);
        size_t end = eol ? (size_t)(eol - p) : n;
        if (end - i > nl && p[i + nl] == ':' && !strncasecmp((const char *)p + i, name, nl)) {
            size_t a = i + nl + 1, b = end;
            while (a < b && (p[a] == ' ' || p[a] == '\t'))
                a++;
            while (b > a && (p[b - 1] == '\r' || p[b - 1] == ' ' || p[b - 1] == '\t'))
                b--;
            return strndup((const char *)p + a, b - a);
        }
        i = end + 1;
    }
    return NULL;
}

static int parse_length(const char *s, uint64_t *out)
{
    if (!s || !*s)
        return 0;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > UINT64_MAX / 10 - 10)
            return 0;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 1;
}

/* Undo "Transfer-Encoding: chunked" in place (the result is shorter).
 * Returns the new length, or (size_t)-1 if the chunks are malformed. */
static size_t dechunk(unsigned char *p, size_t n)
{
    size_t in = 0, out = 0;
    for (;;) {
        char *end;
        unsigned long long size = strtoull((const char *)p + in, &end, 16);
        if ((unsigned char *)end == p + in)
            return (size_t)-1;
        const unsigned char *eol = memchr(p + in, '\n', n - in);
        if (!eol)
            return (size_t)-1;
        in = (size_t)(eol - p) + 1;
        if (size == 0)
            return out;
        if (size > n - in)
            return (size_t)-1;
        memmove(p + out, p + in, (size_t)size);
        out += (size_t)size;
        in += (size_t)size;
        while (in < n && (p[in] == '\r' || p[in] == '\n'))
            in++;
        if (in >= n)
            return out; /* a missing last chunk: keep what came */
    }
}

/* Inflate a gzip (Content-Encoding) body into r->payload, at most
 * max_record bytes. 0 if it is not valid gzip or too large. */
static int gunzip_payload(warc_reader *r, const unsigned char *p, size_t n, size_t *len)
{
    z_stream zs = {0};
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return 0;
    size_t cap = n * 4 + CHUNK, used = 0;
    int rc = Z_OK;
    zs.next_in = (unsigned char *)p;
    zs.avail_in = (uInt)n;
    while (rc == Z_OK) {
        if (cap - used < CHUNK) {
            cap *= 2;
            if (cap > r->max_record + CHUNK)
                break;
        }
        unsigned char *q = realloc(r->payload, cap);
        if (!q)
            break;
        r->payload = q;
        zs.next_out = q + used;
        zs.avail_out = (uInt)(cap - used);
        rc = inflate(&zs, Z_NO_FLUSH);
        used = cap - zs.avail_out;
    }
    inflateEnd(&zs);
    *len = used;
    return rc == Z_STREAM_END && used <= r->max_record;
}

/* Split an HTTP response block into status, Content-Type and payload,
 * undoing chunked transfer and gzip content encoding (Common Crawl stores
 * payloads decoded; other crawlers store them as sent). -1 if bad. */
static int parse_http(warc_reader *r, unsigned char *p, size_t n, warc_record *rec,
                      gisa_error *err)
{
    rec->body = p;
    rec->len = n;
    rec->status = 0;
    if (n < 12 || memcmp(p, "HTTP/", 5) != 0)
        return 1;
    const unsigned char *sp = memchr(p, ' ', n < 32 ? n : 32);
    if (sp && sp + 4 <= p + n)
        rec->status = atoi((const char *)sp + 1);
    size_t lim = n < MAX_HEADER ? n : MAX_HEADER;
    size_t h = header_end(p, lim);
    if (!h)
        return 1;
    r->ctype = header_value(p, h, "Content-Type");
    rec->content_type = r->ctype;
    rec->body = p + h;
    rec->len = n - h;
    char *te = header_value(p, h, "Transfer-Encoding");
    char *ce = header_value(p, h, "Content-Encoding");
    int chunked = te && strcasestr(te, "chunked");
    int gz = ce && strcasestr(ce, "gzip");
    free(te);
    free(ce);
    const char *why = NULL;
    if (chunked && (rec->len = dechunk(p + h, n - h)) == (size_t)-1)
        why = "bad chunked transfer encoding";
    else if (gz && rec->len >= 2 && rec->body[0] == 0x1f && rec->body[1] == 0x8b) {
        size_t len = 0;
        if (!gunzip_payload(r, rec->body, rec->len, &len))
            why = "bad or oversized gzip content encoding";
        rec->body = r->payload;
        rec->len = len;
    }
    if (!why)
        return 1;
    gisa_fail(err, GISA_ERR_INPUT, "%s: record %lu (%s): %s", r->path, r->records,
              r->url ? r->url : "no URL", why);
    return -1;
}

/* Bytes of the record terminator at buf[at], or 0 if it is missing. A
 * segment that ends right after the block also counts. */
static size_t terminator(warc_reader *r, size_t at)
{
    size_t have = fill(r, at - r->start + 4) - (at - r->start);
    const unsigned char *p = r->buf + at;
    if (have >= 4 && !memcmp(p, "\r\n\r\n", 4))
        return 4;
    if (have >= 2 && !memcmp(p, "\n\n", 2))
        return 2;
    for (size_t i = 0; i < have; i++)
        if (p[i] != '\r' && p[i] != '\n')
            return 0;
    return r->seg_end ? have : 0;
}

static int bad_record(warc_reader *r, uint64_t off, gisa_error *err, const char *why)
{
    gisa_fail(err, GISA_ERR_INPUT, "%s: record %lu at offset %llu: %s", r->path, r->records,
              (unsigned long long)off, why);
    r->reported = 1;
    resync(r);
    return -1;
}

/* Skip blank lines between records and empty segments: 1 when a record
 * may start, 0 at the end, -1 for a corrupt gzip member that gave no
 * record to blame. */
static int skip_gap(warc_reader *r, gisa_error *err)
{
    for (;;) {
        fill(r, 1);
        while (r->start < r->len && (r->buf[r->start] == '\r' || r->buf[r->start] == '\n'))
            r->start++;
        if (r->start < r->len)
            return 1;
        if (!r->seg_end)
            continue;
        if (r->bad_member && !r->reported) {
            gisa_fail(err, GISA_ERR_INPUT, "%s: corrupt gzip member at byte %ld, skipped", r->path,
                      r->member_start);
            r->reported = 1;
            return -1;
        }
        if (!next_segment(r))
            return 0;
        r->reported = 0;
    }
}

/* Parse one record at buf[start]: 1 response, 2 other type, -1 bad. */
static int parse_record(warc_reader *r, warc_record *rec, gisa_error *err)
{
    uint64_t off = r->base + r->start;
    r->records++;
    size_t have = fill(r, 8);
    if (have < 8 || memcmp(r->buf + r->start, "WARC/1.", 7) != 0)
        return bad_record(r, off, err, r->bad_member ? "corrupt gzip data"
                                                     : "not a WARC record (no WARC/1.x line)");
    size_t h = 0;
    for (size_t want = 4096; !h; want *= 2) {
        have = fill(r, want);
        h = header_end(r->buf + r->start, have);
        if (!h && (have < want || want >= MAX_HEADER))
            return bad_record(r, off, err, "header block not terminated");
    }
    const unsigned char *hp = r->buf + r->start;
    char *cl = header_value(hp, h, "Content-Length");
    uint64_t len;
    int ok = parse_length(cl, &len);
    free(cl);
    if (!ok)
        return bad_record(r, off, err, "missing or invalid Content-Length");
    if (len > r->max_record)
        return bad_record(r, off, err, "record larger than the size limit, skipped");
    have = fill(r, h + (size_t)len);
    if (have < h + len) {
        char why[128];
        snprintf(why, sizeof why, "truncated (Content-Length %llu, %zu bytes present)",
                 (unsigned long long)len, have - h);
        return bad_record(r, off, err, r->bad_member ? "corrupt gzip data" : why);
    }
    size_t term = terminator(r, r->start + h + (size_t)len);
    if (!term)
        return bad_record(r, off, err, "no record end after Content-Length bytes (cut or wrong length)");
    hp = r->buf + r->start; /* fill may have moved the buffer */
    char *type = header_value(hp, h, "WARC-Type");
    int response = type && !strcmp(type, "response");
    free(type);
    free(r->url);
    free(r->date);
    free(r->id);
    free(r->ctype);
    free(r->payload);
    r->url = r->date = r->id = r->ctype = NULL;
    r->payload = NULL;
    size_t rec_start = r->start;
    r->start += h + (size_t)len + term;
    if (!response)
        return 2;
    r->url = header_value(hp, h, "WARC-Target-URI");
    r->date = header_value(hp, h, "WARC-Date");
    r->id = header_value(hp, h, "WARC-Record-ID");
    memset(rec, 0, sizeof *rec);
    rec->url = r->url;
    rec->date = r->date;
    rec->id = r->id;
    rec->offset = off;
    return parse_http(r, r->buf + rec_start + h, (size_t)len, rec, err);
}

int warc_next(warc_reader *r, warc_record *rec, gisa_error *err)
{
    for (;;) {
        int gap = skip_gap(r, err);
        if (gap <= 0)
            return gap;
        int rc = parse_record(r, rec, err);
        if (rc != 2)
            return rc;
    }
}
