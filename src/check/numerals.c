/* numerals.c - quantities however a Korean text writes them, as numbers.
 *
 * A rewrite in blog tone writes "일곱 달여", "넉 달", "두 번째", "세 배",
 * "32만여 대" or "사흘" where the release wrote "5개월여", "4개월", "첫",
 * "두 배", "3만 2천여 대" and "이틀". Compared as text these never match
 * and never clash, so a changed figure passes; compared as (value, unit)
 * they do both. This file only reads: each quantity of a sentence becomes
 * a value, a canonical unit ("달" and "개월" are one unit, "차례" and
 * "회" another) and its byte span. quantities.c judges them. */
#include <string.h>

#include "../analyze/hangul.h"
#include "check.h"

/* Native numerals as a word of their own before a counter ("세 차례"),
 * with the bound forms of 3 and 4 before some counters (석 달, 넉 달).
 * The tens come first so "열한" reads as 11, not 10 and a stray 한. */
static const struct { const char *w; int v; } tens[] = {
    {"열", 10}, {"스물", 20}, {"스무", 20}, {"서른", 30}, {"마흔", 40}, {"쉰", 50},
};
static const struct { const char *w; int v; } ones[] = {
    {"하나", 1}, {"한", 1}, {"둘", 2}, {"두", 2}, {"셋", 3}, {"세", 3}, {"석", 3}, {"서", 3},
    {"넷", 4}, {"네", 4}, {"넉", 4}, {"너", 4}, {"다섯", 5}, {"여섯", 6}, {"일곱", 7},
    {"여덟", 8}, {"아홉", 9},
};
/* Days counted in words of their own: no counter follows them. */
static const struct { const char *w; int v; } days[] = {
    {"하루", 1}, {"이틀", 2}, {"사흘", 3}, {"나흘", 4}, {"닷새", 5}, {"엿새", 6},
    {"이레", 7}, {"여드레", 8}, {"아흐레", 9}, {"열흘", 10}, {"보름", 15},
};
/* Counters, longest spelling first where one starts another, each with
 * the unit it is compared in. A counter the list lacks leaves the figure
 * to the entity check, which compares it as written. */
static const struct { const char *w, *unit; } counters[] = {
    {"퍼센트포인트", "%p"}, {"%p", "%p"}, {"％p", "%p"}, {"포인트", "%p"}, {"퍼센트", "%"},
    {"%", "%"}, {"％", "%"}, {"개월", "개월"}, {"달러", "달러"}, {"달", "개월"},
    {"년", "년"}, {"해", "년"}, {"주일", "주"}, {"주", "주"}, {"시간", "시간"},
    {"차례", "회"}, {"번째", "번째"}, {"번", "회"}, {"회", "회"}, {"째", "번째"},
    {"차", "번째"}, {"배", "배"}, {"개국", "개국"}, {"개소", "곳"}, {"곳", "곳"},
    {"가구", "가구"}, {"가지", "가지"}, {"개", "개"}, {"명", "명"}, {"기", "기"},
    {"척", "척"}, {"대", "대"}, {"호", "호"}, {"건", "건"}, {"톤", "톤"}, {"원", "원"},
    {"마리", "마리"}, {"세대", "세대"}, {"종", "종"}, {"편", "편"}, {"헥타르", "ha"},
    {"ha", "ha"}, {"도", "도"}, {"분", "분"}, {"일", "일"},
};

/* Syllables a particle or ending may start with right after a counter:
 * "7기를", "세 차례씩", "두 곳이". A counter followed by anything else is
 * the start of another word ("세 기관", "두 대변인"). */
static const char particle_start[] = "이가을를은는의에로으와과도만씩간여째마다까부였입인께쯤며";

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Does a word end at s[i] (so a counter or numeral stands whole)? */
static int word_ends(const char *s, size_t len, size_t i)
{
    if (i >= len || s[i] == ' ' || strchr(".,!?;:)]\"'~", s[i]))
        return 1;
    size_t next;
    int32_t cp = utf8_at(s, len, i, &next);
    return !is_syllable(cp) || syllable_in(cp, particle_start);
}

/* Does a word start at s[i]? */
static int word_starts(const char *s, size_t i)
{
    if (i == 0)
        return 1;
    size_t start;
    int32_t cp = utf8_prev(s, i, &start);
    return !is_syllable(cp) && !(cp < 0x80 && (is_digit((char)cp) || (cp | 32) >= 'a'));
}

