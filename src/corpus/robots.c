/* robots.c - robots.txt (RFC 9309) as a pure function over a buffer.
 *
 * Only the rules for one agent are kept: those of every group whose
 * User-agent line names our product token, or, when no group does, those
 * of the `*` groups. Consecutive User-agent lines share one group; a group
 * ends at the next User-agent line that follows a rule. Matching is by the
 * longest pattern (in bytes, `*` and `$` included, as the big crawlers
 * count); Allow wins a tie. Patterns and paths are compared in one
 * normal form (RFC 9309 2.2.2): bytes outside printable ASCII are
 * percent-encoded, %XX of an unreserved character is decoded, other %xx
 * get upper-case digits. So a Korean path written raw in robots.txt
 * matches the same path percent-encoded in a URL. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int unreserved(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

/* Write the normal form of in[0..n) to `out` (room for 3n + 1 bytes) and
 * NUL-terminate it; returns its length. */
static size_t normalize(const char *in, size_t n, char *out)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        int hi, lo;
        if (c == '%' && i + 2 < n &&
            (hi = hex_value((unsigned char)in[i + 1])) >= 0 &&
            (lo = hex_value((unsigned char)in[i + 2])) >= 0) {
            int v = hi * 16 + lo;
            if (unreserved(v)) {
                out[o++] = (char)v;
            } else {
                out[o++] = '%';
                out[o++] = hex[hi];
                out[o++] = hex[lo];
            }
            i += 2;
        } else if (c >= 0x80 || c <= 0x20 || c == 0x7f) {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return o;
}

/* The rules and Crawl-delay gathered for one audience (us, or `*`). */
typedef struct rule_set {
    robots_rule *rules;
    size_t n, cap;
    double delay;
    int seen; /* a group for this audience exists */
} rule_set;

static int push_rule(rule_set *s, const char *pattern, size_t len, int allow)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        robots_rule *r = realloc(s->rules, cap * sizeof *r);
        if (!r)
            return -1;
        s->rules = r;
        s->cap = cap;
    }
    s->rules[s->n++] = (robots_rule){pattern, len, allow};
    return 0;
}

static char *trim(char *s, char *end)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    *end = '\0';
    return s;
}

/* Does a User-agent value name `agent`? The value's product token is
 * compared, so "gisa/1.0" names gisa too. */
static int names_agent(const char *value, const char *agent)
{
    size_t n = strcspn(value, "/ \t");
    return n == strlen(agent) && !strncasecmp(value, agent, n);
}

/* Where we are in the file: which audiences the current group is for, and
 * where the next normalised pattern goes. */
typedef struct parse_state {
    int for_us, for_all, in_rules;
    char *pool;
} parse_state;

static int take_line(char *key, char *value, const char *agent, parse_state *ps,
                     rule_set *us, rule_set *all)
{
    if (!strcasecmp(key, "user-agent")) {
        if (ps->in_rules) { /* a new group */
            ps->for_us = ps->for_all = ps->in_rules = 0;
        }
        if (!strcmp(value, "*")) {
            ps->for_all = 1;
            all->seen = 1;
        } else if (names_agent(value, agent)) {
            ps->for_us = 1;
            us->seen = 1;
        }
        return 0;
    }
    int allow = !strcasecmp(key, "allow");
    if (allow || !strcasecmp(key, "disallow")) {
        ps->in_rules = 1;
        if (!*value || !(ps->for_us || ps->for_all)) /* "Disallow:" alone: no rule */
            return 0;
        char *pattern = ps->pool;
        size_t len = normalize(value, strlen(value), pattern);
        ps->pool += len + 1;
        if (ps->for_us && push_rule(us, pattern, len, allow) < 0)
            return -1;
        if (ps->for_all && push_rule(all, pattern, len, allow) < 0)
            return -1;
        return 0;
    }
    if (!strcasecmp(key, "crawl-delay")) {
        ps->in_rules = 1;
        char *end;
        double d = strtod(value, &end);
        if (end != value && d > 0 && d < 86400) {
            if (ps->for_us && d > us->delay)
                us->delay = d;
            if (ps->for_all && d > all->delay)
                all->delay = d;
        }
    }
    return 0; /* Sitemap and unknown keys do not end a group */
}

