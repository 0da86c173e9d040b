/* mojibake.c - undo UTF-8 that was decoded as Windows-1252 and encoded
 * again ("â€™" for "’", "Ã©" for "é", "ì•ˆë…•" for "안녕").
 *
 * Such a page is valid UTF-8, so encoding detection cannot see it. Each
 * character of the damaged text stands for one byte of the original: a
 * lead byte (U+00C2..U+00F4) followed by the continuation bytes it
 * announces (U+0080..U+00BF, or the Windows-1252 punctuation that took
 * the place of 0x80..0x9F). A run of such sequences is put back only when
 * it could not be ordinary text: it holds a character that stands for
 * 0x80..0x9F (a C1 control or that punctuation), or a lead of U+00C2 or
 * U+00C3, which nothing in real text follows with a Latin-1 sign. Text
 * like "été »" (é, no-break space, ») is left alone.
 */
#include <string.h>

#include "../util/utf8.h"
#include "extract.h"

/* Windows-1252's characters for bytes 0x80..0x9F; 0 where the byte is
 * undefined there and stays a C1 control. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The byte a character of the damaged text stands for, or -1. */
static int byte_of(unsigned cp)
{
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

/* One damaged sequence at s: the original bytes go to out[], their count
 * is returned (0 when s does not start one), the damaged length goes to
 * *used and *telling is set when the sequence cannot be ordinary text. */
static size_t read_sequence(const unsigned char *s, const unsigned char *end,
                            unsigned char out[4], size_t *used, int *telling)
{
    int32_t cp;
    size_t at = utf8_decode(s, (size_t)(end - s), &cp);
    if (cp < 0xC2 || cp > 0xF4)
        return 0;
    size_t need = cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
    out[0] = (unsigned char)cp;
    *telling = cp <= 0xC3;
    for (size_t i = 1; i < need; i++) {
        if (s + at >= end)
            return 0;
        at += utf8_decode(s + at, (size_t)(end - s - at), &cp);
        int b = byte_of((unsigned)cp);
        if (b < 0x80 || b > 0xBF)
            return 0;
        *telling |= b < 0xA0;
        out[i] = (unsigned char)b;
    }
    /* the bytes put back must be UTF-8 themselves: no overlong form, no
     * surrogate, nothing past U+10FFFF */
    if (utf8_decode(out, need, &cp) != need)
        return 0;
    *used = at;
    return need;
}

/* The end of the run of damaged sequences at s[i..], and whether it is
 * telling. */
static size_t scan_run(const unsigned char *s, size_t len, size_t i, int *telling)
{
    unsigned char bytes[4];
    size_t used;
    int t;
    *telling = 0;
    while (i < len && read_sequence(s + i, s + len, bytes, &used, &t) > 0) {
        *telling |= t;
        i += used;
    }
    return i;
}

/* Write the original bytes of the damaged text s[i..end) to s[*w..]; they
 * are never longer than the damaged text (two bytes or more stand for
 * each one), so the write never overtakes the read. */
static void put_back(unsigned char *s, size_t i, size_t end, size_t *w)
{
    unsigned char bytes[4];
    size_t used, n;
    int t;
    while (i < end && (n = read_sequence(s + i, s + end, bytes, &used, &t)) > 0) {
        memcpy(s + *w, bytes, n);
        *w += n;
        i += used;
    }
}

size_t mojibake_repair(char *text, size_t len)
{
    unsigned char *s = (unsigned char *)text;
    size_t r = 0, w = 0;
    while (r < len) {
        /* Every damaged sequence starts with U+00C2..U+00F4: 0xC3 0x82..0xB4. */
        const unsigned char *p = memchr(s + r, 0xC3, len - r);
        size_t next = p ? (size_t)(p - s) : len;
        memmove(s + w, s + r, next - r);
        w += next - r;
        r = next;
        if (r >= len)
            break;
        int telling;
        size_t after = scan_run(s, len, r, &telling);
        if (after > r && telling) {
            put_back(s, r, after, &w);
            r = after;
        } else { /* ordinary text: keep it, at least the lead byte */
            if (after == r)
                after = r + 1;
            memmove(s + w, s + r, after - r);
            w += after - r;
            r = after;
        }
    }
    return w;
}

int mojibake_likely(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + len;
    for (const unsigned char *p = s; p < end && (p = memchr(p, 0xC3, (size_t)(end - p))); p++) {
        int telling;
        if (p + 1 < end && p[1] >= 0x82 && p[1] <= 0xB4 &&
            scan_run(s, len, (size_t)(p - s), &telling) > (size_t)(p - s) && telling)
            return 1;
    }
    return 0;
}