/* Digits with thousands commas and a decimal point at s[i]. */
static size_t read_digits(const char *s, size_t len, size_t i, double *v)
{
    size_t p = i;
    double x = 0, scale = 0;
    while (p < len && (is_digit(s[p]) || ((s[p] == ',' || s[p] == '.') && p + 1 < len &&
                                          is_digit(s[p + 1]) && p > i))) {
        if (s[p] == '.')
            scale = 1;
        else if (s[p] != ',') {
            if (scale)
                scale /= 10, x += (s[p] - '0') * scale;
            else
                x = x * 10 + (s[p] - '0');
        }
        p++;
    }
    *v = x;
    return p - i;
}

/* A figure with its Korean magnitudes: "3만 2천" is 32,000 and "11억
 * 2천만" 1,120,000,000, however spaced. */
static size_t read_figure(const char *s, size_t len, size_t i, double *v)
{
    double total = 0, small = 0, cur;
    size_t p = i + read_digits(s, len, i, &cur);
    for (;;) {
        static const struct { const char *w; double m; int big; } mags[] = {
            {"천", 1e3, 0}, {"백", 1e2, 0}, {"만", 1e4, 1}, {"억", 1e8, 1}, {"조", 1e12, 1}};
        int hit = 0;
        for (size_t k = 0; k < sizeof mags / sizeof *mags && !hit; k++) {
            if (!starts_with(s + p, len - p, mags[k].w))
                continue;
            hit = 1;
            if (mags[k].big) {
                total += (small + cur) * mags[k].m;
                small = 0;
            } else {
                small += cur * mags[k].m;
            }
            cur = 0;
            p += 3;
        }
        if (!hit)
            break;
        size_t q = p + (p < len && s[p] == ' ');
        if (q < len && is_digit(s[q]))
            p = q + read_digits(s, len, q, &cur);
        else
            break;
    }
    *v = total + small + cur;
    return p - i;
}

/* A native numeral that is a word of its own ("일곱", "열한", "스무"). */
static size_t read_native(const char *s, size_t len, size_t i, double *v)
{
    size_t p = i;
    *v = 0;
    for (size_t k = 0; k < sizeof tens / sizeof *tens; k++)
        if (starts_with(s + p, len - p, tens[k].w)) {
            *v = tens[k].v;
            p += strlen(tens[k].w);
            break;
        }
    for (size_t k = 0; k < sizeof ones / sizeof *ones; k++)
        if (starts_with(s + p, len - p, ones[k].w)) {
            *v += ones[k].v;
            p += strlen(ones[k].w);
            break;
        }
    return p > i && p < len && s[p] == ' ' ? p - i : 0;
}

/* The counter at s[i], whole (a particle may follow it); its length. */
static size_t read_counter(const char *s, size_t len, size_t i, const char **unit)
{
    if (i >= len)
        return 0;
    for (size_t k = 0; k < sizeof counters / sizeof *counters; k++) {
        if (counters[k].w[0] != s[i]) /* most differ at once */
            continue;
        size_t n = strlen(counters[k].w);
        if (n <= len - i && !memcmp(s + i, counters[k].w, n) && word_ends(s, len, i + n)) {
            *unit = counters[k].unit;
            return n;
        }
    }
    return 0;
}

static size_t skip_hedge(const char *s, size_t len, size_t p)
{
    static const char *const hedges[] = {"여", "가량", "남짓", NULL};
    for (const char *const *h = hedges; *h; h++)
        if (starts_with(s + p, len - p, *h) && !starts_with(s + p, len - p, "여섯") &&
            !starts_with(s + p, len - p, "여덟"))
            return p + strlen(*h);
    return p;
}

static int keep(quantity *out, size_t cap, size_t *n, double v, const char *unit, size_t a,
                size_t b, int words)
{
    if (*n >= cap)
        return 0;
    quantity *q = &out[(*n)++];
    q->value = v;
    q->unit = unit;
    q->start = a;
    q->end = b;
    q->words = words;
    return 1;
}

/* A figure in digits with its counter, and a range's first end ("0.115~
 * 0.154%": both ends in the unit after the second). */
