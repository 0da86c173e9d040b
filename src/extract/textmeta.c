/* textmeta.c - metadata stated in the visible text of a page.
 *
 * Korean pages often carry their date, issuing ministry and licence only
 * as prose ("2026년 1월 30일", "이 자료는 국방부의 보도자료를 전재하여…",
 * "공공누리 제1유형"), so both the HTML and the text-dump paths look here. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/regex.h"
#include "../util/utf8.h"
#include "extract.h"

enum { RE_DATE_KO, RE_DATE_NUM, RE_DATE_MDY, RE_DATE_DMY, RE_DATE_DOTTED, RE_ORG,
       RE_ORG_WORK, RE_COUNT };

#define MONTHS "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|" \
               "Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"

static const char *const patterns[RE_COUNT] = {
    /* 2026년 1월 30일 */
    "(?<!\\d)((?:19|20)\\d\\d)\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일",
    /* 2026.01.30. / 2026-01-30 / 2026/1/30 */
    "(?<!\\d)((?:19|20)\\d\\d)\\s?([./-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{1,2})(?!\\d)",
    /* May 12, 2024 / Dec. 3rd 2025 */
    "(?i)\\b" MONTHS "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)(?!\\d)",
    /* 12 May 2024 / 3rd of December, 2025 */
    "(?i)(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" MONTHS "\\.?,?\\s+((?:19|20)\\d\\d)(?!\\d)",
    /* 30.01.2026 (day first) / 01/30/2026 (month first, as in the US) */
    "(?<![\\d.])(\\d{1,2})([./])(\\d{1,2})\\2((?:19|20)\\d\\d)(?!\\d)",
    /* 이 자료는 국방부의 보도자료를 전재하여 */
    "이\\s*자료는\\s*([^\\s,.]{2,40}?)(?:의|에서)\\s*보도자료를\\s*전재",
    /* 국방부의 저작물은 공공누리 제1유형… (a ministry's own site) */
    "(?<![가-힣])([가-힣]{2,20})의\\s*저작물[은는]?\\s*공공누리",
};

/* Two compilations, each made once when first needed and read-only
 * afterwards (safe to share between threads): interpreted, for short
 * strings, and JIT-compiled, for longer ones. A PDF release asks for a
 * date four times, on lines of some twenty bytes: JIT compiling the seven
 * patterns for those (1.4 million instructions) cost more than gisa's
 * own reading of a two-page file. An HTML page asks hundreds of times,
 * some on texts of a few hundred bytes, where compiled code pays. */
enum { JIT_FROM = 64 }; /* bytes of subject */
static pcre2_code *interpreted[RE_COUNT], *jitted[RE_COUNT];
static pthread_once_t interpreted_once = PTHREAD_ONCE_INIT, jitted_once = PTHREAD_ONCE_INIT;

static void compile_interpreted(void)
{
    for (int i = 0; i < RE_COUNT; i++)
        interpreted[i] = regex_compile_interpreted(patterns[i]);
}

static void compile_jitted(void)
{
    for (int i = 0; i < RE_COUNT; i++)
        jitted[i] = regex_compile(patterns[i]);
}

static const pcre2_code *pattern(int which, size_t subject)
{
    if (subject < JIT_FROM) {
        pthread_once(&interpreted_once, compile_interpreted);
        return interpreted[which];
    }
    pthread_once(&jitted_once, compile_jitted);
    return jitted[which];
}

/* Run pattern `which` on s from `start`; fills ovector pairs. */
static int match(int which, const char *s, size_t len, size_t start,
                 size_t *ov, int nov)
{
    const pcre2_code *re = pattern(which, len - start);
    if (!re)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create(nov, NULL);
    if (!md)
        return 0;
    int rc = pcre2_match(re, (PCRE2_SPTR)s, len, start,
                         PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc > 0) {
        PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
        for (int i = 0; i < 2 * nov; i++)
            ov[i] = v[i];
    }
    pcre2_match_data_free(md);
    return rc > 0;
}

static int number_at(const char *s, size_t a, size_t b)
{
    int v = 0;
    for (size_t i = a; i < b; i++)
        if (s[i] >= '0' && s[i] <= '9')
            v = v * 10 + (s[i] - '0');
    return v;
}

