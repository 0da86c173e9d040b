/* test_utf8.c - decoding, validation, text_clean and NFC. */
#include <stdlib.h>

#include "check.h"
#include "util/utf8.h"

static void test_decode_encode(void)
{
    int32_t cp;
    CHECK_INT(utf8_decode((const unsigned char *)"가", 3, &cp), 3);
    CHECK_INT(cp, 0xAC00);
    CHECK_INT(utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    /* Bad bytes decode to U+FFFD one byte at a time. */
    CHECK_INT(utf8_decode((const unsigned char *)"\xFF", 1, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(utf8_decode((const unsigned char *)"\xEA\xB0", 2, &cp), 1); /* truncated */
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 1); /* overlong */
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 1); /* surrogate */
    CHECK_INT(cp, 0xFFFD);
    char out[4];
    CHECK_INT(utf8_encode(0xD7A3, out), 3);
    CHECK(memcmp(out, "힣", 3) == 0);
    CHECK_INT(utf8_encode('A', out), 1);
    CHECK_INT(utf8_encode(0x1F600, out), 4);
}

static void test_check_and_length(void)
{
    const char *ok = "한국어 text";
    utf8_scan s = utf8_check((const unsigned char *)ok, strlen(ok));
    CHECK_INT(s.invalid, 0);
    CHECK_INT(s.multibyte, 3);
    CHECK_INT(s.first_error, strlen(ok));
    const char *bad = "ab\xB0\xA1 cd"; /* EUC-KR "가" is not UTF-8 */
    s = utf8_check((const unsigned char *)bad, strlen(bad));
    CHECK_INT(s.first_error, 2);
    CHECK(s.invalid >= 1);
    CHECK_INT(utf8_length(ok, strlen(ok)), 8);
    CHECK(utf8_is_hangul(0xAC00) && utf8_is_hangul(0xD7A3) && !utf8_is_hangul(0x3131));
    CHECK(utf8_is_space(0x3000) && utf8_is_space(0xA0) && !utf8_is_space('x'));
}

static char *clean(const char *s, int keep_newlines)
{
    buf b = BUF_INIT;
    text_clean(&b, s, strlen(s), keep_newlines);
    return buf_detach(&b, NULL);
}

static void check_clean(const char *in, int nl, const char *want)
{
    char *got = clean(in, nl);
    CHECK_STR(got, want);
    free(got);
}

static void test_text_clean(void)
{
    check_clean("  보도\t\t자료  ", 0, "보도 자료");
    check_clean("a\xC2\xA0\xC2\xA0" "b", 0, "a b");                  /* no-break spaces */
    check_clean("a\xE3\x80\x80" "b", 0, "a b");                       /* ideographic space */
    check_clean("바\xE2\x80\x8B" "다\xEF\xBB\xBF" "숲", 0, "바다숲"); /* zero-width, BOM */
    check_clean("soft\xC2\xAD" "hyphen", 0, "softhyphen");
    check_clean("ctl\x01\x02x", 0, "ctlx");
    check_clean("one\n\n two \n", 1, "one\ntwo");
    check_clean("one\n two", 0, "one two");
    check_clean("", 0, "");
    check_clean(" \n\t ", 1, "");
    /* Invalid bytes are kept visible as U+FFFD, not dropped silently. */
    check_clean("a\xFF" "b", 0, "a\xEF\xBF\xBD" "b");
}

static void test_nfc(void)
{
    /* Conjoining jamo (NFD Hangul, as macOS file names give) compose. */
    check_clean("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xB3\xE1\x86\xAF",
                0, "한글");
    /* e + combining acute -> é */
    check_clean("caf\x65\xCC\x81", 0, "caf\xC3\xA9");
    /* Already-NFC text is unchanged. */
    check_clean("정책브리핑 café", 0, "정책브리핑 café");
    buf b = BUF_INIT;
    buf_puts(&b, "keep\x65\xCC\x81");
    size_t from = b.len;
    buf_puts(&b, "\x65\xCC\x81");
    text_nfc_tail(&b, from);
    CHECK_STR(b.ptr, "keep\x65\xCC\x81\xC3\xA9"); /* only the tail changes */
    buf_free(&b);
}

static void test_clean_dup(void)
{
    arena a;
    arena_init(&a);
    CHECK_STR(text_clean_dup(&a, " x  y ", 6, 0), "x y");
    arena_free(&a);
}

int main(void)
{
    test_decode_encode();
    test_check_and_length();
    test_text_clean();
    test_nfc();
    test_clean_dup();
    CHECK_DONE();
}