int robots_parse(const char *txt, size_t len, const char *agent, robots *out)
{
    memset(out, 0, sizeof *out);
    if (len > ROBOTS_MAX_BYTES)
        len = ROBOTS_MAX_BYTES;
    /* a pattern of k bytes (and the line end after it) normalises to at
     * most 3k + 1 bytes, so 3 * (len + 1) holds them all */
    if (!(out->text = malloc(len + 1)) || !(out->pool = malloc(3 * (len + 1)))) {
        robots_free(out);
        return -1;
    }
    memcpy(out->text, txt, len);
    out->text[len] = '\0';
    rule_set us = {0}, all = {0};
    parse_state ps = {0, 0, 0, out->pool};
    int rc = 0;
    char *p = out->text, *end = out->text + len;
    while (p < end && rc == 0) {
        char *eol = p;
        while (eol < end && *eol != '\n' && *eol != '\r')
            eol++;
        char *next = eol < end ? eol + 1 : end;
        char *hash = memchr(p, '#', (size_t)(eol - p));
        char *colon = memchr(p, ':', (size_t)((hash ? hash : eol) - p));
        if (colon) {
            char *key = trim(p, colon);
            char *value = trim(colon + 1, hash ? hash : eol);
            rc = take_line(key, value, agent, &ps, &us, &all);
        }
        p = next;
    }
    rule_set *use = us.seen ? &us : &all;
    rule_set *other = us.seen ? &all : &us;
    free(other->rules);
    out->rules = use->rules;
    out->nrules = use->n;
    out->crawl_delay = use->delay;
    if (rc < 0) {
        robots_free(out);
        return -1;
    }
    return 0;
}

/* Does `pat` (len bytes; `*` any run, a final `$` the end) match the start
 * of `path`? Greedy with one backtrack point: O(len * strlen(path)). */
static int rule_matches(const char *pat, size_t plen, const char *path)
{
    int anchored = plen > 0 && pat[plen - 1] == '$';
    if (anchored)
        plen--;
    size_t n = strlen(path), p = 0, s = 0, star_p = 0, star_s = 0;
    int star = 0;
    for (;;) {
        if (p == plen) {
            if (!anchored || s == n)
                return 1;
        } else if (pat[p] == '*') {
            star = 1;
            star_p = ++p;
            star_s = s;
            continue;
        } else if (s < n && pat[p] == path[s]) {
            p++;
            s++;
            continue;
        }
        if (!star || star_s >= n)
            return 0;
        p = star_p;
        s = ++star_s;
    }
}

int robots_allowed(const robots *r, const char *raw)
{
    if (!strcmp(raw, "/robots.txt") || r->nrules == 0)
        return 1;
    size_t n = strlen(raw);
    char *path = malloc(3 * n + 1);
    if (!path)
        return 0; /* out of memory: err on the side of not fetching */
    normalize(raw, n, path);
    size_t best = 0;
    int allow = 1, found = 0;
    for (size_t i = 0; i < r->nrules; i++) {
        const robots_rule *rule = &r->rules[i];
        if (found && (rule->len < best || (rule->len == best && !rule->allow)))
            continue;
        if (!rule_matches(rule->pattern, rule->len, path))
            continue;
        if (!found || rule->len > best || rule->allow) {
            allow = rule->allow;
            best = rule->len;
            found = 1;
        }
    }
    free(path);
    return allow;
}

void robots_free(robots *r)
{
    if (!r)
        return;
    free(r->rules);
    free(r->text);
    free(r->pool);
    memset(r, 0, sizeof *r);
}