static int valid_ymd(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* "Dec" / "december" -> 12; 0 if not a month name. */
static int month_at(const char *s, size_t a)
{
    static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    char k[3];
    for (int i = 0; i < 3; i++)
        k[i] = (char)(s[a + i] | 0x20);
    for (int m = 0; m < 12; m++)
        if (!memcmp(names + 3 * m, k, 3))
            return m + 1;
    return 0;
}

/* Year, month and day of the match in ov of pattern `which`. */
static void ymd_of(int which, const char *s, const size_t *ov, int *y, int *m, int *d)
{
    switch (which) {
    case RE_DATE_KO:
        *y = number_at(s, ov[2], ov[3]), *m = number_at(s, ov[4], ov[5]);
        *d = number_at(s, ov[6], ov[7]);
        break;
    case RE_DATE_NUM:
        *y = number_at(s, ov[2], ov[3]), *m = number_at(s, ov[6], ov[7]);
        *d = number_at(s, ov[8], ov[9]);
        break;
    case RE_DATE_MDY:
        *m = month_at(s, ov[2]), *d = number_at(s, ov[4], ov[5]);
        *y = number_at(s, ov[6], ov[7]);
        break;
    case RE_DATE_DMY:
        *d = number_at(s, ov[2], ov[3]), *m = month_at(s, ov[4]);
        *y = number_at(s, ov[6], ov[7]);
        break;
    default: { /* RE_DATE_DOTTED: dots put the day first, slashes the month */
        int a = number_at(s, ov[2], ov[3]), b = number_at(s, ov[6], ov[7]);
        int day_first = s[ov[4]] == '.' ? b <= 12 : a > 12;
        *d = day_first ? a : b, *m = day_first ? b : a;
        *y = number_at(s, ov[8], ov[9]);
    }
    }
}

/* Does s hold "19" or "20"? Every date pattern needs one (its year), so
 * most lines are settled here without running five patterns over them. */
static int may_hold_year(const char *s, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))
            return 1;
    return 0;
}

int find_visible_date(const char *s, size_t len, char out[11])
{
    static const int kinds[] = {RE_DATE_KO, RE_DATE_NUM, RE_DATE_MDY, RE_DATE_DMY,
                                RE_DATE_DOTTED};
    if (!may_hold_year(s, len))
        return 0;
    size_t ov[10];
    size_t best = (size_t)-1;
    int y = 0, m = 0, d = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t start = 0;
        while (start < len && start < best && match(kinds[k], s, len, start, ov, 5)) {
            int yy, mm, dd;
            ymd_of(kinds[k], s, ov, &yy, &mm, &dd);
            if (ov[0] >= best)
                break;
            if (valid_ymd(yy, mm, dd)) {
                best = ov[0];
                y = yy, m = mm, d = dd;
                break;
            }
            start = ov[1];
        }
    }
    if (best == (size_t)-1)
        return 0;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return 1;
}

/* Cheap test before running the patterns: does s hold a year 19xx/20xx? */
int has_year(const char *s, size_t len)
{
    for (size_t i = 0; i + 3 < len; i++)
        if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))
            if (s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9')
                return 1;
    return 0;
}

const char *find_issuing_org(arena *a, const char *s, size_t len)
{
    size_t ov[4];
    /* (each pattern only where its fixed words are: this runs on every
     * block of a page) */
    if (utf8_ascii_prefix(s, len) == len)
        return NULL; /* every word sought is Korean */
    if (!(memmem(s, len, "보도자료를", strlen("보도자료를")) && match(RE_ORG, s, len, 0, ov, 2)) &&
        !(memmem(s, len, "저작물", strlen("저작물")) && match(RE_ORG_WORK, s, len, 0, ov, 2)))
        return NULL;
    return arena_strndup(a, s + ov[2], ov[3] - ov[2]);
}

/* The line of s around offset `at`, trimmed of quotes and bullets. */
static const char *line_around(arena *a, const char *s, size_t len, size_t at)
{
    size_t b = at, e = at;
    while (b > 0 && s[b - 1] != '\n')
        b--;
    while (e < len && s[e] != '\n')
        e++;
    while (b < e && (s[b] == ' ' || s[b] == '-' || s[b] == '*'))
        b++;
    if (e - b > 600) {
        e = b + 600;
        while (e > b && ((unsigned char)s[e] & 0xC0) == 0x80)
            e--; /* do not cut a character in half */
    }
    return arena_strndup(a, s + b, e - b);
}

static const char *memfind(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n > len)
        return NULL;
    return memmem(s, len, needle, n);
}

