/* test_encoding.c - encoding detection and conversion to UTF-8. */
#include <strings.h>

#include "check.h"
#include "extract/extract.h"
#include "util/utf8.h"
#include "util.h"

/* A Korean paragraph long enough for detection without a declaration. */
static const char korean[] =
    "해양수산부는 올해 연안 바다숲을 새로 조성하고, 어업인이 직접 관리에 참여하는 "
    "지킴이 제도를 넓힌다고 밝혔다. 조성 해역마다 해조류 분포를 해마다 두 번 살펴 "
    "그 결과를 누리집에 공개할 계획이다. 바다숲은 수산생물의 산란장이자 서식지이다.";

static gisa_status decode(const char *name, const char *s, size_t n, const char *ctype,
                          decoded_text *t, gisa_error *err)
{
    gisa_source src = {name, (const unsigned char *)s, n, NULL, ctype, NULL, NULL};
    return decode_utf8(&src, t, err);
}

static void test_utf8_passthrough(void)
{
    decoded_text t;
    gisa_error err;
    CHECK_INT(decode("a.html", korean, strlen(korean), NULL, &t, &err), GISA_OK);
    CHECK_STR(t.encoding, "UTF-8");
    CHECK(t.text == korean); /* no copy for text that is already UTF-8 */
    buf_free(&t.conv);
    /* A UTF-8 byte-order mark is dropped. */
    char bom[600] = "\xEF\xBB\xBF";
    strcat(bom, korean);
    CHECK_INT(decode("bom.txt", bom, strlen(bom), NULL, &t, &err), GISA_OK);
    CHECK(t.len == strlen(korean) && memcmp(t.text, korean, t.len) == 0);
    buf_free(&t.conv);
}

static void check_euckr(const char *what, const char *prefix, const char *ctype)
{
    size_t n = 0;
    char *body = iconv_str(korean, "CP949", &n);
    CHECK(body != NULL);
    if (!body)
        return;
    size_t plen = strlen(prefix);
    char *page = malloc(plen + n + 1);
    memcpy(page, prefix, plen);
    memcpy(page + plen, body, n);
    decoded_text t;
    gisa_error err;
    gisa_status st = decode(what, page, plen + n, ctype, &t, &err);
    CHECK_INT(st, GISA_OK);
    if (st != GISA_OK)
        fprintf(stderr, "  %s: %s\n", what, err.message);
    if (st == GISA_OK) {
        CHECK(t.len == plen + strlen(korean) && memcmp(t.text + plen, korean, strlen(korean)) == 0);
        CHECK(strcasecmp(t.encoding, "EUC-KR") == 0 || strcasecmp(t.encoding, "CP949") == 0 ||
              strcasecmp(t.encoding, "UHC") == 0);
        if (!(strcasecmp(t.encoding, "EUC-KR") == 0 || strcasecmp(t.encoding, "CP949") == 0))
            fprintf(stderr, "  %s: encoding reported as %s\n", what, t.encoding);
    }
    buf_free(&t.conv);
    free(page);
    free(body);
}

static void test_euckr(void)
{
    check_euckr("meta-charset.html", "<html><head><meta charset=\"euc-kr\"></head><body><p>", NULL);
    check_euckr("http-equiv.html",
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                "charset=EUC-KR\"><title>t</title></head><body><p>", NULL);
    check_euckr("header.html", "<p>", "text/html; charset=euc-kr");
    check_euckr("undeclared.txt", "", NULL); /* uchardet */
}

static void test_utf16(void)
{
    const char *s = "\xFF\xFE<\0p\0>\0\x5C\xD5"; /* "<p>한" in UTF-16LE */
    decoded_text t;
    gisa_error err;
    CHECK_INT(decode("u16.html", s, 10, NULL, &t, &err), GISA_OK);
    CHECK(t.len == 6 && memcmp(t.text, "<p>한", 6) == 0);
    buf_free(&t.conv);
}

