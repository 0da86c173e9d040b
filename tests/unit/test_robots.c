/* test_robots.c - the robots.txt parser: groups, longest match, wildcards,
 * end anchors, Crawl-delay, malformed and oversized files; and the other
 * rule checked before any request, the private-address one. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>

#include "check.h"
#include "util/buf.h"
#include "corpus/corpus.h"

static int allowed(const char *txt, const char *agent, const char *path)
{
    robots r;
    CHECK_INT(robots_parse(txt, strlen(txt), agent, &r), 0);
    int ok = robots_allowed(&r, path);
    robots_free(&r);
    return ok;
}

static void test_groups(void)
{
    const char *txt = "User-agent: *\n"
                      "Disallow: /private/\n"
                      "\n"
                      "User-agent: Gisa\n"
                      "User-agent: otherbot\n"
                      "Disallow: /only-gisa/\n"
                      "Sitemap: https://example.kr/sitemap.xml\n"
                      "Disallow: /also/\n"
                      "\n"
                      "User-agent: thirdbot\n"
                      "Disallow: /\n";
    /* our group (matched case-insensitively) replaces the * group */
    CHECK(allowed(txt, "gisa", "/private/x"));
    CHECK(!allowed(txt, "gisa", "/only-gisa/a.html"));
    CHECK(!allowed(txt, "gisa", "/also/b")); /* Sitemap does not end a group */
    CHECK(allowed(txt, "gisa", "/"));
    /* an agent without a group of its own gets * */
    CHECK(!allowed(txt, "nobody", "/private/x"));
    CHECK(allowed(txt, "nobody", "/only-gisa/a.html"));
    CHECK(!allowed(txt, "thirdbot", "/anything"));
    /* a product token with a version still names the agent */
    CHECK(!allowed("User-agent: gisa/1.0\nDisallow: /x\n", "gisa", "/x"));
    /* no group at all: allowed */
    CHECK(allowed("User-agent: someone\nDisallow: /\n", "gisa", "/x"));
    CHECK(allowed("", "gisa", "/x"));
}

static void test_longest_match(void)
{
    const char *txt = "User-agent: *\n"
                      "Disallow: /news/\n"
                      "Allow: /news/public/\n"
                      "Disallow: /news/public/draft\n"
                      "Allow: /tie\n"
                      "Disallow: /tie\n";
    CHECK(!allowed(txt, "gisa", "/news/a.html"));
    CHECK(allowed(txt, "gisa", "/news/public/a.html"));
    CHECK(!allowed(txt, "gisa", "/news/public/draft-1.html"));
    CHECK(allowed(txt, "gisa", "/tie/x")); /* Allow wins a tie */
    CHECK(allowed(txt, "gisa", "/other"));
    CHECK(allowed(txt, "gisa", "/robots.txt"));
    /* an empty Disallow is no rule */
    CHECK(allowed("User-agent: *\nDisallow:\n", "gisa", "/x"));
}

static void test_wildcards(void)
{
    const char *txt = "User-agent: *\n"
                      "Disallow: /*.pdf$\n"
                      "Disallow: /search*q=\n"
                      "Disallow: /exact$\n"
                      "Allow: /*/ok*\n"
                      "Disallow: /a*b*c*d*e*f*g*h*z\n";
    CHECK(!allowed(txt, "gisa", "/files/report.pdf"));
    CHECK(allowed(txt, "gisa", "/files/report.pdf?download=1"));
    CHECK(!allowed(txt, "gisa", "/search?lang=ko&q=x"));
    CHECK(allowed(txt, "gisa", "/search"));
    CHECK(!allowed(txt, "gisa", "/exact"));
    CHECK(allowed(txt, "gisa", "/exact/more"));
    CHECK(allowed(txt, "gisa", "/dir/ok.html"));
    CHECK(!allowed(txt, "gisa", "/a-b-c-d-e-f-g-h-z"));
    /* many stars on a long path must not take exponential time */
    char path[4000];
    memset(path, 'a', sizeof path - 1);
    path[0] = '/';
    path[sizeof path - 1] = '\0';
    CHECK(allowed(txt, "gisa", path));
    /* comments, CR line ends, spaces around the colon */
    CHECK(!allowed("User-agent : * # all\r\nDisallow :  /x # no\r\n", "gisa", "/x/y"));
}

