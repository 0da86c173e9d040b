/* stemcache.c - the content-word stems of the check's own sentences, kept
 * by address. The checks ask how near a derived sentence is to a source
 * sentence hundreds of times over the same few sentences, and stemming
 * them (tokenise, stem, normalise) is most of what that costs. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

static size_t slot_of(const stem_cache *k, const char *key)
{
    uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 32) & (k->cap - 1);
}

/* Room for one more entry: the table doubles at half full. 0 on OOM. */
static int make_room(stem_cache *k)
{
    if (k->cap && (k->used + 1) * 2 <= k->cap)
        return 1;
    size_t cap = k->cap ? k->cap * 2 : 256;
    stem_entry *old = k->slots, *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return 0;
    size_t oldcap = k->cap;
    k->slots = slots;
    k->cap = cap;
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].key)
            continue;
        size_t at = slot_of(k, old[i].key);
        while (slots[at].key)
            at = (at + 1) & (cap - 1);
        slots[at] = old[i];
    }
    free(old);
    return 1;
}

/* The entry of `s`, stemmed on first sight; NULL when out of memory. */
static const stem_entry *kept(stem_cache *k, const char *s)
{
    if (!make_room(k))
        return NULL;
    size_t at = slot_of(k, s);
    while (k->slots[at].key && k->slots[at].key != s)
        at = (at + 1) & (k->cap - 1);
    stem_entry *e = &k->slots[at];
    if (!e->key) {
        e->w = check_stem_words(s, &e->n);
        if (!e->w)
            return NULL;
        e->key = s;
        k->used++;
    }
    return e;
}

double check_overlap_kept(checker *c, const char *a, const char *b)
{
    const stem_entry *ea = kept(&c->kept, a);
    if (!ea)
        return check_overlap(a, b);
    const char (*sa)[48] = (const char (*)[48])ea->w; /* b may move the table, not a's stems */
    size_t na = ea->n;
    const stem_entry *eb = kept(&c->kept, b);
    if (!eb)
        return check_overlap(a, b);
    return check_overlap_stems(sa, na, (const char (*)[48])eb->w, eb->n);
}

void stem_cache_free(stem_cache *k)
{
    for (size_t i = 0; i < k->cap; i++)
        free(k->slots[i].w);
    free(k->slots);
}
