/* test_url.c - URL references resolved against a base (util/url.c): the
 * examples of RFC 3986 section 5.4, what real pages hold (backslashes,
 * spaces, line breaks, opaque schemes, non-ASCII bytes, IPv6 hosts), very
 * long input, and the host of a URL. */
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "util/url.h"

static void resolves(const char *base, const char *ref, const char *want)
{
    char *got = url_resolve(base, ref);
    if (!got || strcmp(got, want))
        fprintf(stderr, "  base [%s] ref [%s]\n", base ? base : "(null)", ref);
    CHECK_STR(got, want);
    free(got);
}

static void host_is(const char *url, const char *want)
{
    char *got = url_host(url);
    CHECK_STR(got, want);
    free(got);
}

#define RFC_BASE "http://a/b/c/d;p?q"

/* RFC 3986 section 5.4.1, every line. */
static void test_rfc_normal(void)
{
    static const char *const cases[][2] = {
        {"g:h", "g:h"},          {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"}, {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},    {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"},
        {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"},
        {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"}, {"..", "http://a/b/"},
        {"../", "http://a/b/"},  {"../g", "http://a/b/g"},
        {"../..", "http://a/"},  {"../../", "http://a/"},
        {"../../g", "http://a/g"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        resolves(RFC_BASE, cases[i][0], cases[i][1]);
}

/* RFC 3986 section 5.4.2, every line. */
static void test_rfc_abnormal(void)
{
    static const char *const cases[][2] = {
        {"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},       {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},    {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},  {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},   {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"}, {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"}, {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g?y/../x", "http://a/b/c/g?y/../x"},
        {"g#s/./x", "http://a/b/c/g#s/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"},
        /* the RFC's "for backward compatibility" reading, which browsers
         * share: the same web scheme without "//" is a relative reference */
        {"http:g", "http://a/b/c/g"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        resolves(RFC_BASE, cases[i][0], cases[i][1]);
    /* ...but only for a web scheme and only the base's own */
    resolves("foo://a/b/c", "foo:g", "foo:g");
    resolves("https://a/b/c", "http:g", "http:g");
}

/* RFC 3986 section 5.2.4's two worked examples, and what the loop must
 * do at the edges. */
static void test_dot_segments(void)
{
    static const char *const cases[][2] = {
        {"/a/b/c/./../../g", "/a/g"}, {"mid/content=5/../6", "mid/6"},
        {"", ""}, {".", ""}, {"..", ""}, {"/.", "/"}, {"/..", "/"},
        {"/../../..", "/"}, {"a/..", "/"}, {"/a//../b", "/a/b"},
        {"../a", "a"}, {"/a/./b/./", "/a/b/"}, {"/.../x", "/.../x"},
    };
    char out[64];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = url_remove_dot_segments(cases[i][0], strlen(cases[i][0]), out);
        CHECK_STR(out, cases[i][1]);
        CHECK_INT(n, strlen(cases[i][1]));
    }
}

/* What the pages of a web corpus hold in href and src (each case seen on
 * real pages), read as browsers read it. */
static void test_real_pages(void)
{
    const char *page = "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156700001";
    /* Windows paths, and a scheme and host written with them */
    resolves(page, "\\images\\a.jpg", "https://www.korea.kr/images/a.jpg");
    resolves(page, "https:\\\\cdn.kr\\x.png", "https://cdn.kr/x.png");
    resolves(page, "img\\b.png?x=\\y", "https://www.korea.kr/briefing/img/b.png?x=\\y");
    /* protocol-relative */
    resolves(page, "//cdn.korea.kr/x/../y.png", "https://cdn.korea.kr/y.png");
    resolves("http://a/b", "//", "http://");
    /* opaque references are left exactly as they are */
    resolves(page, "data:image/png;base64,iVBO/../Rw0K", "data:image/png;base64,iVBO/../Rw0K");
    resolves(page, "javascript:void(0)", "javascript:void(0)");
    resolves(page, "javascript: go('a b')", "javascript: go('a b')");
    resolves(page, "mailto:press@korea.kr?subject=보도 자료", "mailto:press@korea.kr?subject=보도 자료");
    resolves(page, "tel:+82 2 100 ", "tel:+82 2 100");
    /* fragment only, query only, empty */
    resolves(page, "#top", "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156700001#top");
    resolves(page, "?newsId=2", "https://www.korea.kr/briefing/pressReleaseView.do?newsId=2");
    resolves("https://www.korea.kr/a?b#old", "", "https://www.korea.kr/a?b");
    /* a base without a path */
    resolves("https://www.korea.kr", "a.jpg", "https://www.korea.kr/a.jpg");
    resolves("https://www.korea.kr", "?q", "https://www.korea.kr?q");
    resolves("https://www.korea.kr", "../a", "https://www.korea.kr/a");
    /* a base written with dot segments: normalised even for an empty
     * reference (fuzz_url's first finding: resolving the result again
     * gave another URL) */
    resolves("http://a/b/./c/../d?q#f", "", "http://a/b/d?q");
    resolves("http://a/b/./c/../d?q#f", "#g", "http://a/b/d?q#g");
    /* a base with a query and fragment of its own */
    resolves("http://a/b?x#y", "c", "http://a/c");
    /* same scheme, no slashes: a path on this host (browsers agree) */
    resolves("https://www.checkpoint.com/a/b", "https:/googletagmanager.com",
             "https://www.checkpoint.com/googletagmanager.com");
    /* the scheme is lower-cased; the host and everything else kept */
    resolves(page, "Https://Miro.com/A", "https://Miro.com/A");
    /* IPv6 hosts */
    resolves("http://[2001:db8::1]:8080/a/b", "c", "http://[2001:db8::1]:8080/a/c");
    resolves(page, "http://[::1]/x/./y", "http://[::1]/x/y");
    /* non-ASCII bytes kept as they are, escapes kept as written */
    resolves("https://news.kr/기사/1", "사진/가.jpg", "https://news.kr/기사/사진/가.jpg");
    resolves("https://www.giro.com/p/q", "/product/a%2Fb/c%c5%82.html",
             "https://www.giro.com/product/a%2Fb/c%c5%82.html");
    resolves("https://en.wikipedia.org/wiki/X", "/wiki/Wikipedia:About",
             "https://en.wikipedia.org/wiki/Wikipedia:About");
    /* spaces inside are escaped (HTTP clients refuse them), line breaks
     * and tabs inside dropped, and both trimmed from the ends */
    resolves(page, "  /a b.pdf ", "https://www.korea.kr/a%20b.pdf");
    resolves(page, "\n    https://www.korea.kr/x\n/y.jpg\n  ", "https://www.korea.kr/x/y.jpg");
    resolves(page, "/x\n   /y.jpg", "https://www.korea.kr/x%20%20%20/y.jpg");
    resolves(page, "#About Us", "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156700001#About%20Us");
    resolves(page, "/tr?id=1&ev=PageView\r\n&noscript=1", "https://www.korea.kr/tr?id=1&ev=PageView&noscript=1");
    /* a relative base (a page read from a file with a relative <base>) */
    resolves("docs/a/b.html", "../c.html", "docs/c.html");
    resolves("b.html", "./c:d", "./c:d");
    /* a path of "//" without an authority keeps reading as a path */
    resolves("foo:/a", "..//c", "foo:/.//c");
    /* no base: the reference, cleaned, with its dots kept unless absolute */
    resolves(NULL, " ../a b ", "../a%20b");
    resolves(NULL, "HTTP://x/a/../b", "http://x/b");
    CHECK(url_resolve(page, NULL) == NULL);
}

/* Long input is linear: a megabyte of dot segments and a long path
 * resolve at once (a quadratic loop would take minutes). */
static void test_long(void)
{
    size_t n = 1 << 20;
    char *ref = malloc(n + 2);
    for (size_t i = 0; i + 5 <= n; i += 5)
        memcpy(ref + i, "a/../", 5);
    strcpy(ref + n - n % 5, "x");
    clock_t t0 = clock();
    char *got = url_resolve("http://h/p/q", ref);
    CHECK_STR(got, "http://h/p/x");
    free(got);
    for (size_t i = 0; i < n; i++)
        ref[i] = i % 2 ? '/' : 'b';
    ref[n] = '\0';
    got = url_resolve("http://h/", ref);
    CHECK(got && strlen(got) == strlen("http://h/") + n);
    free(got);
    memset(ref, ' ', n); /* every byte escaped: three times the length */
    ref[0] = ref[n - 1] = 'z';
    got = url_resolve("http://h/", ref);
    CHECK(got && strlen(got) == strlen("http://h/") + 2 + 3 * (n - 2));
    free(got);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    free(ref);
}

static void test_host(void)
{
    host_is("https://www.Korea.KR/briefing/x", "www.korea.kr");
    host_is("http://user:p@ss@Host.kr:8080/x", "host.kr");
    host_is("http://[2001:DB8::1]:8080/", "[2001:db8::1]");
    host_is("//cdn.kr/x", "cdn.kr");
    host_is("  https://a.kr?q", "a.kr");
    host_is("https://a.kr#f", "a.kr");
    host_is("https:\\\\b.kr\\x", "b.kr");
    host_is("https://뉴스.kr/", "뉴스.kr");
    host_is("/just/a/path", NULL);
    host_is("mailto:a@b.kr", NULL);
    host_is("http:///x", NULL);
    host_is("http://:80/", NULL);
    CHECK(url_host(NULL) == NULL);
}

static void test_split(void)
{
    const char *s = "Ht-tp+1.x://u@h:1/p/q?a?b#c#d";
    url_parts u;
    url_split(s, strlen(s), &u);
    CHECK_INT(u.scheme.len, 9);
    CHECK_INT(u.authority.len, 5); /* u@h:1 */
    CHECK_INT(u.path.len, 4);
    CHECK(!strncmp(s + u.query.off, "a?b", u.query.len) && u.query.len == 3);
    CHECK(!strncmp(s + u.fragment.off, "c#d", u.fragment.len) && u.fragment.len == 3);
    /* not a scheme: a digit first, a space inside */
    url_split("1x:y", 4, &u);
    CHECK(!u.scheme.present);
    url_split("a b:c", 5, &u);
    CHECK(!u.scheme.present);
    /* empty and missing are told apart */
    url_split("http://a?", 9, &u);
    CHECK(u.query.present && u.query.len == 0 && !u.fragment.present && u.path.len == 0);
}

int main(void)
{
    test_rfc_normal();
    test_rfc_abnormal();
    test_dot_segments();
    test_real_pages();
    test_long();
    test_host();
    test_split();
    CHECK_DONE();
}
