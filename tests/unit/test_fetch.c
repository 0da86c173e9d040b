/* test_fetch.c - what fetching decides without the network: which
 * addresses are refused (every special-purpose range that is not globally
 * reachable, IPv4 carried in IPv6 judged by the IPv4), and how strictly
 * Retry-After is read. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>

#include "check.h"
#include "corpus/corpus.h"

/* 1 refused, 0 public; the verdict's range in `range` when refused. */
static int refused(const char *ip, const char **range)
{
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    memset(&in4, 0, sizeof in4);
    memset(&in6, 0, sizeof in6);
    netaddr_verdict v;
    int r;
    if (inet_pton(AF_INET, ip, &in4.sin_addr) == 1) {
        in4.sin_family = AF_INET;
        r = netaddr_refused(&in4, &v);
        CHECK_INT(fetch_address_private(&in4), r);
    } else {
        CHECK(inet_pton(AF_INET6, ip, &in6.sin6_addr) == 1);
        in6.sin6_family = AF_INET6;
        r = netaddr_refused(&in6, &v);
        CHECK_INT(fetch_address_private(&in6), r);
    }
    *range = v.range;
    return r;
}

static void test_refused_ranges(void)
{
    /* address, the range it must be refused by (NULL: public) */
    static const struct { const char *ip, *range; } cases[] = {
        /* IPv4: each special-purpose range, at both ends where it matters */
        {"0.0.0.0", "0.0.0.0/8"},          {"0.255.255.255", "0.0.0.0/8"},
        {"10.0.0.1", "10.0.0.0/8"},        {"100.64.0.0", "100.64.0.0/10"},
        {"100.127.255.255", "100.64.0.0/10"}, {"127.0.0.1", "127.0.0.0/8"},
        {"127.255.255.254", "127.0.0.0/8"}, {"169.254.169.254", "169.254.0.0/16"},
        {"172.16.0.1", "172.16.0.0/12"},   {"172.31.255.255", "172.16.0.0/12"},
        {"192.0.0.8", "192.0.0.0/24"},     {"192.0.2.1", "192.0.2.0/24"},
        {"192.88.99.1", "192.88.99.0/24"}, {"192.168.0.1", "192.168.0.0/16"},
        {"198.18.0.1", "198.18.0.0/15"},   {"198.19.255.255", "198.18.0.0/15"},
        {"198.51.100.7", "198.51.100.0/24"}, {"203.0.113.9", "203.0.113.0/24"},
        {"224.0.0.1", "224.0.0.0/4"},      {"239.255.255.250", "224.0.0.0/4"},
        {"240.0.0.1", "240.0.0.0/4"},      {"255.255.255.255", "240.0.0.0/4"},
        /* IPv4 neighbours of those ranges: public */
        {"1.1.1.1", NULL},                 {"8.8.8.8", NULL},
        {"9.255.255.255", NULL},           {"11.0.0.0", NULL},
        {"100.63.255.255", NULL},          {"100.128.0.1", NULL},
        {"126.255.255.255", NULL},         {"128.0.0.0", NULL},
        {"169.253.255.255", NULL},         {"172.15.255.255", NULL},
        {"172.32.0.1", NULL},              {"192.0.1.255", NULL},
        {"192.0.3.0", NULL},               {"192.167.255.255", NULL},
        {"192.169.0.0", NULL},             {"198.17.255.255", NULL},
        {"198.20.0.0", NULL},              {"198.51.101.0", NULL},
        {"203.0.112.255", NULL},           {"211.34.0.1", NULL},
        {"223.255.255.255", NULL},
        /* IPv6 special-purpose ranges */
        {"::", "::/128"},                  {"::1", "::1/128"},
        {"64:ff9b:1::1", "64:ff9b:1::/48"}, {"100::1", "100::/64"},
        {"2001::1", "2001::/23"},          {"2001:1ff:ffff::1", "2001::/23"},
        {"2001:db8::1", "2001:db8::/32"},  {"3fff::1", "3fff::/20"},
        {"5f00::1", "5f00::/16"},          {"fc00::1", "fc00::/7"},
        {"fd12:3456::1", "fc00::/7"},      {"fe80::1", "fe80::/10"},
        {"febf:ffff::1", "fe80::/10"},     {"fec0::1", "fec0::/10"},
        {"feff::1", "fec0::/10"},          {"ff02::1", "ff00::/8"},
        /* IPv4 carried in IPv6: judged by the IPv4 inside */
        {"::ffff:127.0.0.1", "127.0.0.0/8"}, {"::ffff:10.1.2.3", "10.0.0.0/8"},
        {"::ffff:8.8.8.8", NULL},
        {"64:ff9b::7f00:1", "127.0.0.0/8"}, {"64:ff9b::a9fe:a9fe", "169.254.0.0/16"},
        {"64:ff9b::808:808", NULL},
        {"2002:7f00:1::1", "127.0.0.0/8"}, {"2002:c0a8:101::1", "192.168.0.0/16"},
        {"2002:808:808::1", NULL},
        {"::7f00:1", "127.0.0.0/8"},       {"::a00:1", "10.0.0.0/8"},
        {"::c000:201", "192.0.2.0/24"},
        /* outside 2000::/3: refused without a range */
        {"4000::1", NULL},                 {"e000::1", NULL},
        /* global unicast: public */
        {"2001:200::1", NULL},             {"2001:4860::8888", NULL},
        {"2400:cb00::1", NULL},            {"2a00:1450::1", NULL},
        {"3ffe:ffff::1", NULL},            {"2001:dc7::1", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *range = NULL;
        int r = refused(cases[i].ip, &range);
        int want = cases[i].range != NULL || !strcmp(cases[i].ip, "4000::1") ||
                   !strcmp(cases[i].ip, "e000::1");
        if (r != want || (cases[i].range && (!range || strcmp(range, cases[i].range)))) {
            fprintf(stderr, "%s: refused %d by %s, want %d by %s\n", cases[i].ip, r,
                    range ? range : "-", want, cases[i].range ? cases[i].range : "-");
            CHECK(0);
        }
    }
}

static void test_describe(void)
{
    struct sockaddr_in6 in6;
    memset(&in6, 0, sizeof in6);
    in6.sin6_family = AF_INET6;
    CHECK(inet_pton(AF_INET6, "64:ff9b::7f00:1", &in6.sin6_addr) == 1);
    netaddr_verdict v;
    CHECK(netaddr_refused(&in6, &v));
    char text[160];
    netaddr_describe(&v, text, sizeof text);
    CHECK_STR(text, "loopback 127.0.0.0/8, carried by NAT64");
    CHECK(inet_pton(AF_INET6, "4000::1", &in6.sin6_addr) == 1);
    CHECK(netaddr_refused(&in6, &v));
    netaddr_describe(&v, text, sizeof text);
    CHECK_STR(text, "not global unicast (outside 2000::/3)");
    struct sockaddr unix_like;
    memset(&unix_like, 0, sizeof unix_like);
    unix_like.sa_family = AF_UNIX;
    CHECK(netaddr_refused(&unix_like, &v));
}

static void test_retry_after(void)
{
    time_t now = 784111777; /* Sun, 06 Nov 1994 08:49:37 GMT */
    CHECK(fetch_retry_after("3", now) == 3);
    CHECK(fetch_retry_after(" 120 ", now) == 120);
    CHECK(fetch_retry_after("0", now) == 0);
    CHECK(fetch_retry_after("99999999999999999999999", now) >= 30);
    CHECK(fetch_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now) == 30);
    CHECK(fetch_retry_after("Sunday, 06-Nov-94 08:49:47 GMT", now) == 10);
    CHECK(fetch_retry_after("Sun Nov  6 08:49:57 1994", now) == 20);
    CHECK(fetch_retry_after("Sat, 05 Nov 1994 08:49:37 GMT", now) == 0); /* past: now */
    /* everything else is no Retry-After */
    static const char *const bad[] = {
        "nan", "NaN", "inf", "-1", "+3", "0x3", "3.5", "1e3", "3 s", "", "   ",
        "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 25:49:37 GMT",
        "Sun, 32 Nov 1994 08:49:37 GMT", "sun, 06 nov 1994 08:49:37 gmt",
        "06 Nov 1994 08:49:37 GMT", "tomorrow", "Sun, 06 Nov 1994 08:49:37 GMTX",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (fetch_retry_after(bad[i], now) != -1) {
            fprintf(stderr, "Retry-After \"%s\" should be refused\n", bad[i]);
            CHECK(0);
        }
    CHECK(fetch_retry_after(NULL, now) == -1);
}

int main(void)
{
    test_refused_ranges();
    test_describe();
    test_retry_after();
    CHECK_DONE();
}