static void test_percent_encoding(void)
{
    /* a Korean path written raw matches it percent-encoded, and back */
    const char *txt = "User-agent: *\n"
                      "Disallow: /뉴스/\n"
                      "Disallow: /%ec%a0%95%EC%B1%85/\n"
                      "Disallow: /%7Ejoe/\n"
                      "Disallow: /a%2Fb\n";
    CHECK(!allowed(txt, "gisa", "/%EB%89%B4%EC%8A%A4/1.html"));
    CHECK(!allowed(txt, "gisa", "/뉴스/1.html"));
    CHECK(!allowed(txt, "gisa", "/정책/x"));
    CHECK(!allowed(txt, "gisa", "/%EC%A0%95%EC%B1%85/x"));
    CHECK(!allowed(txt, "gisa", "/~joe/index.html")); /* %7E is unreserved ~ */
    CHECK(allowed(txt, "gisa", "/a/b"));              /* %2F is a reserved slash */
    CHECK(!allowed(txt, "gisa", "/a%2fb"));
    CHECK(allowed(txt, "gisa", "/기사/1.html"));
    /* a lone or cut % is taken as it is */
    CHECK(!allowed("User-agent: *\nDisallow: /100%\n", "gisa", "/100%"));
    CHECK(allowed("User-agent: *\nDisallow: /100%\n", "gisa", "/100"));
}

static void test_crawl_delay(void)
{
    robots r;
    const char *txt = "User-agent: *\nCrawl-delay: 2.5\nDisallow: /x\n"
                      "User-agent: gisa\nCrawl-delay: bogus\nCrawl-delay: 4\n";
    CHECK_INT(robots_parse(txt, strlen(txt), "gisa", &r), 0);
    CHECK(r.crawl_delay > 3.99 && r.crawl_delay < 4.01);
    CHECK(robots_allowed(&r, "/x")); /* our group has no rules */
    robots_free(&r);
    CHECK_INT(robots_parse(txt, strlen(txt), "other", &r), 0);
    CHECK(r.crawl_delay > 2.49 && r.crawl_delay < 2.51);
    robots_free(&r);
}

static void test_garbage(void)
{
    /* binary bytes, NULs, lines without colons: no crash, allow all */
    const char bin[] = "\x00\xff\xfe:\n::::\nUser-agent\nDisallow /x\n\x01:\x02";
    robots r;
    CHECK_INT(robots_parse(bin, sizeof bin - 1, "gisa", &r), 0);
    CHECK(robots_allowed(&r, "/x"));
    robots_free(&r);
    /* only the first ROBOTS_MAX_BYTES are read */
    size_t n = ROBOTS_MAX_BYTES + 100;
    char *big = malloc(n + 64);
    memset(big, '#', n);
    strcpy(big, "User-agent: *\nDisallow: /a\n");
    big[strlen(big)] = '#';
    memcpy(big + n - 12, "\nDisallow: /", 12);
    CHECK_INT(robots_parse(big, n, "gisa", &r), 0);
    CHECK(!robots_allowed(&r, "/a"));
    CHECK(robots_allowed(&r, "/b"));
    robots_free(&r);
    free(big);
}

/* Every rule of the 512 KiB read is kept: the rule after the 20,000th
 * (where an old fixed cap stopped reading, silently) still applies. */
static void test_many_rules(void)
{
    buf b = {0};
    buf_puts(&b, "User-agent: *\n");
    for (int i = 0; i < 30000; i++)
        buf_printf(&b, "Disallow:/d%d\n", i);
    CHECK(b.len < ROBOTS_MAX_BYTES);
    robots r;
    CHECK_INT(robots_parse(b.ptr, b.len, "gisa", &r), 0);
    CHECK(!robots_allowed(&r, "/d0"));
    CHECK(!robots_allowed(&r, "/d29999"));
    CHECK(robots_allowed(&r, "/e"));
    robots_free(&r);
    buf_free(&b);
}

static int private_ip(const char *ip)
{
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    memset(&in4, 0, sizeof in4);
    memset(&in6, 0, sizeof in6);
    if (inet_pton(AF_INET, ip, &in4.sin_addr) == 1) {
        in4.sin_family = AF_INET;
        return fetch_address_private(&in4);
    }
    CHECK(inet_pton(AF_INET6, ip, &in6.sin6_addr) == 1);
    in6.sin6_family = AF_INET6;
    return fetch_address_private(&in6);
}

static void test_private_addresses(void)
{
    static const char *const private[] = {
        "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1",
        "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
        "::ffff:127.0.0.1", "::ffff:10.1.2.3", "ff02::1"};
    static const char *const public[] = {"8.8.8.8", "172.32.0.1", "172.15.255.255",
                                         "100.128.0.1", "211.34.0.1", "2001:4860::8888",
                                         "::ffff:8.8.8.8"};
    for (size_t i = 0; i < sizeof private / sizeof *private; i++)
        if (!private_ip(private[i])) {
            fprintf(stderr, "%s should be private\n", private[i]);
            CHECK(0);
        }
    for (size_t i = 0; i < sizeof public / sizeof *public; i++)
        if (private_ip(public[i])) {
            fprintf(stderr, "%s should be public\n", public[i]);
            CHECK(0);
        }
}

int main(void)
{
    test_groups();
    test_longest_match();
    test_wildcards();
    test_percent_encoding();
    test_crawl_delay();
    test_garbage();
    test_many_rules();
    test_private_addresses();
    CHECK_DONE();
}