int find_license(arena *a, const char *s, size_t len, const char **code,
                 const char **notice)
{
    const char *k = memfind(s, len, "공공누리");
    if (k) {
        size_t at = (size_t)(k - s);
        size_t win_b = at > 600 ? at - 600 : 0, win_e = at + 900 < len ? at + 900 : len;
        const char *w = s + win_b;
        size_t wl = win_e - win_b;
        int type = 1;
        if (memfind(w, wl, "제4유형") || (memfind(w, wl, "상업적") && memfind(w, wl, "변경금지")))
            type = 4;
        else if (memfind(w, wl, "제3유형") || memfind(w, wl, "변경금지"))
            type = 3;
        else if (memfind(w, wl, "제2유형") || memfind(w, wl, "상업적 이용금지"))
            type = 2;
        static const char *const codes[] = {"", "KOGL-1", "KOGL-2", "KOGL-3", "KOGL-4"};
        *code = codes[type];
        *notice = line_around(a, s, len, at);
        return 1;
    }
    /* A link to a licence's deed, "creativecommons.org/licenses/by-sa/4.0/".
     * A link to the licences' index, or to anything but a licence (every
     * CC licence starts with BY), grants nothing: look on. */
    static const char deeds[] = "creativecommons.org/licenses/";
    for (const char *cc = memfind(s, len, deeds); cc;
         cc = memfind(cc + 1, len - (size_t)(cc + 1 - s), deeds)) {
        const char *p = cc + strlen(deeds);
        size_t i = 0;
        char name[32] = "CC-";
        size_t o = 3;
        while (p + i < s + len && o + 1 < sizeof name &&
               ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || p[i] == '-')) {
            char c = p[i++];
            name[o++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        if (o < 5 || memcmp(name + 3, "BY", 2) != 0)
            continue;
        if (p + i < s + len && p[i] == '/') {
            i++;
            if (o + 1 < sizeof name)
                name[o++] = '-';
            while (p + i < s + len && o + 1 < sizeof name &&
                   ((p[i] >= '0' && p[i] <= '9') || p[i] == '.'))
                name[o++] = p[i++];
            if (name[o - 1] == '-') /* ".../by/" with no version */
                o--;
        }
        name[o] = '\0';
        *code = arena_strdup(a, name);
        *notice = line_around(a, s, len, (size_t)(cc - s));
        return 1;
    }
    return 0;
}

/* Where s holds `needle`, ASCII letters compared without case, or NULL. */
/* needle (ASCII) in s, ignoring the case of letters. This runs on every
 * text node of every page, so the first letter is found with memchr in
 * both cases rather than by trying each byte. */
static const char *memfind_nocase(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (!n || n > len)
        return NULL;
    unsigned char lo = (unsigned char)(needle[0] | 0x20), up = (unsigned char)(needle[0] & ~0x20);
    size_t span = len - n + 1; /* where a match can begin */
    const char *pl = memchr(s, lo, span), *pu = up != lo ? memchr(s, up, span) : NULL;
    while (pl || pu) {
        const char *p = !pu || (pl && pl < pu) ? pl : pu;
        size_t k = 1;
        while (k < n && ((p[k] | 0x20) == (needle[k] | 0x20) || p[k] == needle[k]))
            k++;
        if (k == n)
            return p;
        size_t rest = span - (size_t)(p + 1 - s);
        if (p == pl)
            pl = memchr(p + 1, lo, rest);
        else
            pu = memchr(p + 1, up, rest);
    }
    return NULL;
}

/* "저작권자 ©", "저작권자ⓒ", "저작권자(c)": the 저작권자 line of a newspaper. */
static const char *copyright_holder_mark(const char *s, size_t len)
{
    static const char *const signs[] = {"©", "ⓒ", "(c)", "(C)"};
    for (const char *k = memfind(s, len, "저작권자"); k;
         k = memfind(k + 1, len - (size_t)(k + 1 - s), "저작권자")) {
        const char *p = k + strlen("저작권자");
        while (p < s + len && *p == ' ')
            p++;
        for (size_t i = 0; i < sizeof signs / sizeof *signs; i++)
            if ((size_t)(s + len - p) >= strlen(signs[i]) &&
                !memcmp(p, signs[i], strlen(signs[i])))
                return k;
    }
    return NULL;
}

int find_reserved_notice(arena *a, const char *s, size_t len, const char **code,
                         const char **notice)
{
    /* Korean papers word it "무단 전재 및 재배포 금지", "무단전재-재배포",
     * "AI 학습 이용 금지"; English ones "All rights reserved". */
    static const char *const marks[] = {"무단 전재", "무단전재", "재배포 금지", "재배포금지"};
    const char *k = memfind_nocase(s, len, "all rights reserved");
    if (!k && utf8_ascii_prefix(s, len) == len)
        return 0; /* every other mark is Korean */
    if (!k)
        k = copyright_holder_mark(s, len);
    for (size_t i = 0; !k && i < sizeof marks / sizeof *marks; i++)
        k = memfind(s, len, marks[i]);
    if (!k && memfind(s, len, "금지")) /* "AI 학습 이용 금지", not "AI 학습 지원" */
        if (!(k = memfind(s, len, "AI 학습")))
            k = memfind(s, len, "AI학습");
    if (!k)
        return 0;
    *code = GISA_LICENSE_RESERVED;
    *notice = line_around(a, s, len, (size_t)(k - s));
    return 1;
}
