/* test_load.c - reading files, gunzip, limits and the errors for bad paths. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "check.h"
#include "gisa.h"

static char dir[] = "/tmp/gisa-test-load-XXXXXX";

static const char *path_of(const char *name)
{
    static char p[256]; /* test-only scratch; one path in use at a time */
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

static void write_raw(const char *name, const void *data, size_t n)
{
    FILE *f = fopen(path_of(name), "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(data, 1, n, f);
        fclose(f);
    }
}

static void write_gz(const char *name, const char *mode, const void *data, size_t n)
{
    gzFile g = gzopen(path_of(name), mode);
    CHECK(g != NULL);
    if (g) {
        gzwrite(g, data, (unsigned)n);
        gzclose(g);
    }
}

static gisa_status load(const char *name, size_t max, gisa_bytes *b, gisa_error *err)
{
    return gisa_load(path_of(name), max, b, err);
}

static void test_plain_and_gzip(void)
{
    const char *page = "<html><body><p>바다숲</p></body></html>";
    write_raw("page.html", page, strlen(page));
    write_gz("page.html.gz", "wb", page, strlen(page));
    write_gz("misnamed.html", "wb", page, strlen(page)); /* gzip by magic, not name */
    const char *names[] = {"page.html", "page.html.gz", "misnamed.html"};
    for (int i = 0; i < 3; i++) {
        gisa_bytes b;
        gisa_error err;
        CHECK_INT(load(names[i], 0, &b, &err), GISA_OK);
        CHECK(b.len == strlen(page) && memcmp(b.data, page, b.len) == 0);
        gisa_bytes_free(&b);
        CHECK(b.data == NULL);
    }
}

static void test_concatenated_gzip(void)
{
    write_gz("two.gz", "wb", "first ", 6);
    write_gz("two.gz", "ab", "second", 6);
    gisa_bytes b;
    gisa_error err;
    CHECK_INT(load("two.gz", 0, &b, &err), GISA_OK);
    CHECK(b.len == 12 && memcmp(b.data, "first second", 12) == 0);
    gisa_bytes_free(&b);
}

/* Read a whole file into malloc'd memory. */
static unsigned char *slurp(const char *name, size_t *n)
{
    FILE *f = fopen(path_of(name), "rb");
    if (!f)
        return NULL;
    unsigned char *p = malloc(1 << 20);
    *n = fread(p, 1, 1 << 20, f);
    fclose(f);
    return p;
}

static void expect_fail(const char *name, size_t max, gisa_status want, const char *words)
{
    gisa_bytes b;
    gisa_error err;
    memset(&err, 0, sizeof err);
    gisa_status st = load(name, max, &b, &err);
    CHECK_INT(st, want);
    CHECK_HAS(err.message, name);
    CHECK_HAS(err.message, words);
    CHECK(strchr(err.message, '\n') == NULL);
    CHECK(b.data == NULL);
    if (st == GISA_OK)
        gisa_bytes_free(&b);
}

static void test_errors(void)
{
    write_raw("empty.html", "", 0);
    expect_fail("empty.html", 0, GISA_ERR_INPUT, "empty");
    expect_fail("missing.html", 0, GISA_ERR_IO, "cannot open");
    mkdir(path_of("subdir"), 0755);
    expect_fail("subdir", 0, GISA_ERR_IO, "directory");

    /* A gzip file cut in half. */
    char text[4000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + (i * 7919) % 26);
    write_gz("whole.gz", "wb", text, sizeof text);
    size_t n;
    unsigned char *gz = slurp("whole.gz", &n);
    CHECK(gz != NULL && n > 40);
    if (gz)
        write_raw("cut.gz", gz, n / 2);
    free(gz);
    expect_fail("cut.gz", 0, GISA_ERR_INPUT, "gzip");

    /* Corrupt deflate data after a valid header. */
    unsigned char junk[64] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
    memset(junk + 10, 0xFF, sizeof junk - 10);
    write_raw("corrupt.gz", junk, sizeof junk);
    expect_fail("corrupt.gz", 0, GISA_ERR_INPUT, "gzip");

    /* Size limits: plain and after decompression (a small zip bomb). */
    expect_fail("page.html", 10, GISA_ERR_INPUT, "limit");
    char *zeros = calloc(1, 1 << 20);
    write_gz("bomb.gz", "wb9", zeros, 1 << 20);
    free(zeros);
    expect_fail("bomb.gz", 100000, GISA_ERR_INPUT, "limit");
}

static void test_null_path(void)
{
    gisa_bytes b;
    gisa_error err;
    CHECK_INT(gisa_load(NULL, 0, &b, &err), GISA_ERR_USAGE);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_plain_and_gzip();
    test_concatenated_gzip();
    test_errors();
    test_null_path();
    const char *names[] = {"page.html", "page.html.gz", "misnamed.html", "two.gz",
                           "empty.html", "whole.gz", "cut.gz", "corrupt.gz", "bomb.gz"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        unlink(path_of(names[i]));
    rmdir(path_of("subdir"));
    rmdir(dir);
    CHECK_DONE();
}