static void test_refusals(void)
{
    decoded_text t;
    gisa_error err;
    static const char bin[] = "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
    CHECK_INT(decode("prog.bin", bin, sizeof bin - 1, NULL, &t, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "prog.bin");
    CHECK(strchr(err.message, '\n') == NULL);
    buf_free(&t.conv);
    /* UTF-8 with one stray byte and no declaration is corrupt, not EUC-KR. */
    char bad[1200];
    snprintf(bad, sizeof bad, "%s\xFF%s", korean, korean + 30);
    gisa_status st = decode("broken.txt", bad, strlen(bad), NULL, &t, &err);
    CHECK_INT(st, GISA_ERR_INPUT);
    CHECK_HAS(err.message, "broken.txt");
    buf_free(&t.conv);
}

/* Through the public API: both encodings give the same document. */
static void test_extract_same(void)
{
    char html[2048];
    snprintf(html, sizeof html,
             "<html><head><meta charset=\"euc-kr\"><title>바다숲</title></head>"
             "<body><article><h1>바다숲</h1><p>%s</p><p>%s</p></article></body></html>",
             korean, korean + 3);
    size_t n;
    char *euc = iconv_str(html, "CP949", &n);
    gisa_error err;
    gisa_document *a = extract_str("e.html", euc, n, GISA_INPUT_AUTO, &err);
    CHECK(a != NULL);
    char utf[2048];
    snprintf(utf, sizeof utf, "%s", html);
    char *m = strstr(utf, "euc-kr");
    if (m)
        memcpy(m, "utf-8\" ", 7);
    gisa_document *b = extract_str("u.html", utf, strlen(utf), GISA_INPUT_AUTO, &err);
    CHECK(b != NULL);
    if (a && b) {
        char *ta = render_str(a, GISA_FORMAT_TEXT), *tb = render_str(b, GISA_FORMAT_TEXT);
        CHECK_STR(ta, tb);
        CHECK_HAS(ta, "바다숲은 수산생물의");
        free(ta);
        free(tb);
    }
    gisa_document_free(a);
    gisa_document_free(b);
    free(euc);
}

/* Repair in place of a copy; the result must be `want` exactly. */
static void check_repair(const char *damaged, const char *want)
{
    char tmp[1024];
    size_t n = strlen(damaged);
    if (n >= sizeof tmp) {
        CHECK(n < sizeof tmp);
        return;
    }
    memcpy(tmp, damaged, n + 1);
    CHECK(mojibake_likely(tmp, n) == (strcmp(damaged, want) != 0));
    n = mojibake_repair(tmp, n);
    tmp[n] = '\0';
    CHECK_STR(tmp, want);
}

/* UTF-8 read as Windows-1252 (or Latin-1) and encoded again is put back;
 * text that merely looks like it is left alone. */
static void test_mojibake(void)
{
    /* ’ through Windows-1252 and through Latin-1 (C1 controls) */
    check_repair("It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", "It\xE2\x80\x99s");
    check_repair("It\xC3\xA2\xC2\x80\xC2\x99s", "It\xE2\x80\x99s");
    check_repair("caf\xC3\x83\xC2\xA9 au lait", "caf\xC3\xA9 au lait"); /* café */
    /* 안녕하세요 */
    check_repair("\xC3\xAC\xE2\x80\xA2\xCB\x86\xC3\xAB\xE2\x80\xA6\xE2\x80\xA2\xC3\xAD\xE2\x80"
                 "\xA2\xCB\x9C\xC3\xAC\xE2\x80\x9E\xC2\xB8\xC3\xAC\xC5\xA1\xE2\x80\x9D",
                 "\xEC\x95\x88\xEB\x85\x95\xED\x95\x98\xEC\x84\xB8\xEC\x9A\x94");
    /* €5 — “ok” */
    check_repair("\xC3\xA2\xE2\x80\x9A\xC2\xAC" "5 \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D "
                 "\xC3\xA2\xE2\x82\xAC\xC5\x93ok\xC3\xA2\xE2\x82\xAC\xC2\x9D",
                 "\xE2\x82\xAC" "5 \xE2\x80\x94 \xE2\x80\x9Cok\xE2\x80\x9D");
    /* Ordinary text: é, no-break space, »; ß«; SÃO; a lone Ã at the end;
     * a lead whose sequence is cut off by the end of the text. */
    check_repair("l'\xC3\xA9t\xC3\xA9\xC2\xA0\xC2\xBB", "l'\xC3\xA9t\xC3\xA9\xC2\xA0\xC2\xBB");
    check_repair("Fu\xC3\x9F\xC2\xAB", "Fu\xC3\x9F\xC2\xAB");
    check_repair("S\xC3\x83O PAULO \xC3\x83", "S\xC3\x83O PAULO \xC3\x83");
    check_repair("x \xC3\xA2\xE2\x82\xAC", "x \xC3\xA2\xE2\x82\xAC");
    check_repair(korean, korean);

    /* Through decode_utf8: a copy is made only for a damaged page. */
    static const char page[] = "<p>It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s caf\xC3\x83\xC2\xA9</p>";
    decoded_text t;
    gisa_error err;
    CHECK_INT(decode("m.html", page, strlen(page), NULL, &t, &err), GISA_OK);
    CHECK_STR(t.encoding, "UTF-8");
    CHECK(t.len == strlen("<p>It\xE2\x80\x99s caf\xC3\xA9</p>") &&
          memcmp(t.text, "<p>It\xE2\x80\x99s caf\xC3\xA9</p>", t.len) == 0);
    buf_free(&t.conv);
}

/* Strings made of lead-like and continuation-like characters, ASCII and
 * Korean, in a fixed pseudo-random order: the repair must give valid
 * UTF-8 that is never longer. */
static void test_mojibake_random(void)
{
    static const char *const parts[] = {
        "\xC3\xA2", "\xC3\x83", "\xC3\xAC", "\xC3\xB0", "\xC3\xAD", "\xC3\xA0", "\xC3\xB4",
        "\xC2\x80", "\xC2\x9F", "\xC2\xA0", "\xC2\xBF", "\xE2\x82\xAC", "\xE2\x84\xA2",
        "\xE2\x80\x99", "\xC5\x93", "\xCB\x86", "\xC3\x82", "a", " ", "\xED\x95\x9C",
    };
    unsigned state = 12345;
    char in[64 * 3 + 1], out[sizeof in];
    for (int round = 0; round < 5000; round++) {
        size_t n = 0;
        int count = 1 + (int)(state % 24);
        for (int k = 0; k < count; k++) {
            state = state * 1103515245u + 12345u;
            const char *p = parts[(state >> 16) % (sizeof parts / sizeof *parts)];
            memcpy(in + n, p, strlen(p));
            n += strlen(p);
        }
        memcpy(out, in, n);
        size_t m = mojibake_repair(out, n);
        if (m > n || utf8_check((const unsigned char *)out, m).invalid != 0) {
            CHECK(m <= n);
            CHECK(utf8_check((const unsigned char *)out, m).invalid == 0);
            return;
        }
    }
}

int main(void)
{
    test_utf8_passthrough();
    test_euckr();
    test_utf16();
    test_refusals();
    test_extract_same();
    test_mojibake();
    test_mojibake_random();
    CHECK_DONE();
}
