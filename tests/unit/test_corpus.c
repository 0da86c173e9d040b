/* test_corpus.c - the WARC reader (good, malformed, truncated, gzip member
 * by member, corrupt members, large records) and SimHash. */
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "check.h"
#include "corpus/corpus.h"

/* A WARC record of `type` whose block is an HTTP response with `body`. */
static size_t record(char *out, size_t cap, const char *type, const char *url,
                     const char *body)
{
    char block[300000];
    int bl = snprintf(block, sizeof block,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s", body);
    return (size_t)snprintf(out, cap,
                            "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
                            "WARC-Date: 2026-03-12T09:00:00Z\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
                            type, url, bl, block);
}

static char *temp_path(const char *suffix)
{
    char *p = malloc(256);
    snprintf(p, 256, "%s/gisa-test-corpus-%ld%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (long)getpid(), suffix);
    return p;
}

static void write_all(const char *path, const char *data, size_t len, const char *mode)
{
    FILE *f = fopen(path, mode);
    CHECK(f != NULL);
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

/* Append `data` to `path` as one gzip member. */
static void write_member(const char *path, const char *data, size_t len, int cut)
{
    uLong cap = compressBound(len) + 64;
    unsigned char *z = malloc(cap);
    z_stream zs = {0};
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (unsigned char *)data;
    zs.avail_in = (uInt)len;
    zs.next_out = z;
    zs.avail_out = (uInt)cap;
    deflate(&zs, Z_FINISH);
    size_t n = zs.total_out;
    deflateEnd(&zs);
    write_all(path, (const char *)z, cut ? n / 2 : n, "ab");
    free(z);
}

static void test_plain(void)
{
    static char buf[1 << 20];
    size_t n = 0;
    n += (size_t)snprintf(buf + n, sizeof buf - n,
                          "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n");
    n += record(buf + n, sizeof buf - n, "response", "https://a.example/", "<p>첫째</p>");
    n += record(buf + n, sizeof buf - n, "request", "https://a.example/", "");
    n += (size_t)snprintf(buf + n, sizeof buf - n,
                          "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -3\r\n\r\nxyz\r\n\r\n");
    /* a big record, larger than the reader's read size */
    static char big[250000];
    memset(big, 'x', sizeof big - 1);
    n += record(buf + n, sizeof buf - n, "response", "https://b.example/", big);
    /* cut at the end of the file */
    n += (size_t)snprintf(buf + n, sizeof buf - n,
                          "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200");
    char *path = temp_path(".warc");
    write_all(path, buf, n, "wb");
    gisa_error err;
    warc_reader *r = warc_open(path, 0, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    warc_record rec;
    CHECK_INT(warc_next(r, &rec, &err), 1);
    CHECK_STR(rec.url, "https://a.example/");
    CHECK_STR(rec.date, "2026-03-12T09:00:00Z");
    CHECK_STR(rec.content_type, "text/html; charset=utf-8");
    CHECK_INT(rec.status, 200);
    CHECK_INT(rec.len, strlen("<p>첫째</p>"));
    CHECK(rec.len && !memcmp(rec.body, "<p>첫째</p>", rec.len));
    CHECK_INT(warc_next(r, &rec, &err), -1);
    CHECK(strstr(err.message, "Content-Length") != NULL);
    CHECK(strstr(err.message, path) != NULL);
    CHECK_INT(warc_next(r, &rec, &err), 1);
    CHECK_STR(rec.url, "https://b.example/");
    CHECK_INT(rec.len, sizeof big - 1);
    CHECK_INT(warc_next(r, &rec, &err), -1);
    CHECK(strstr(err.message, "truncated") != NULL);
    CHECK_INT(warc_next(r, &rec, &err), 0);
    warc_close(r);
    unlink(path);
    free(path);
}

static void test_gzip(void)
{
    static char buf[4096];
    char *path = temp_path(".warc.gz");
    unlink(path);
    size_t n = record(buf, sizeof buf, "response", "https://a.example/", "<p>a</p>");
    write_member(path, buf, n, 0);
    n = record(buf, sizeof buf, "response", "https://cut.example/", "<p>cut</p>");
    write_member(path, buf, n, 1);
    write_all(path, "garbage between members", 23, "ab");
    n = record(buf, sizeof buf, "response", "https://b.example/", "<p>b</p>");
    write_member(path, buf, n, 0);
    /* a member whose gzip header is damaged */
    write_all(path, "\x1f\x8b\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff", 12, "ab");
    n = record(buf, sizeof buf, "response", "https://c.example/", "<p>c</p>");
    write_member(path, buf, n, 0);
    gisa_error err;
    warc_reader *r = warc_open(path, 0, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    warc_record rec;
    CHECK_INT(warc_next(r, &rec, &err), 1);
    CHECK_STR(rec.url, "https://a.example/");
    CHECK_INT(warc_next(r, &rec, &err), -1);
    CHECK_INT(warc_next(r, &rec, &err), 1);
    CHECK_STR(rec.url, "https://b.example/");
    CHECK_INT(warc_next(r, &rec, &err), -1);
    CHECK(strstr(err.message, "corrupt gzip member") != NULL);
    CHECK_INT(warc_next(r, &rec, &err), 1);
    CHECK_STR(rec.url, "https://c.example/");
    CHECK(rec.len == 8 && !memcmp(rec.body, "<p>c</p>", 8));
    CHECK_INT(warc_next(r, &rec, &err), 0);
    warc_close(r);
    unlink(path);
    free(path);

    r = warc_open("/nonexistent/x.warc", 0, &err);
    CHECK(r == NULL);
    CHECK(strstr(err.message, "/nonexistent/x.warc") != NULL);
}

static void test_simhash(void)
{
    /* an article-sized text, and the same with one number changed */
    static char a[8192], b[8192];
    size_t al = 0;
    for (int i = 0; i < 30; i++)
        al += (size_t)snprintf(a + al, sizeof a - al,
                               "%d번째 문단: 정부는 올해 바다숲 %d곳을 새로 조성하고 "
                               "수중드론으로 사후관리를 강화한다고 밝혔다. ", i, 10 + i);
    memcpy(b, a, al + 1);
    memcpy(strstr(b, "바다숲 25곳") + strlen("바다숲 "), "52", 2);
    const char *c = "The committee met on Tuesday to discuss the harbour budget and agreed "
                    "to publish a report on fishing quotas before the end of the year.";
    uint64_t ha = corpus_simhash(a, strlen(a));
    CHECK(ha == corpus_simhash(a, strlen(a)));
    CHECK(corpus_hamming(ha, corpus_simhash(b, strlen(b))) <= CORPUS_MAX_DISTANCE);
    CHECK(corpus_hamming(ha, corpus_simhash(c, strlen(c))) > 10);
    /* white space does not count */
    const char *a2 = "정부는  올해\n바다숲 54곳을";
    const char *a3 = "정부는 올해 바다숲 54곳을";
    CHECK(corpus_simhash(a2, strlen(a2)) == corpus_simhash(a3, strlen(a3)));
    CHECK_INT(corpus_hamming(0, ~0ULL), 64);
    corpus_simhash("", 0); /* no crash on empty or short text */
    corpus_simhash("\xff\xfe", 2);

    char h1[25], h2[25];
    corpus_content_hash((const unsigned char *)a, strlen(a), h1);
    corpus_content_hash((const unsigned char *)b, strlen(b), h2);
    CHECK_INT(strlen(h1), 24);
    CHECK(strcmp(h1, h2) != 0);
}

/* A response record around an HTTP block of `n` bytes. */
static size_t http_record(char *out, size_t cap, const char *http, size_t n)
{
    size_t h = (size_t)snprintf(out, cap,
                                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
                                "https://enc.example/\r\nContent-Length: %zu\r\n\r\n", n);
    memcpy(out + h, http, n);
    memcpy(out + h + n, "\r\n\r\n", 4);
    return h + n + 4;
}

static void test_encodings(void)
{
    static char buf[8192], http[4096];
    size_t n = 0;
    const char *chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5\r\n<p>a<\r\n4\r\n/p>x\r\n0\r\n\r\n";
    n += http_record(buf + n, sizeof buf - n, chunked, strlen(chunked));
    /* gzip content encoding */
    size_t hl = (size_t)snprintf(http, sizeof http,
                                 "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n");
    z_stream zs = {0};
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (unsigned char *)"<p>zipped</p>";
    zs.avail_in = 13;
    zs.next_out = (unsigned char *)http + hl;
    zs.avail_out = (uInt)(sizeof http - hl);
    deflate(&zs, Z_FINISH);
    hl += zs.total_out;
    deflateEnd(&zs);
    n += http_record(buf + n, sizeof buf - n, http, hl);
    const char *bad = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
    n += http_record(buf + n, sizeof buf - n, bad, strlen(bad));
    n += http_record(buf + n, sizeof buf - n, chunked, strlen(chunked));
    char *path = temp_path("-enc.warc");
    write_all(path, buf, n, "wb");
    gisa_error err;
    warc_reader *r = warc_open(path, 0, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    warc_record rec;
    CHECK_INT(warc_next(r, &rec, &err), 1);
    CHECK(rec.len == 9 && !memcmp(rec.body, "<p>a</p>x", 9));
    CHECK_INT(warc_next(r, &rec, &err), 1);
    CHECK(rec.len == 13 && !memcmp(rec.body, "<p>zipped</p>", 13));
    CHECK_INT(warc_next(r, &rec, &err), -1);
    CHECK(strstr(err.message, "chunked") != NULL);
    CHECK_INT(warc_next(r, &rec, &err), 1); /* the next record is not lost */
    CHECK_INT(warc_next(r, &rec, &err), 0);
    warc_close(r);
    unlink(path);
    free(path);
}

int main(void)
{
    test_encodings();
    test_plain();
    test_gzip();
    test_simhash();
    CHECK_DONE();
}
