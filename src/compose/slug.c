/* slug.c - Revised Romanization of Korean, syllable by syllable.
 *
 * Each precomposed syllable splits arithmetically into initial, vowel and
 * final jamo (Unicode's Hangul composition), each written by a table. Of
 * the sound changes between syllables only liaison is written, as the
 * Revised Romanization does and readers expect: a final consonant before
 * a silent ㅇ is said as the next syllable's initial (핵융합 haegyunghap,
 * 맑은 malgeun). The rest are left out: a slug must be stable and readable,
 * not a pronunciation guide. */
#include "slug.h"

#include <string.h>

#include "../util/utf8.h"

static const char *const initials[19] = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
    "ch", "k", "t", "p", "h",
};
static const char *const vowels[21] = {
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
    "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
};
static const char *const finals[28] = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
};

/* A final before a silent ㅇ: what stays, and what is said as the next
 * syllable's initial (ㄺ: l + g; ㅎ and ㅇ do not move). */
static const char *const liaison[28][2] = {
    {"", ""},   {"", "g"},  {"", "kk"}, {"k", "s"}, {"", "n"},   {"n", "j"}, {"n", ""},
    {"", "d"},  {"", "r"},  {"l", "g"}, {"l", "m"}, {"l", "b"},  {"l", "s"}, {"l", "t"},
    {"l", "p"}, {"", "r"},  {"", "m"},  {"", "b"},  {"p", "s"},  {"", "s"},  {"", "ss"},
    {"ng", ""}, {"", "j"},  {"", "ch"}, {"", "k"},  {"", "t"},   {"", "p"},  {"", ""},
};

#define SILENT_INITIAL 11 /* ㅇ */

static void hyphen(buf *out, size_t start)
{
    if (out->len > start && out->ptr[out->len - 1] != '-')
        buf_putc(out, '-');
}

/* Cut the slug back to SLUG_MAX bytes at the end of a word (at a
 * character boundary when one word is longer) and trim hyphens; an empty
 * slug becomes "post". */
static void finish(buf *out, size_t start)
{
    if (out->len - start > SLUG_MAX) {
        size_t cut = start + SLUG_MAX;
        while (cut > start && out->ptr[cut] != '-')
            cut--;
        if (cut == start) {
            cut = start + SLUG_MAX;
            while (cut > start && ((unsigned char)out->ptr[cut] & 0xC0) == 0x80)
                cut--;
        }
        out->len = cut;
    }
    while (out->len > start && out->ptr[out->len - 1] == '-')
        out->len--;
    if (out->len == start)
        buf_puts(out, "post");
    if (out->ptr)
        out->ptr[out->len] = '\0';
}

static void slugify(buf *out, const char *title, int keep_hangul)
{
    size_t start = out->len;
    const unsigned char *s = (const unsigned char *)(title ? title : "");
    size_t len = strlen((const char *)s), i = 0;
    while (i < len && out->len - start <= SLUG_MAX) {
        int32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (utf8_is_hangul(cp) && keep_hangul) {
            buf_append(out, (const char *)s + i, n);
        } else if (utf8_is_hangul(cp)) {
            int v = cp - 0xAC00;
            int32_t next = 0;
            if (i + n < len)
                utf8_decode(s + i + n, len - i - n, &next);
            int links = utf8_is_hangul(next) && (next - 0xAC00) / 588 == SILENT_INITIAL;
            buf_puts(out, initials[v / 588]);
            buf_puts(out, vowels[(v % 588) / 28]);
            if (links) { /* the next syllable's initial is empty: ours moves there */
                buf_puts(out, liaison[v % 28][0]);
                buf_puts(out, liaison[v % 28][1]);
            } else {
                buf_puts(out, finals[v % 28]);
            }
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            buf_putc(out, (char)cp);
        } else if (cp >= 'A' && cp <= 'Z') {
            buf_putc(out, (char)(cp + 32));
        } else {
            hyphen(out, start);
        }
        i += n;
    }
    finish(out, start);
}

void slug_romanize(buf *out, const char *title)
{
    slugify(out, title, 0);
}

void slug_hangul(buf *out, const char *title)
{
    slugify(out, title, 1);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Copy [s, s+n) if it is a usable id: letters, digits, '-' or '_' only,
 * holding at least one digit. */
static int put_id(buf *out, const char *s, size_t n)
{
    int digits = 0;
    if (n == 0 || n > SLUG_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '-' || c == '_'))
            return 0;
        digits |= is_digit(c);
    }
    if (!digits)
        return 0;
    for (size_t i = 0; i < n; i++)
        buf_putc(out, (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]));
    return 1;
}

int slug_from_url(buf *out, const char *url)
{
    static const char *const keys[] = {"newsId=", "newsid=", "aid=", "idxno=",
                                       "articleId=", "article_id=", "no=", "id="};
    if (!url)
        return 0;
    const char *q = strchr(url, '?');
    for (size_t k = 0; q && k < sizeof keys / sizeof *keys; k++) {
        for (const char *p = strstr(q, keys[k]); p; p = strstr(p + 1, keys[k])) {
            if (p[-1] != '?' && p[-1] != '&')
                continue;
            const char *v = p + strlen(keys[k]);
            if (put_id(out, v, strcspn(v, "&#")))
                return 1;
        }
    }
    size_t end = q ? (size_t)(q - url) : strcspn(url, "#");
    while (end > 0 && url[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && url[start - 1] != '/')
        start--;
    const char *seg = url + start;
    size_t n = end - start, dot = n;
    for (size_t i = 0; i < n; i++)
        if (seg[i] == '.')
            dot = i; /* drop ".html" and the like */
    return start > 0 && url[start - 1] == '/' && start >= 3 && url[start - 2] != '/' &&
           put_id(out, seg, dot);
}
