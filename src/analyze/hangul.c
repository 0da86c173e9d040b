/* hangul.c - UTF-8 stepping and suffix tests for the analysis stage. */
#include <string.h>

#include "hangul.h"
#include "../util/utf8.h"

int32_t utf8_prev_any(const char *s, size_t i, size_t *start)
{
    size_t j = i;
    /* At most three continuation bytes precede a lead byte. */
    while (j > 0 && i - j < 4) {
        j--;
        if (((unsigned char)s[j] & 0xC0) != 0x80)
            break;
    }
    int32_t cp;
    size_t n = utf8_decode((const unsigned char *)s + j, i - j, &cp);
    if (n != i - j) { /* invalid sequence: step one byte */
        j = i - 1;
        cp = 0xFFFD;
    }
    *start = j;
    return cp;
}

int32_t utf8_at_any(const char *s, size_t len, size_t i, size_t *next)
{
    int32_t cp;
    size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
    *next = i + n;
    return cp;
}

int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return m <= n && memcmp(s + n - m, suffix, m) == 0;
}

int starts_with(const char *s, size_t n, const char *prefix)
{
    /* most words differ at once: their first byte answers */
    if (prefix[0] && (n == 0 || s[0] != prefix[0]))
        return 0;
    size_t m = strlen(prefix);
    return m <= n && memcmp(s, prefix, m) == 0;
}

const char *ends_with_any(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (ends_with(s, n, *list))
            return *list;
    return NULL;
}

/* Both compare one byte before memcmp: the lists are long, and almost
 * every entry differs at once. */
int in_lexemes(const char *w, size_t n, const lexeme *list)
{
    for (; list->s; list++)
        if (list->n == n && n && list->s[n - 1] == w[n - 1] && !memcmp(list->s, w, n))
            return 1;
    return 0;
}

const char *ends_with_lexeme(const char *s, size_t n, const lexeme *list)
{
    for (; list->s; list++)
        if (list->n <= n && list->n && list->s[list->n - 1] == s[n - 1] &&
            !memcmp(s + n - list->n, list->s, list->n))
            return list->s;
    return NULL;
}

static size_t lexicon_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The twelve bits of s[0..n)'s last two bytes that lexicon.tails keeps
 * (n >= 2). */
static unsigned lexicon_tail(const char *s, size_t n)
{
    return ((unsigned)((unsigned char)s[n - 2] & 0x3F) << 6) | ((unsigned char)s[n - 1] & 0x3F);
}

/* Might an entry of list `bit` end s[0..n)? */
static int lexicon_tail_in(const lexicon *lx, const char *s, size_t n, int bit)
{
    if (n < 2 || (lx->short_entries >> bit & 1))
        return 1;
    unsigned t = lexicon_tail(s, n);
    return (int)(lx->tails[bit][t >> 6] >> (t & 63) & 1);
}

/* The slot of w[0..n) in lx, or the empty slot where it would go. */
static lexicon_slot *lexicon_slot_of(const lexicon *lx, const char *w, size_t n)
{
    size_t mask = lx->cap - 1;
    for (size_t at = lexicon_hash(w, n) & mask;; at = (at + 1) & mask) {
        lexicon_slot *sl = &lx->slot[at];
        if (!sl->s || (sl->n == n && !memcmp(sl->s, w, n)))
            return sl;
    }
}

int lexicon_add(lexicon *lx, const lexeme *list, int bit)
{
    size_t used = 0;
    for (size_t i = 0; i < lx->cap; i++)
        used += lx->slot[i].s != NULL;
    for (; list->s && !lx->broken; list++) {
        if (list->n == 0 || list->n > LEXICON_MAX_BYTES || bit < 0 ||
            bit >= LEXICON_MAX_LISTS || (used + 1) * 4 > lx->cap * 3) {
            lx->broken = 1;
            break;
        }
        lexicon_slot *sl = lexicon_slot_of(lx, list->s, list->n);
        if (!sl->s) {
            *sl = (lexicon_slot){list->s, list->n, 0};
            used++;
        }
        sl->lists |= 1u << bit;
        lx->lens[bit] |= (uint64_t)1 << (list->n - 1);
        if (list->n < 2) {
            lx->short_entries |= 1u << bit;
        } else {
            unsigned t = lexicon_tail(list->s, list->n);
            lx->tails[bit][t >> 6] |= (uint64_t)1 << (t & 63);
        }
    }
    return !lx->broken;
}

unsigned lexicon_lists(const lexicon *lx, const char *w, size_t n)
{
    if (lx->broken || n == 0 || n > LEXICON_MAX_BYTES)
        return 0;
    return lexicon_slot_of(lx, w, n)->lists;
}

int lexicon_in(const lexicon *lx, const char *w, size_t n, int bit)
{
    return !lx->broken && lexicon_tail_in(lx, w, n, bit) &&
           (lexicon_lists(lx, w, n) >> bit & 1);
}

int lexicon_ends(const lexicon *lx, const char *s, size_t n, int bit)
{
    if (lx->broken || !lexicon_tail_in(lx, s, n, bit))
        return 0;
    uint64_t lens = lx->lens[bit];
    for (size_t len = 1; lens && len <= n; len++, lens >>= 1)
        if ((lens & 1) && (lexicon_lists(lx, s + n - len, len) >> bit & 1))
            return 1;
    return 0;
}

int syllable_in(int32_t cp, const char *list)
{
    char enc[4];
    size_t m = utf8_encode(cp, enc);
    if (m == 3) { /* a syllable: its three bytes compared in place */
        for (size_t i = 0; list[i]; i += 3)
            if (list[i] == enc[0] && list[i + 1] == enc[1] && list[i + 2] == enc[2])
                return 1;
        return 0;
    }
    for (size_t i = 0; list[i]; i += 3)
        if (memcmp(list + i, enc, m) == 0)
            return 1;
    return 0;
}
