/* test_slug.c - Revised Romanization slugs for post file names. */
#include "check.h"
#include "compose/slug.h"

static void check_slug(const char *title, const char *want)
{
    buf b = BUF_INIT;
    slug_romanize(&b, title);
    CHECK_STR(b.ptr, want);
    buf_free(&b);
}

static void test_romanization(void)
{
    check_slug("바다숲", "badasup");
    check_slug("정책브리핑", "jeongchaekbeuriping");
    check_slug("한일 국방장관 회담", "hanil-gukbangjanggwan-hoedam");
    check_slug("꽃게", "kkotge");
    check_slug("의료와 교통", "uiryowa-gyotong");
    check_slug("AI 시대, 2026년!", "ai-sidae-2026nyeon");
    check_slug("Hello World", "hello-world");
    /* liaison: a final before a silent ㅇ moves (issue #14) */
    check_slug("핵융합", "haegyunghap");
    check_slug("맑은공기", "malgeungonggi");
    check_slug("좋아요", "joayo");
    check_slug("영어", "yeongeo");
    check_slug("없어", "eopseo");
}

static void test_safety(void)
{
    check_slug("", "post");
    check_slug(NULL, "post");
    check_slug("!!! ???", "post");
    check_slug("…「」『』", "post");
    check_slug("../../etc/passwd", "etc-passwd");
    check_slug("a\\b/c", "a-b-c");
    check_slug("  --앞뒤 공백--  ", "apdwi-gongbaek");
    check_slug("こんにちは 세계", "segye"); /* other scripts become separators */
}

static void test_length(void)
{
    buf b = BUF_INIT;
    slug_romanize(&b, "올해 바다숲 54곳 조성 갯녹음 확산 막는다 전년보다 18% 늘어난 486억 원 투입 "
                      "수중드론으로 사후관리 강화");
    CHECK(b.len > 0 && b.len <= SLUG_MAX);
    CHECK(b.ptr[b.len - 1] != '-');
    CHECK(b.ptr[0] != '-');
    int ascii = 1;
    for (size_t i = 0; i < b.len; i++)
        ascii &= (b.ptr[i] >= 'a' && b.ptr[i] <= 'z') || (b.ptr[i] >= '0' && b.ptr[i] <= '9') ||
                 b.ptr[i] == '-';
    CHECK(ascii);
    CHECK(strstr(b.ptr, "--") == NULL);
    /* cut at the end of a word: what follows in the whole slug is '-' */
    const char *title = "올해 바다숲 54곳 조성 갯녹음 확산 막는다 전년보다 18% 늘어난 486억 원 투입 "
                        "수중드론으로 사후관리 강화";
    buf whole = BUF_INIT;
    for (const char *w = title; *w; w++) /* romanized word by word, unlimited */
        if (w == title || w[-1] == ' ') {
            char one[64];
            snprintf(one, sizeof one, "%.*s", (int)strcspn(w, " "), w);
            buf word = BUF_INIT;
            slug_romanize(&word, one);
            buf_puts(&whole, word.ptr);
            buf_putc(&whole, '-');
            buf_free(&word);
        }
    CHECK(strncmp(whole.ptr, b.ptr, b.len) == 0 && whole.ptr[b.len] == '-');
    buf_free(&whole);
    buf_free(&b);
    /* Appends after what the buffer holds already. */
    buf c = BUF_INIT;
    buf_puts(&c, "2026-03-12-");
    slug_romanize(&c, "바다숲");
    CHECK_STR(c.ptr, "2026-03-12-badasup");
    buf_free(&c);
}

int main(void)
{
    test_romanization();
    test_safety();
    test_length();
    CHECK_DONE();
}
