/* simhash.c - content hashes and SimHash for near-duplicate detection. */
#include <string.h>

#include "../util/zapi.h"
#include "corpus.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL
#define SHINGLE 4 /* characters per shingle: short enough for Korean words */

static uint64_t fnv1a(const unsigned char *p, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* FNV alone mixes the high bits poorly for short keys; a finaliser
 * spreads every input bit over all 64 before the bits are voted on. */
static uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

void corpus_content_hash(const unsigned char *data, size_t len, char out[25])
{
    uint64_t h = fnv1a(data, len, FNV_OFFSET);
    unsigned long crc = crc32(0L, Z_NULL, 0);
    /* crc32 takes a uInt length: feed it in pieces. */
    for (size_t done = 0; done < len;) {
        size_t n = len - done > (1u << 30) ? (1u << 30) : len - done;
        crc = crc32(crc, data + done, (uInt)n);
        done += n;
    }
    snprintf(out, 25, "%016llx%08lx", (unsigned long long)h, crc & 0xffffffffUL);
}

static size_t utf8_len(unsigned char c)
{
    if (c < 0x80) return 1;
    if ((c & 0xe0) == 0xc0) return 2;
    if ((c & 0xf0) == 0xe0) return 3;
    if ((c & 0xf8) == 0xf0) return 4;
    return 1; /* a stray byte counts as one character */
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* How often each of the 64 bits was set over the shingles. Counting
 * bit by bit costs 64 additions per shingle; instead eight words hold
 * eight byte-wide counters each (word j counts bits j, j+8, ... j+56),
 * emptied into the totals before a byte can overflow. */
typedef struct bit_counts {
    uint64_t lanes[8];
    unsigned pending; /* shingles in the lanes */
    uint32_t total[64];
} bit_counts;

static void flush_counts(bit_counts *c)
{
    for (int j = 0; j < 8; j++) {
        for (int b = 0; b < 8; b++)
            c->total[j + 8 * b] += (uint32_t)(c->lanes[j] >> (8 * b)) & 0xff;
        c->lanes[j] = 0;
    }
    c->pending = 0;
}

static void count_bits(bit_counts *c, uint64_t h)
{
    for (int j = 0; j < 8; j++)
        c->lanes[j] += (h >> j) & 0x0101010101010101ULL;
    if (++c->pending == 255)
        flush_counts(c);
}

uint64_t corpus_simhash(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    /* Start offsets of the last SHINGLE characters (a ring), white space
     * dropped so that reflowed text hashes the same. */
    size_t start[SHINGLE], end[SHINGLE];
    bit_counts counts;
    memset(&counts, 0, sizeof counts);
    size_t n = 0, shingles = 0;
    for (size_t i = 0; i < len;) {
        size_t cl = utf8_len(s[i]);
        if (i + cl > len)
            cl = len - i;
        if (is_space(s[i])) {
            i += cl;
            continue;
        }
        start[n % SHINGLE] = i;
        end[n % SHINGLE] = i + cl;
        n++;
        i += cl;
        if (n < SHINGLE)
            continue;
        uint64_t h = FNV_OFFSET; /* FNV streams: the characters hash in place */
        for (size_t k = n - SHINGLE; k < n; k++)
            h = fnv1a(s + start[k % SHINGLE], end[k % SHINGLE] - start[k % SHINGLE], h);
        count_bits(&counts, mix64(h));
        shingles++;
    }
    if (shingles == 0) /* shorter than one shingle: hash it whole */
        return mix64(fnv1a(s, len, FNV_OFFSET));
    flush_counts(&counts);
    uint64_t out = 0; /* a bit is set when most shingles set it */
    for (int bit = 0; bit < 64; bit++)
        if (2 * (uint64_t)counts.total[bit] > shingles)
            out |= 1ULL << bit;
    return out;
}

unsigned corpus_hamming(uint64_t a, uint64_t b)
{
    return (unsigned)__builtin_popcountll(a ^ b);
}
