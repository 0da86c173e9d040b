/* netaddr.c - may a fetch connect to this address?
 *
 * Refused: the special-purpose ranges of IANA's IPv4 and IPv6 registries
 * (RFC 6890 and the RFCs that added to them) that are not globally
 * reachable, IPv4 multicast and the reserved 240/4, IPv6 multicast, and
 * every IPv6 address outside 2000::/3, the only space IANA hands out for
 * global unicast. An IPv6 address that carries an IPv4 one (IPv4-mapped,
 * IPv4-compatible, NAT64's well-known prefix, 6to4) is judged by the IPv4
 * address inside, since that is where a translator or relay delivers the
 * packets: 64:ff9b::7f00:1 is 127.0.0.1.
 *
 * The tables were written from the registries as the author knows them
 * (2024; they could not be consulted from the machine this was written
 * on). Where a registry range holds a few globally reachable addresses
 * (192.0.0.9, 2001:3::/32, ...) the whole range is refused: a news page is
 * never served from an anycast relay, and refusing too much is the safe
 * side. Ranges are written as text and parsed on each call; a connection
 * costs far more than parsing twenty prefixes, and text is what a reader
 * can check against the registry.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "corpus.h"

typedef struct special_range {
    const char *prefix; /* "a.b.c.d/n" or "x::/n" */
    const char *what;
} special_range;

static const special_range v4_ranges[] = {
    {"0.0.0.0/8", "this network"},
    {"10.0.0.0/8", "private use"},
    {"100.64.0.0/10", "shared address space (CGNAT)"},
    {"127.0.0.0/8", "loopback"},
    {"169.254.0.0/16", "link-local"},
    {"172.16.0.0/12", "private use"},
    {"192.0.0.0/24", "IETF protocol assignments"},
    {"192.0.2.0/24", "documentation (TEST-NET-1)"},
    {"192.88.99.0/24", "deprecated 6to4 relay anycast"},
    {"192.168.0.0/16", "private use"},
    {"198.18.0.0/15", "benchmarking"},
    {"198.51.100.0/24", "documentation (TEST-NET-2)"},
    {"203.0.113.0/24", "documentation (TEST-NET-3)"},
    {"224.0.0.0/4", "multicast"},
    {"240.0.0.0/4", "reserved"}, /* 255.255.255.255, broadcast, included */
};

/* Checked before the embedded-IPv4 forms, so ::/128 and ::1/128 are named
 * as what they are rather than as IPv4-compatible 0.0.0.0 and 0.0.0.1. */
static const special_range v6_ranges[] = {
    {"::/128", "unspecified"},
    {"::1/128", "loopback"},
    {"64:ff9b:1::/48", "local-use NAT64"},
    {"100::/64", "discard-only"},
    {"2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID...)"},
    {"2001:db8::/32", "documentation"},
    {"3fff::/20", "documentation"},
    {"5f00::/16", "segment routing (SRv6) SIDs"},
    {"fc00::/7", "unique local"},
    {"fe80::/10", "link-local"},
    {"fec0::/10", "site-local (deprecated)"},
    {"ff00::/8", "multicast"},
};

/* IPv6 forms that carry an IPv4 address: where it sits in the 16 bytes. */
typedef struct embedding {
    const char *prefix;
    size_t at; /* byte offset of the IPv4 address */
    const char *what;
} embedding;

static const embedding v4_inside[] = {
    {"::ffff:0:0/96", 12, "IPv4-mapped"},
    {"::/96", 12, "IPv4-compatible"},
    {"64:ff9b::/96", 12, "NAT64"},
    {"2002::/16", 2, "6to4"},
};

/* Parse "address/bits" into `net` (4 or 16 bytes); 0 when malformed. */
static int parse_prefix(int family, const char *text, unsigned char *net, unsigned *bits)
{
    char addr[64];
    const char *slash = strchr(text, '/');
    size_t n = slash ? (size_t)(slash - text) : 0;
    if (!slash || n >= sizeof addr)
        return 0;
    memcpy(addr, text, n);
    addr[n] = '\0';
    *bits = (unsigned)strtoul(slash + 1, NULL, 10);
    return inet_pton(family, addr, net) == 1;
}

static int in_prefix(const unsigned char *a, const unsigned char *net, unsigned bits)
{
    size_t whole = bits / 8;
    if (memcmp(a, net, whole) != 0)
        return 0;
    unsigned rest = bits % 8;
    if (!rest)
        return 1;
    unsigned char mask = (unsigned char)(0xFF << (8 - rest));
    return (a[whole] & mask) == (net[whole] & mask);
}

/* The first range of `table` holding `a`, or NULL. */
static const special_range *find_range(int family, const unsigned char *a,
                                       const special_range *table, size_t n)
{
    unsigned char net[16];
    unsigned bits;
    for (size_t i = 0; i < n; i++)
        if (parse_prefix(family, table[i].prefix, net, &bits) && in_prefix(a, net, bits))
            return &table[i];
    return NULL;
}

#define COUNT(t) (sizeof t / sizeof *t)

int netaddr_refused(const void *sockaddr, netaddr_verdict *v)
{
    const struct sockaddr *s = sockaddr;
    memset(v, 0, sizeof *v);
    if (s->sa_family == AF_INET) {
        const unsigned char *a =
            (const unsigned char *)&((const struct sockaddr_in *)sockaddr)->sin_addr;
        const special_range *r = find_range(AF_INET, a, v4_ranges, COUNT(v4_ranges));
        if (r) {
            v->range = r->prefix;
            v->what = r->what;
        }
        return r != NULL;
    }
    if (s->sa_family != AF_INET6) {
        v->what = "not an internet address";
        return 1;
    }
    const unsigned char *a = ((const struct sockaddr_in6 *)sockaddr)->sin6_addr.s6_addr;
    const special_range *r = find_range(AF_INET6, a, v6_ranges, COUNT(v6_ranges));
    if (r) {
        v->range = r->prefix;
        v->what = r->what;
        return 1;
    }
    unsigned char net[16];
    unsigned bits;
    for (size_t i = 0; i < COUNT(v4_inside); i++) {
        const embedding *e = &v4_inside[i];
        if (!parse_prefix(AF_INET6, e->prefix, net, &bits) || !in_prefix(a, net, bits))
            continue;
        v->via = e->what;
        r = find_range(AF_INET, a + e->at, v4_ranges, COUNT(v4_ranges));
        if (r) {
            v->range = r->prefix;
            v->what = r->what;
        }
        return r != NULL;
    }
    if ((a[0] & 0xE0) != 0x20) {
        v->what = "not global unicast (outside 2000::/3)";
        return 1;
    }
    return 0;
}

void netaddr_describe(const netaddr_verdict *v, char *out, size_t cap)
{
    snprintf(out, cap, "%s%s%s%s%s", v->what ? v->what : "special-purpose",
             v->range ? " " : "", v->range ? v->range : "", v->via ? ", carried by " : "",
             v->via ? v->via : "");
}

int fetch_address_private(const void *sockaddr)
{
    netaddr_verdict v;
    return netaddr_refused(sockaddr, &v);
}
