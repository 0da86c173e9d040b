/* charref.c - the character reference states (HTML Standard 13.2.5.72-80):
 * character reference, named character reference, ambiguous ampersand,
 * numeric character reference (start, hexadecimal start, decimal start,
 * hexadecimal, decimal) and numeric character reference end.
 *
 * Every character these states look at is ASCII, and the input is valid
 * UTF-8, so they read bytes directly; what they consume and do not turn
 * into a code point is flushed as slices of the input. */
#include <string.h>

#include "tokenizer.h"

struct html_entity {
    const char *name; /* without the '&'; with the ';' where it has one */
    unsigned char len;
    int32_t cp[2];
};

#include "entities.inc"

static bool is_alnum(int c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Names are short: a byte loop in line beats a call to memcmp at each of
 * the binary search's dozen steps. */
static int entity_cmp(const char *s, size_t n, const struct html_entity *e)
{
    size_t m = n < e->len ? n : e->len;
    for (size_t i = 0; i < m; i++)
        if (s[i] != e->name[i])
            return (unsigned char)s[i] - (unsigned char)e->name[i];
    return (n > e->len) - (n < e->len);
}

/* The entity named exactly s[0..n), or NULL. */
static const struct html_entity *entity_find(const char *s, size_t n)
{
    unsigned char c = n ? (unsigned char)s[0] : 0;
    if (c >= 123)
        return NULL;
    size_t lo = html_entity_first[c], hi = html_entity_first[c + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = entity_cmp(s, n, &html_entities[mid]);
        if (r == 0)
            return &html_entities[mid];
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* The longest name at s[0..avail) (letters and digits, then perhaps ';'):
 * the spec's "maximum number of characters possible". Names with a ';'
 * end with it, so only the whole run can take one. */
static const struct html_entity *entity_longest(const char *s, size_t avail)
{
    size_t run = 0;
    while (run < avail && run < HTML_ENTITY_LONGEST && is_alnum((unsigned char)s[run]))
        run++;
    if (run < avail && s[run] == ';') {
        const struct html_entity *e = entity_find(s, run + 1);
        if (e)
            return e;
    }
    /* without the ';' only the legacy names match, none longer than
     * HTML_ENTITY_LONGEST_BARE ("&x=1&y=2" in a URL costs a few searches,
     * not one per letter of the run) */
    size_t from = run < HTML_ENTITY_LONGEST_BARE ? run : HTML_ENTITY_LONGEST_BARE;
    for (size_t n = from; n >= 2; n--) { /* the shortest legacy names are "GT", "lt" */
        const struct html_entity *e = entity_find(s, n);
        if (e)
            return e;
    }
    return NULL;
}

/* 13.2.5.80: C1 code points that references to them mean as windows-1252. */
static int32_t c1_replacement(int32_t n)
{
    static const uint16_t table[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
        0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
    };
    if (n >= 0x80 && n <= 0x9F && table[n - 0x80])
        return table[n - 0x80];
    return n;
}

static bool is_noncharacter(int32_t n)
{
    return (n >= 0xFDD0 && n <= 0xFDEF) || (n & 0xFFFE) == 0xFFFE;
}

/* Numeric character reference end state. */
static int32_t numeric_end(html_tokenizer *t, int32_t n)
{
    if (n == 0) {
        html_tok_error(t, "null-character-reference");
        return 0xFFFD;
    }
    if (n > 0x10FFFF) {
        html_tok_error(t, "character-reference-outside-unicode-range");
        return 0xFFFD;
    }
    if (n >= 0xD800 && n <= 0xDFFF) {
        html_tok_error(t, "surrogate-character-reference");
        return 0xFFFD;
    }
    if (is_noncharacter(n)) {
        html_tok_error(t, "noncharacter-character-reference");
        return n;
    }
    bool whitespace = n == 0x09 || n == 0x0A || n == 0x0C || n == 0x20;
    if (n == 0x0D || (((n >= 0x01 && n <= 0x1F) || (n >= 0x7F && n <= 0x9F)) && !whitespace)) {
        html_tok_error(t, "control-character-reference");
        return c1_replacement(n);
    }
    return n;
}

/* Numeric character reference state and those after it; t->pos is just
 * past the '#'. amp is the offset of the '&'. */
static void numeric(html_tokenizer *t, html_sb *out, size_t amp)
{
    const char *in = t->in;
    size_t p = t->pos, len = t->len;
    bool hex = p < len && (in[p] | 0x20) == 'x';
    if (hex)
        p++;
    size_t digits = p;
    int32_t n = 0;
    for (;; p++) {
        int d = p < len ? (hex ? hex_value((unsigned char)in[p])
                               : (in[p] >= '0' && in[p] <= '9' ? in[p] - '0' : -1))
                        : -1;
        if (d < 0)
            break;
        n = n > 0x10FFFF ? n : n * (hex ? 16 : 10) + d; /* saturate past the range */
    }
    if (p == digits) { /* hexadecimal / decimal character reference start */
        html_tok_error(t, "absence-of-digits-in-numeric-character-reference");
        html_sb_input(t, out, amp, digits - amp); /* "&#" or "&#x" as they are */
        t->pos = digits;
        return;
    }
    if (p < len && in[p] == ';')
        p++;
    else
        html_tok_error(t, "missing-semicolon-after-character-reference");
    t->pos = p;
    html_sb_cp(t, out, numeric_end(t, n));
}

void html_charref(html_tokenizer *t, html_sb *out, bool in_attribute)
{
    const char *in = t->in;
    size_t amp = t->pos - 1, p = t->pos, len = t->len;
    if (p < len && in[p] == '#') {
        t->pos = p + 1;
        numeric(t, out, amp);
        return;
    }
    if (p >= len || !is_alnum((unsigned char)in[p])) {
        html_sb_input(t, out, amp, 1); /* the '&' alone; reconsume */
        return;
    }
    /* Named character reference state. */
    const struct html_entity *e = entity_longest(in + p, len - p);
    if (e) {
        size_t after = p + e->len;
        bool semi = e->name[e->len - 1] == ';';
        if (in_attribute && !semi && after < len &&
            (in[after] == '=' || is_alnum((unsigned char)in[after]))) {
            /* historical: "&not=" in a URL stays as it is */
            html_sb_input(t, out, amp, after - amp);
            t->pos = after;
            return;
        }
        if (!semi)
            html_tok_error(t, "missing-semicolon-after-character-reference");
        html_sb_cp(t, out, e->cp[0]);
        if (e->cp[1])
            html_sb_cp(t, out, e->cp[1]);
        t->pos = after;
        return;
    }
    /* Ambiguous ampersand state: the letters and digits go out as they are. */
    while (p < len && is_alnum((unsigned char)in[p]))
        p++;
    if (p < len && in[p] == ';')
        html_tok_error(t, "unknown-named-character-reference");
    html_sb_input(t, out, amp, p - amp);
    t->pos = p;
}