static size_t digits_at(const char *s, size_t len, size_t i, quantity *out, size_t cap,
                        size_t *n)
{
    double v, v2 = 0;
    size_t p = i + read_figure(s, len, i, &v), first_end = p, second = 0;
    if (p < len && (s[p] == '~' || s[p] == '-') && p + 1 < len && is_digit(s[p + 1])) {
        second = p + 1;
        p = second + read_figure(s, len, second, &v2);
    }
    size_t q = skip_hedge(s, len, p);
    q += q < len && s[q] == ' ';
    const char *unit = NULL;
    size_t cn = q < len ? read_counter(s, len, q, &unit) : 0;
    if (!cn)
        return p - i;
    /* "2026년" is a year and "12일" a day of the month, not durations;
     * "제7차" and "3분의 1" are not counts of 차 and 분 */
    if ((!strcmp(unit, "년") && v >= 1000) ||
        (!strcmp(unit, "일") && !starts_with(s + q + cn, len - q - cn, "간") &&
         !starts_with(s + q + cn, len - q - cn, " 동안") &&
         !starts_with(s + q + cn, len - q - cn, " 만")) ||
        (!strcmp(unit, "분") && starts_with(s + q + cn, len - q - cn, "의")))
        return q + cn - i;
    if (second)
        keep(out, cap, n, v, unit, i, first_end, 0);
    keep(out, cap, n, second ? v2 : v, unit, second ? second : i, q + cn, 0);
    return q + cn - i;
}

/* Could a quantity in words start at s[i]? Each starts with one of these
 * syllables: 첫, 절반 and the first syllables of the days, ordinals, tens
 * and ones above (add a word's first syllable here with the word). Most
 * word starts hold none, and are passed at once instead of being tried
 * against some forty words. */
static int may_start_words(const char *s, size_t len, size_t i)
{
    static const char firsts[] = "첫절하이사나닷엿여아열보둘셋넷다스서마쉰한두세석네넉너일";
    if (len - i < 3)
        return 0;
    for (size_t k = 0; k + 3 <= sizeof firsts - 1; k += 3)
        if (s[i] == firsts[k] && s[i + 1] == firsts[k + 1] && s[i + 2] == firsts[k + 2])
            return 1;
    return 0;
}

/* A quantity written in words at a word start: 첫, 절반, 이틀, 일곱 달. */
static size_t words_at(const char *s, size_t len, size_t i, quantity *out, size_t cap,
                       size_t *n)
{
    if (starts_with(s + i, len - i, "첫") && (word_ends(s, len, i + 3) || s[i + 3] == ' ')) {
        size_t e = i + 3;
        if (starts_with(s + e, len - e, " 번째"))
            e += strlen(" 번째");
        keep(out, cap, n, 1, "번째", i, e, 1);
        return e - i;
    }
    if (starts_with(s + i, len - i, "절반")) {
        keep(out, cap, n, 0.5, "배", i, i + 6, 1);
        return 6;
    }
    for (size_t k = 0; k < sizeof days / sizeof *days; k++) {
        size_t m = strlen(days[k].w);
        if (starts_with(s + i, len - i, days[k].w) && word_ends(s, len, i + m)) {
            keep(out, cap, n, days[k].v, "일", i, i + m, 1);
            return m;
        }
    }
    /* 둘째, 셋째: an ordinal in one word */
    static const struct { const char *w; int v; } nth[] = {
        {"둘째", 2}, {"셋째", 3}, {"넷째", 4}, {"다섯째", 5}};
    for (size_t k = 0; k < sizeof nth / sizeof *nth; k++)
        if (starts_with(s + i, len - i, nth[k].w) && word_ends(s, len, i + strlen(nth[k].w))) {
            keep(out, cap, n, nth[k].v, "번째", i, i + strlen(nth[k].w), 1);
            return strlen(nth[k].w);
        }
    double v;
    size_t m = read_native(s, len, i, &v);
    if (!m)
        return 0;
    const char *unit = NULL;
    size_t cn = read_counter(s, len, i + m + 1, &unit);
    if (!cn)
        return 0;
    size_t end = i + m + 1 + cn;
    /* "한 해에", "하루에": a rate's frame, not a quantity of its own */
    if (v == 1 && (!strcmp(unit, "년") || !strcmp(unit, "개월")) &&
        starts_with(s + end, len - end, "에"))
        return end - i;
    /* "한 달 전보다", "1년 전": the previous month or year, a baseline */
    if (v == 1 && starts_with(s + end, len - end, " 전"))
        return end - i;
    keep(out, cap, n, v, unit, i, skip_hedge(s, len, end), 1);
    return end - i;
}

size_t scan_quantities(const char *s, quantity *out, size_t cap)
{
    size_t len = strlen(s), n = 0;
    for (size_t i = 0; i < len && n < cap;) {
        size_t used = 0;
        if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1])))
            used = digits_at(s, len, i, out, cap, &n);
        else if (word_starts(s, i) && may_start_words(s, len, i)) /* the cheaper first */
            used = words_at(s, len, i, out, cap, &n);
        if (used) {
            i += used;
            continue;
        }
        size_t next;
        utf8_at(s, len, i, &next);
        i = next > i ? next : i + 1;
    }
    return n;
}
