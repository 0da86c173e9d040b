/* test_feed.c - the feed parser: RSS 2.0 with content:encoded, Atom with
 * html and xhtml content, RSS 1.0, relative links, bad items, malformed,
 * truncated and hostile documents, and the page made of an item. */
#include <stdlib.h>

#include "check.h"
#include "corpus/corpus.h"
#include "util/buf.h"

/* Enough text to count as the full article (FEED_MIN_CONTENT). */
static const char *long_text(void)
{
    static char text[2048];
    if (!text[0]) {
        strcpy(text, "<p>");
        while (strlen(text) < 1500)
            strcat(text, "해양수산부는 올해 바다숲을 새로 조성한다고 밝혔다. ");
        strcat(text, "</p>");
    }
    return text;
}

static int parse(const char *xml, const char *base, feed *f, gisa_error *err)
{
    return feed_parse((const unsigned char *)xml, strlen(xml), "test.rss", base, f, err);
}

static void test_rss(void)
{
    char xml[8192];
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<!-- a comment -->\n"
             "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
             " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
             "<channel><title>보도자료</title>\n"
             "<item><title>전문 항목</title><link>https://example.kr/a?x=1&amp;y=2</link>"
             "<pubDate>Thu, 12 Mar 2026 09:00:00 +0900</pubDate>"
             "<content:encoded><![CDATA[%s]]></content:encoded></item>\n"
             "<item><title> 링크 항목 </title><link>/news/b.html</link>"
             "<content:encoded>짧다</content:encoded></item>\n"
             "<item><title>guid 항목</title><guid>https://example.kr/c</guid>"
             "<dc:date>2026-03-12</dc:date></item>\n"
             "<item><title>guid 아님</title><guid isPermaLink=\"false\">https://example.kr/d</guid></item>\n"
             "<item><title>자바스크립트</title><link>javascript:alert(1)</link></item>\n"
             "</channel></rss>\n",
             long_text());
    CHECK(feed_sniff((const unsigned char *)xml, strlen(xml)));
    feed f;
    gisa_error err;
    CHECK_INT(parse(xml, "https://example.kr/feed/rss.xml", &f, &err), GISA_OK);
    CHECK_INT(f.n, 5);
    if (f.n == 5) {
        CHECK_STR(f.items[0].link, "https://example.kr/a?x=1&y=2");
        CHECK_STR(f.items[0].title, "전문 항목");
        CHECK_STR(f.items[0].date, "Thu, 12 Mar 2026 09:00:00 +0900");
        CHECK_HAS(f.items[0].content, "바다숲");
        CHECK(f.items[0].problem == NULL);
        CHECK_STR(f.items[1].link, "https://example.kr/news/b.html");
        CHECK_STR(f.items[1].title, "링크 항목");
        CHECK(f.items[1].content == NULL); /* a teaser is not the full text */
        CHECK_STR(f.items[2].link, "https://example.kr/c");
        CHECK_STR(f.items[2].date, "2026-03-12");
        CHECK(f.items[3].link == NULL);
        CHECK(f.items[3].problem != NULL);
        CHECK(f.items[4].link == NULL);
        CHECK(f.items[4].problem != NULL);
        size_t len;
        char *page = feed_item_page(&f.items[0], &len);
        CHECK_HAS(page, "<title>전문 항목</title>");
        CHECK_HAS(page, "article:published_time");
        CHECK_HAS(page, "바다숲");
        CHECK_INT(len, strlen(page));
        free(page);
    }
    feed_free(&f);
    /* no base: a relative link cannot be fetched */
    CHECK_INT(parse(xml, NULL, &f, &err), GISA_OK);
    CHECK(f.n == 5 && f.items[1].link == NULL && f.items[1].problem != NULL);
    feed_free(&f);
}

static void test_atom(void)
{
    char xml[8192], esc[4096], *o = esc;
    for (const char *p = long_text(); *p; p++)
        o = *p == '<' ? stpcpy(o, "&lt;") : *p == '>' ? stpcpy(o, "&gt;") : (*o = *p, o + 1);
    *o = '\0';
    snprintf(xml, sizeof xml,
             "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://news.example.kr/\">"
             "<title>아톰</title>"
             "<entry><title type=\"text\">HTML 본문</title>"
             "<link rel=\"self\" href=\"https://news.example.kr/self\"/>"
             "<link rel=\"alternate\" href=\"articles/1\"/>"
             "<published>2026-03-12T09:00:00Z</published>"
             "<content type=\"html\">%s</content></entry>"
             "<entry><title>XHTML 본문</title><link href=\"https://news.example.kr/2\"/>"
             "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">%s</div></content>"
             "</entry>"
             "<entry><title>요약</title><link href=\"https://news.example.kr/3\"/>"
             "<summary>짧은 요약</summary><content type=\"text\">평문</content></entry>"
             "</feed>",
             esc, long_text());
    CHECK(feed_sniff((const unsigned char *)xml, strlen(xml)));
    feed f;
    gisa_error err;
    CHECK_INT(parse(xml, NULL, &f, &err), GISA_OK);
    CHECK_INT(f.n, 3);
    if (f.n == 3) {
        CHECK_STR(f.items[0].link, "https://news.example.kr/articles/1");
        CHECK_STR(f.items[0].date, "2026-03-12T09:00:00Z");
        CHECK_HAS(f.items[0].content, "<p>해양수산부는");
        CHECK_HAS(f.items[1].content, "바다숲");
        CHECK_STR(f.items[2].link, "https://news.example.kr/3");
        CHECK(f.items[2].content == NULL);
    }
    feed_free(&f);
}

static void test_rdf(void)
{
    const char *xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                      " xmlns=\"http://purl.org/rss/1.0/\"><channel><title>t</title></channel>"
                      "<item><title>하나</title><link>http://example.kr/1</link></item></rdf:RDF>";
    feed f;
    gisa_error err;
    CHECK(feed_sniff((const unsigned char *)xml, strlen(xml)));
    CHECK_INT(parse(xml, NULL, &f, &err), GISA_OK);
    CHECK(f.n == 1 && f.items[0].link && !strcmp(f.items[0].link, "http://example.kr/1"));
    feed_free(&f);
}

static void test_bad(void)
{
    feed f;
    gisa_error err;
    const char *cut = "<?xml version=\"1.0\"?><rss><channel><item><title>x</tit";
    CHECK_INT(parse(cut, NULL, &f, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "test.rss: not a well-formed feed (line 1");
    CHECK(!strchr(err.message, '\n'));
    CHECK(f.n == 0 && f.items == NULL);
    CHECK_INT(parse("<html><body>no</body></html>", NULL, &f, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "not an RSS or Atom feed");
    CHECK_INT(parse("", NULL, &f, &err), GISA_ERR_INPUT);
    /* entity declarations are refused before parsing (billion laughs, XXE) */
    const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
                         "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                         "<rss><channel><item><title>&b;</title><link>http://x.kr/&b;</link>"
                         "</item></channel></rss>";
    CHECK_INT(parse(laughs, NULL, &f, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "entities");
    const char *xxe = "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                      "<rss><channel><item><title>&x;</title></item></channel></rss>";
    CHECK_INT(parse(xxe, NULL, &f, &err), GISA_ERR_INPUT);
    /* an unknown entity without a DTD: an error, not a crash */
    const char *undeclared = "<rss><channel><item><title>&nope;</title>"
                             "<link>http://x.kr/1</link></item></channel></rss>";
    int st = parse(undeclared, NULL, &f, &err);
    CHECK(st == GISA_ERR_INPUT || st == GISA_OK);
    feed_free(&f);
    /* sniffing */
    CHECK(!feed_sniff((const unsigned char *)"<!DOCTYPE html><html>", 21));
    CHECK(!feed_sniff((const unsigned char *)"<rssfeed>", 9));
    CHECK(!feed_sniff((const unsigned char *)"<?xml", 5));
    CHECK(feed_sniff((const unsigned char *)"\xEF\xBB\xBF <rss version=\"2.0\">", 25));
}

/* A doctype's internal subset holds '>' of its own: the sniffer reads
 * through it, so a feed declaring entities is seen as a feed (and then
 * refused), not taken for a web page. */
static void test_internal_subset(void)
{
    static const char *const hostile[] = {
        "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n<!-- a > in a comment -->\n"
        "<!ENTITY a \"]>\">\n<!ENTITY b '>'>\n]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        "<entry><title>&a;</title></entry></feed>",
        "<!DOCTYPE rss SYSTEM \"x>y\" [<!ENTITY z \"z\">]><rss><channel/></rss>",
    };
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        const unsigned char *d = (const unsigned char *)hostile[i];
        CHECK(feed_sniff(d, strlen(hostile[i])));
        feed f;
        gisa_error err;
        CHECK_INT(parse(hostile[i], NULL, &f, &err), GISA_ERR_INPUT);
        CHECK_HAS(err.message, "declaring entities");
        CHECK(f.n == 0);
    }
    /* a doctype without a subset is fine, even with '>' in its system id */
    const char *plain = "<!DOCTYPE rss SYSTEM \"http://x/a>b.dtd\"><rss><channel>"
                        "<item><link>http://x.kr/1</link></item></channel></rss>";
    CHECK(feed_sniff((const unsigned char *)plain, strlen(plain)));
    feed f;
    gisa_error err;
    CHECK_INT(parse(plain, NULL, &f, &err), GISA_OK);
    CHECK_INT(f.n, 1);
    feed_free(&f);
    /* cut inside the subset: not a feed start, and refused if parsed */
    const char *cut = "<!DOCTYPE rss [<!ENTITY x \"x\">";
    CHECK(!feed_sniff((const unsigned char *)cut, strlen(cut)));
    CHECK_INT(parse(cut, NULL, &f, &err), GISA_ERR_INPUT);
}

/* Every item is read: no silent cap (there was one at 10,000). */
static void test_many_items(void)
{
    enum { N = 200000 };
    buf b = BUF_INIT;
    buf_puts(&b, "<rss version=\"2.0\"><channel><title>t</title>\n");
    for (int i = 1; i <= N; i++)
        buf_printf(&b, "<item><link>https://example.kr/%d</link></item>\n", i);
    buf_puts(&b, "</channel></rss>\n");
    CHECK(!b.oom);
    feed f;
    gisa_error err;
    CHECK_INT(feed_parse((const unsigned char *)b.ptr, b.len, "big.rss", NULL, &f, &err),
              GISA_OK);
    CHECK_INT(f.n, N);
    if (f.n == N)
        CHECK_STR(f.items[N - 1].link, "https://example.kr/200000");
    feed_free(&f);
    buf_free(&b);
}

/* One item's text may be as long as the input limit allows; libxml2's own
 * 10 MB cap on a text node is lifted. */
static void test_long_item(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                 "<item><link>https://example.kr/long</link><content:encoded><![CDATA[<p>");
    while (b.len < (12u << 20))
        buf_puts(&b, "바다숲을 새로 조성한다. ");
    buf_puts(&b, "끝.</p>]]></content:encoded></item></channel></rss>");
    feed f;
    gisa_error err;
    CHECK_INT(feed_parse((const unsigned char *)b.ptr, b.len, "long.rss", NULL, &f, &err),
              GISA_OK);
    CHECK(f.n == 1 && f.items[0].content && strlen(f.items[0].content) > (12u << 20) - 1000);
    CHECK(f.n == 1 && f.items[0].content && strstr(f.items[0].content, "끝.</p>"));
    feed_free(&f);
    buf_free(&b);
}

int main(void)
{
    test_internal_subset();
    test_many_items();
    test_long_item();
    test_rss();
    test_atom();
    test_rdf();
    test_bad();
    CHECK_DONE();
}
