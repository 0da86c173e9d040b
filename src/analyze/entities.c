/* entities.c - people (with titles and countries), organisations, places,
 * dates and numbers, by patterns and small word lists.
 *
 * Dates and quantities are found with PCRE2 patterns (compiled once);
 * relative dates (지난해 9월, 이달) are resolved against the document date.
 * "5개월여 만에", "3주 만에" say how long, not when: they are durations
 * (quantities of 개월, 주, 일), never dates. Names are found around titles, which Korean news always
 * gives: "안규백 대한민국 국방부장관", "고이즈미 신지로 일본 방위대신". */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


#include "../util/regex.h"
#include "analysis.h"
#include "hangul.h"
#include "../util/utf8.h"

enum {
    RE_YMD_KO, RE_YMD_DOT, RE_YM_KO, RE_RELATIVE, RE_MD_KO, RE_YEAR, RE_DAY,
    RE_NUMBER, RE_MONTH, RE_COUNT
};

#define D "(?<![\\d.,])"
static const char *const patterns[RE_COUNT] = {
    D "((?:19|20)\\d\\d)\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일",
    D "((?:19|20)\\d\\d)\\.\\s?(\\d{1,2})\\.\\s?(\\d{1,2})\\.?(?!\\d)",
    D "((?:19|20)\\d\\d)\\s*년\\s*(\\d{1,2})\\s*월",
    "(재작년|지난해|작년|올해|금년|내년|지난달|이달|이번\\s*달|다음\\s*달|내달|그저께|그제|어제)(?:\\s*(\\d{1,2})\\s*월)?"
    "(?:\\s*(\\d{1,2})\\s*일)?",
    D "(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일",
    D "((?:19|20)\\d\\d)\\s*년(?!\\s*\\d)",
    "(?<![\\d.,\\w])(\\d{1,2})일(?=에|까지|부터|께|(?![\\d\\w]|\\s*(?:간|동안|째|만)))",
    D "(\\d[\\d,]*(?:\\.\\d+)?(?:\\s*[조억만천]\\s*(?:\\d[\\d,]*(?:\\.\\d+)?)?)*)\\s*"
    "(%|퍼센트|개월|개국|개사|개|명|곳|원|달러|엔|유로|위안|km|㎞|kg|톤|척|대|회|차례|건|배|"
    "세|살|시간|분|초|가지|마리|주년|년|주|일|℃|도|m|cm|mm|t|위|점|골|표|석|호|층)"
    "(여)?",
    /* "오는 7월", "지난 3월", "7월": a month of the document's year, or the
     * next or last one of that name */
    "(?<![\\d.,])(?:(오는|지난)\\s*)?(\\d{1,2})\\s*월(?!\\s*\\d)",
};

static pcre2_code *compiled[RE_COUNT];
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static void index_words(void);

static void compile_all(void)
{
    for (int i = 0; i < RE_COUNT; i++)
        compiled[i] = regex_compile(patterns[i]);
    index_words();
}

/* Byte ranges of a sentence already claimed by an entity. */
typedef struct claims {
    gisa_span span[64];
    size_t n;
} claims;

static int claimed(const claims *c, size_t a, size_t b)
{
    for (size_t i = 0; i < c->n; i++)
        if (a < c->span[i].end && b > c->span[i].start)
            return 1;
    return 0;
}

static void claim(claims *c, size_t a, size_t b)
{
    if (c->n < sizeof c->span / sizeof c->span[0])
        c->span[c->n++] = (gisa_span){a, b};
}

static int num(const char *s, size_t a, size_t b)
{
    int v = 0;
    for (size_t i = a; i < b && v < 100000; i++)
        if (s[i] >= '0' && s[i] <= '9')
            v = v * 10 + (s[i] - '0');
    return v;
}

static uint32_t entity_hash(gisa_entity_kind kind, const char *s, size_t n, const char *unit)
{
    uint32_t h = 2166136261u ^ (uint32_t)kind;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    for (; unit && *unit; unit++)
        h = (h ^ (unsigned char)*unit) * 16777619u;
    return h;
}

/* Link entity `id` into both chains of the index. */
static void index_entity(analysis *an, uint32_t id)
{
    const gisa_entity *e = (const gisa_entity *)an->entities.data + id;
    const char *unit = e->kind == GISA_ENTITY_NUMBER ? e->unit : NULL;
    size_t mask = an->ent_buckets - 1;
    size_t t = entity_hash(e->kind, e->text, strlen(e->text), unit) & mask;
    an->ent_next[2 * id] = an->ent_by_text[t];
    an->ent_by_text[t] = id;
    an->ent_next[2 * id + 1] = UINT32_MAX;
    if (e->value) {
        size_t v = entity_hash(e->kind, e->value, strlen(e->value), unit) & mask;
        an->ent_next[2 * id + 1] = an->ent_by_value[v];
        an->ent_by_value[v] = id;
    }
}

/* Make room in the index for one more entity; 0 on OOM. Every entity is
 * found by hash, so a page of a hundred thousand names costs no more per
 * name than a page of ten (no limit on how many are kept). */
static int index_room(analysis *an)
{
    size_t n = an->entities.n;
    if (n + 1 >= UINT32_MAX)
        return 0;
    if (n < an->ent_buckets / 2)
        return 1;
    size_t buckets = an->ent_buckets ? an->ent_buckets * 2 : 256;
    an->ent_by_text = arena_alloc(&an->mem, buckets * sizeof *an->ent_by_text);
    an->ent_by_value = arena_alloc(&an->mem, buckets * sizeof *an->ent_by_value);
    an->ent_next = arena_alloc(&an->mem, buckets * sizeof *an->ent_next); /* 2 x buckets/2 */
    if (!an->ent_by_text || !an->ent_by_value || !an->ent_next)
        return 0;
    memset(an->ent_by_text, 0xFF, buckets * sizeof *an->ent_by_text);
    memset(an->ent_by_value, 0xFF, buckets * sizeof *an->ent_by_value);
    an->ent_buckets = buckets;
    for (uint32_t id = 0; id < n; id++)
        index_entity(an, id);
    return 1;
}

/* The entity a new mention is the same as: same kind, the same value (or
 * text, when either has no value), for numbers the same unit, and, for a
 * fact check (facts_only), for dates the same words. The earliest such
 * entity, or NULL. */
static gisa_entity *same_entity(analysis *an, gisa_entity_kind kind, const char *text,
                                size_t len, const char *value, const char *unit)
{
    if (!an->ent_buckets)
        return NULL;
    gisa_entity *e = an->entities.data;
    const char *u = kind == GISA_ENTITY_NUMBER ? unit : NULL;
    size_t mask = an->ent_buckets - 1;
    uint32_t best = UINT32_MAX;
    for (int by_value = 0; by_value < 2; by_value++) {
        if (by_value && !value)
            break;
        const char *key = by_value ? value : text;
        size_t klen = by_value ? strlen(value) : len;
        uint32_t id = (by_value ? an->ent_by_value : an->ent_by_text)
            [entity_hash(kind, key, klen, u) & mask];
        for (; id != UINT32_MAX; id = an->ent_next[2 * id + by_value]) {
            const gisa_entity *x = &e[id];
            if (x->kind != kind || id >= best)
                continue;
            int same = value && x->value ? !strcmp(value, x->value)
                                         : strlen(x->text) == len && !memcmp(x->text, text, len);
            int same_unit = x->unit == unit || (x->unit && unit && !strcmp(x->unit, unit));
            /* a fact check judges each wording of a date: "지난달" may
             * resolve wrong where "4월" of the same value is right */
            if (same && kind == GISA_ENTITY_DATE && an->facts_only)
                same = strlen(x->text) == len && !memcmp(x->text, text, len);
            if (same && (kind != GISA_ENTITY_NUMBER || same_unit))
                best = id;
        }
    }
    return best == UINT32_MAX ? NULL : &e[best];
}

/* Add or count an entity; dedupe on kind + value (or text). */
static void add_entity(analysis *an, gisa_entity_kind kind, const char *text, size_t len,
                       const char *value, const char *title, const char *country,
                       const char *unit, size_t sentence)
{
    gisa_entity *same = same_entity(an, kind, text, len, value, unit);
    if (same) {
        same->count++;
        if (!same->title && title)
            same->title = arena_strdup(&an->mem, title);
        if (!same->country && country)
            same->country = arena_strdup(&an->mem, country);
        return;
    }
    if (!index_room(an)) {
        an->oom = 1;
        return;
    }
    gisa_entity ne;
    memset(&ne, 0, sizeof ne);
    ne.kind = kind;
    ne.text = arena_strndup(&an->mem, text, len);
    ne.value = value ? arena_strdup(&an->mem, value) : NULL;
    ne.title = title ? arena_strdup(&an->mem, title) : NULL;
    ne.country = country ? arena_strdup(&an->mem, country) : NULL;
    ne.unit = unit ? arena_strdup(&an->mem, unit) : NULL;
    ne.sentence = sentence;
    ne.count = 1;
    if (!ne.text)
        an->oom = 1;
    else if (vec_push(an, &an->entities, &ne))
        index_entity(an, (uint32_t)(an->entities.n - 1));
}

/* Shift year/month by `months` (may be negative). */
static void add_months(int *y, int *m, int months)
{
    int t = *y * 12 + (*m - 1) + months;
    *y = t / 12;
    *m = t % 12 + 1;
}

static void date_value(char *out, size_t cap, int y, int m, int d)
{
    if (y && m && d)
        snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
    else if (y && m)
        snprintf(out, cap, "%04d-%02d", y, m);
    else if (y)
        snprintf(out, cap, "%04d", y);
    else
        out[0] = '\0';
}

/* The document's date moved by `days` (어제 is -1): a civil-calendar
 * day count, so 어제 on 3월 1일 is the last day of February. */
static int shift_days(const analysis *an, int days, int *y, int *m, int *d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    *y = an->year, *m = an->month, *d = an->day + days;
    for (;;) {
        int leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
        int len = mdays[*m - 1] + (*m == 2 && leap);
        if (*d < 1) {
            add_months(y, m, -1);
            *d += mdays[*m - 1] + (*m == 2 && ((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0));
        } else if (*d > len) {
            *d -= len;
            add_months(y, m, 1);
        } else {
            return 1;
        }
    }
}

/* Resolve a relative date; 0 when the document date is unknown. */
static int resolve_relative(const analysis *an, const char *s, const size_t *ov, int *y, int *m,
                            int *d)
{
    if (!an->year)
        return 0;
    const char *w = s + ov[2];
    size_t n = ov[3] - ov[2];
    *y = an->year;
    *m = 0;
    *d = 0;
    int month_rel = 0;
    static const struct { const char *w; int days; } day_words[] = {
        {"그저께", -2}, {"그제", -2}, {"어제", -1}};
    for (size_t i = 0; i < sizeof day_words / sizeof *day_words; i++)
        if (starts_with(w, n, day_words[i].w))
            return an->month && an->day && shift_days(an, day_words[i].days, y, m, d);
    if (starts_with(w, n, "재작년"))
        *y -= 2;
    else if (starts_with(w, n, "지난해") || starts_with(w, n, "작년"))
        *y -= 1;
    else if (starts_with(w, n, "내년"))
        *y += 1;
    else if (starts_with(w, n, "지난달"))
        month_rel = -1;
    else if (starts_with(w, n, "다음") || starts_with(w, n, "내달"))
        month_rel = 1;
    else if (starts_with(w, n, "이달") || starts_with(w, n, "이번"))
        month_rel = 0, *m = an->month;
    if (month_rel || *m) {
        *m = an->month;
        add_months(y, m, month_rel);
    }
    if (ov[4] != PCRE2_UNSET)
        *m = num(s, ov[4], ov[5]);
    if (ov[6] != PCRE2_UNSET && *m)
        *d = num(s, ov[6], ov[7]);
    return 1;
}

/* The year, month and day a date match stands for (0 where unknown);
 * 0 when the match is to be skipped. */
static int date_parts(const analysis *an, int re, const char *s, const size_t *ov, int *y,
                      int *m, int *d)
{
    *y = *m = *d = 0;
    switch (re) {
    case RE_YMD_KO:
    case RE_YMD_DOT:
        *y = num(s, ov[2], ov[3]), *m = num(s, ov[4], ov[5]), *d = num(s, ov[6], ov[7]);
        break;
    case RE_YM_KO:
        *y = num(s, ov[2], ov[3]), *m = num(s, ov[4], ov[5]);
        break;
    case RE_RELATIVE:
        resolve_relative(an, s, ov, y, m, d);
        break;
    case RE_MD_KO:
        *y = an->year, *m = num(s, ov[2], ov[3]), *d = num(s, ov[4], ov[5]);
        break;
    case RE_YEAR:
        *y = num(s, ov[2], ov[3]);
        break;
    case RE_MONTH:
        if (!an->year)
            return 0;
        *y = an->year, *m = num(s, ov[4], ov[5]);
        if (ov[2] != PCRE2_UNSET && starts_with(s + ov[2], ov[3] - ov[2], "오는") &&
            *m < an->month)
            (*y)++; /* the coming July, from a document dated in September */
        else if (ov[2] != PCRE2_UNSET && starts_with(s + ov[2], ov[3] - ov[2], "지난") &&
                 *m >= an->month)
            (*y)--;
        break;
    case RE_DAY: /* "9일" in news: that day of the document's month */
        if (!an->year)
            return 0;
        *y = an->year, *m = an->month, *d = num(s, ov[2], ov[3]);
        break;
    }
    return !((*m && (*m < 1 || *m > 12)) || (*d && (*d < 1 || *d > 31)));
}

/* What a pattern needs in a sentence to match at all: a decimal digit
 * (\d, under PCRE2_UCP any of Unicode's), 년, 월, 일 or a point. Most
 * sentences lack what most patterns need, and a pattern that cannot match
 * is not run: a match attempt at every byte is the analysis's dearest
 * step. */
enum { M_DIGIT = 1, M_NYEON = 2, M_WOL = 4, M_IL = 8, M_DOT = 16 };
static const unsigned pattern_needs[RE_COUNT] = {
    [RE_YMD_KO] = M_DIGIT | M_NYEON | M_WOL | M_IL,
    [RE_YMD_DOT] = M_DIGIT | M_DOT,
    [RE_YM_KO] = M_DIGIT | M_NYEON | M_WOL,
    [RE_RELATIVE] = 0,
    [RE_MD_KO] = M_DIGIT | M_WOL | M_IL,
    [RE_YEAR] = M_DIGIT | M_NYEON,
    [RE_DAY] = M_DIGIT | M_IL,
    [RE_NUMBER] = M_DIGIT,
    [RE_MONTH] = M_DIGIT | M_WOL,
};

/* The M_ marks of s[0..len). M_DIGIT is set unless every character is of
 * a block known to have no decimal digit. */
static unsigned sentence_marks(const char *s, size_t len)
{
    unsigned marks = 0;
    for (size_t i = 0, next; i < len; i = next) {
        int32_t cp = utf8_at(s, len, i, &next);
        if (cp < 0x80)
            marks |= cp >= '0' && cp <= '9' ? M_DIGIT : cp == '.' ? M_DOT : 0;
        else if (cp == 0xB144)
            marks |= M_NYEON;
        else if (cp == 0xC6D4)
            marks |= M_WOL;
        else if (cp == 0xC77C)
            marks |= M_IL;
        else if (!((cp >= 0xA0 && cp <= 0xFF) || (cp >= 0x2000 && cp <= 0x206F) ||
                   (cp >= 0x2190 && cp <= 0x27BF) || (cp >= 0x3000 && cp <= 0x303F) ||
                   (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                   (cp >= 0xAC00 && cp <= 0xD7A3)))
            marks |= M_DIGIT;
    }
    return marks;
}

static int may_match(int re, unsigned marks)
{
    return (pattern_needs[re] & marks) == pattern_needs[re];
}

static void find_dates(analysis *an, const char *s, size_t len, size_t si, claims *c,
                       pcre2_match_data *md, unsigned marks)
{
    static const int order[] = {RE_YMD_KO, RE_YMD_DOT, RE_YM_KO, RE_RELATIVE,
                                RE_MD_KO, RE_YEAR, RE_DAY, RE_MONTH};
    for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
        int re = order[k], y, m, d;
        if (!compiled[re] || !may_match(re, marks))
            continue;
        for (size_t start = 0; start < len;) {
            if (pcre2_match(compiled[re], (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md,
                            NULL) <= 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            size_t a = ov[0], b = ov[1];
            start = b > a ? b : a + 1;
            if (claimed(c, a, b) || !date_parts(an, re, s, ov, &y, &m, &d))
                continue;
            char value[16];
            date_value(value, sizeof value, y, m, d);
            claim(c, a, b);
            add_entity(an, GISA_ENTITY_DATE, s + a, b - a, value[0] ? value : NULL, NULL,
                       NULL, NULL, si);
        }
    }
}

/* "35만6509" -> "356509", "5천만" -> "50000000", "1조 2000억" ->
 * "1200000000000", "3.5" -> "3.5". 천/백 scale within a group of four
 * digits; 만/억/조 close the group. */
static void number_value(const char *s, size_t a, size_t b, char *out, size_t cap)
{
    double total = 0.0, group = 0.0, cur = 0.0, scale = 0.0;
    int has_frac = 0;
    for (size_t i = a; i < b;) {
        size_t next;
        int32_t cp = utf8_at(s, b, i, &next);
        if (cp >= '0' && cp <= '9') {
            if (scale > 0.0) {
                cur += (cp - '0') * scale;
                scale /= 10.0;
            } else {
                cur = cur * 10.0 + (cp - '0');
            }
        } else if (cp == '.') {
            scale = 0.1;
            has_frac = 1;
        } else if (cp == 0xCC9C /* 천 */) {
            group += (cur ? cur : 1.0) * 1e3;
            cur = scale = 0.0;
        } else if (cp == 0xC870 || cp == 0xC5B5 || cp == 0xB9CC) { /* 조 억 만 */
            double mult = cp == 0xC870 ? 1e12 : cp == 0xC5B5 ? 1e8 : 1e4;
            total += (group + cur) * mult;
            group = cur = scale = 0.0;
        }
        i = next;
    }
    total += group + cur;
    if (has_frac && total < 1e15)
        snprintf(out, cap, "%.10g", total);
    else
        snprintf(out, cap, "%.0f", total);
}

static void find_numbers(analysis *an, const char *s, size_t len, size_t si, claims *c,
                         pcre2_match_data *md)
{
    if (!compiled[RE_NUMBER])
        return;
    for (size_t start = 0; start < len;) {
        if (pcre2_match(compiled[RE_NUMBER], (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md,
                        NULL) <= 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t a = ov[0], b = ov[1];
        start = b > a ? b : a + 1;
        if (claimed(c, a, b))
            continue;
        char value[48], unit[32];
        number_value(s, ov[2], ov[3], value, sizeof value);
        snprintf(unit, sizeof unit, "%.*s", (int)(ov[5] - ov[4]), s + ov[4]);
        claim(c, a, b);
        add_entity(an, GISA_ENTITY_NUMBER, s + a, b - a, value, NULL, NULL, unit, si);
    }
}

/* ------------------------------------------------------------ words */

static const lexeme countries[] = {
    LX("대한민국"), LX("한국"), LX("일본"), LX("미국"), LX("중국"), LX("북한"), LX("러시아"), LX("대만"), LX("호주"), LX("인도"),
    LX("영국"), LX("프랑스"), LX("독일"), LX("캐나다"), LX("베트남"), LX("필리핀"), LX("인도네시아"), LX("태국"), LX("브라질"),
    LX("이스라엘"), LX("이란"), LX("우크라이나"), LX("튀르키예"), LX("터키"), LX("이탈리아"), LX("스페인"), LX("멕시코"),
    LX("몽골"), LX("싱가포르"), LX("말레이시아"), LX("사우디아라비아"), LX("폴란드"), LX("스웨덴"), LX("핀란드"),
    LX("노르웨이"), LX("네덜란드"), LX("벨기에"), LX("스위스"), LX("뉴질랜드"), LX("이집트"), LX("남아공"), LX("아르헨티나"),
    LX("칠레"), LX("페루"), LX("카타르"), LX("아랍에미리트"), LX("UAE"), LX("파키스탄"), LX("방글라데시"), LX_END};

static const lexeme cities[] = {
    LX("서울"), LX("부산"), LX("인천"), LX("대구"), LX("대전"), LX("광주"), LX("울산"), LX("세종"), LX("제주"), LX("수원"), LX("창원"),
    LX("포항"), LX("평택"), LX("진해"), LX("도쿄"), LX("오사카"), LX("요코스카"), LX("요코하마"), LX("교토"), LX("오키나와"),
    LX("나하"), LX("삿포로"), LX("후쿠오카"), LX("워싱턴"), LX("뉴욕"), LX("하와이"), LX("괌"), LX("샌프란시스코"), LX("베이징"),
    LX("상하이"), LX("홍콩"), LX("타이베이"), LX("모스크바"), LX("런던"), LX("파리"), LX("베를린"), LX("브뤼셀"), LX("제네바"),
    LX("평양"), LX("개성"), LX("판문점"), LX("싱가포르"), LX("하노이"), LX("자카르타"), LX("방콕"), LX("마닐라"), LX("시드니"),
    LX("캔버라"), LX("한반도"), LX("동해"), LX("서해"), LX("남해"), LX("독도"),
    /* Korean cities and counties (시·군) that news names; names that are
     * also common words (강화, 진도, 전주, 양산...) are left out */
    LX("목포"), LX("여수"), LX("순천"), LX("광양"), LX("완도"), LX("해남"), LX("신안"), LX("고흥"), LX("보성"),
    LX("통영"), LX("거제"), LX("사천"), LX("김해"), LX("밀양"), LX("마산"), LX("안동"),
    LX("영덕"), LX("울진"), LX("삼척"), LX("강릉"), LX("속초"), LX("원주"), LX("춘천"), LX("태백"), LX("정선"), LX("평창"), LX("양양"),
    LX("군산"), LX("익산"), LX("정읍"), LX("남원"), LX("김제"), LX("부안"), LX("나주"), LX("청주"), LX("충주"), LX("제천"),
    LX("천안"), LX("아산"), LX("서산"), LX("당진"), LX("보령"), LX("태안"), LX("논산"), LX("성남"),
    LX("안산"), LX("안양"), LX("부천"), LX("파주"), LX("김포"), LX("의정부"), LX("남양주"), LX("시흥"), LX("광명"),
    LX("하남"), LX("이천"), LX("여주"), LX("포천"), LX("연천"), LX("가평"), LX("양평"), LX("옹진"), LX("백령도"),
    LX("연평도"), LX("울릉도"), LX("울릉"), LX("서귀포"), LX("송도"), LX("용산"), LX("여의도"), LX("판교"), LX("영종도"), LX("거문도"),
    LX("흑산도"), LX("추자도"), LX("새만금"), LX("계룡"), LX("문경"), LX("김천"), LX("영천"), LX("칠곡"),
    /* cities abroad */
    LX("멜버른"), LX("브리즈번"), LX("퍼스"), LX("오클랜드"), LX("웰링턴"), LX("토론토"), LX("밴쿠버"), LX("몬트리올"), LX("오타와"),
    LX("시카고"), LX("로스앤젤레스"), LX("보스턴"), LX("시애틀"), LX("휴스턴"), LX("마이애미"), LX("애틀랜타"), LX("댈러스"),
    LX("두바이"), LX("아부다비"), LX("도하"), LX("리야드"), LX("테헤란"), LX("이스탄불"), LX("앙카라"), LX("카이로"), LX("나이로비"),
    LX("요하네스버그"), LX("케이프타운"), LX("뭄바이"), LX("뉴델리"), LX("델리"), LX("카라치"), LX("다카"), LX("콜롬보"),
    LX("카트만두"), LX("울란바토르"), LX("알마티"), LX("타슈켄트"), LX("쿠알라룸푸르"), LX("호찌민"), LX("다낭"), LX("프놈펜"),
    LX("비엔티안"), LX("양곤"), LX("발리"), LX("광저우"), LX("톈진"), LX("충칭"), LX("청두"), LX("우한"),
    LX("난징"), LX("항저우"), LX("칭다오"), LX("다롄"), LX("선양"), LX("하얼빈"), LX("단둥"), LX("마카오"), LX("가오슝"), LX("나고야"),
    LX("고베"), LX("히로시마"), LX("센다이"), LX("니가타"), LX("사세보"), LX("마드리드"), LX("바르셀로나"), LX("로마"), LX("밀라노"),
    LX("프라하"), LX("부다페스트"), LX("바르샤바"), LX("스톡홀름"), LX("오슬로"), LX("코펜하겐"), LX("헬싱키"),
    LX("암스테르담"), LX("헤이그"), LX("리스본"), LX("아테네"), LX("더블린"), LX("뮌헨"), LX("프랑크푸르트"), LX("함부르크"),
    LX("취리히"), LX("상트페테르부르크"), LX("블라디보스토크"), LX("키이우"), LX("리우데자네이루"), LX("상파울루"),
    LX("부에노스아이레스"), LX("산티아고"), LX("리마"), LX("보고타"), LX("멕시코시티"), LX("하바나"), LX("호놀룰루"), LX_END};

/* Titles that follow a person's name, longest first where they overlap. */
static const lexeme titles[] = {
    LX("국방부장관"), LX("외교부장관"), LX("장관"), LX("대신"), LX("방위상"), LX("외무상"), LX("국방상"), LX("외상"), LX("대통령"),
    LX("부총리"), LX("총리"), LX("차관"), LX("의원"),
    LX("위원장"), LX("부위원장"), LX("사령관"), LX("참모총장"), LX("총장"), LX("청장"), LX("대변인"), LX("대사"), LX("교수"),
    LX("박사"), LX("회장"), LX("부회장"), LX("대표"), LX("처장"), LX("실장"), LX("국장"), LX("원장"), LX("지사"), LX("시장"), LX("총재"),
    LX("의장"), LX("본부장"), LX("부사장"), LX("사장"), LX("연구원"), LX("소장"), LX("단장"), LX("팀장"), LX("이사장"), LX("이사"),
    LX("특파원"), LX("감독"), LX("선수"), LX("국무장관"), LX("비서관"), LX("수석"), LX("주석"), LX("국왕"), LX("총통"), LX_END};

/* Organisation suffixes, and nouns that end like them but are none. */
static const lexeme org_suffixes[] = {
    LX("위원회"), LX("자위대"), LX("사령부"), LX("사관학교"), LX("학교"), LX("대학교"), LX("대학"), LX("연구소"), LX("연구원"),
    LX("연구단"), LX("재단"), LX("협회"), LX("공사"), LX("공단"), LX("은행"), LX("그룹"), LX("센터"), LX("기구"), LX("방위성"),
    LX("본부"), LX("해군"), LX("육군"), LX("공군"), LX("국군"), LX("해병대"), LX("미군"), LX("경찰"), LX("함대"), LX("사단"), LX("여단"),
    LX("군단"), LX("비행단"), LX("전단"), LX("전대"), LX("부"), LX("청"), LX("처"), LX_END};
static const lexeme not_orgs[] = {
    LX("본부"), LX("정부"), LX("학교"), LX("대학"), LX("센터"), LX("재단"), LX("협회"), LX("그룹"), LX("기구"), LX("경찰"), LX("공사"),
    LX("부"), LX("청"), LX("처"), LX_END};
/* Endings of common nouns that look like organisations: 신혼부부, 가입여부. */
static const lexeme not_org_tails[] = {
    LX("일부"), LX("내부"), LX("외부"), LX("전부"), LX("간부"), LX("세부"), LX("부부"), LX("여부"), LX("북부"), LX("남부"), LX("동부"),
    LX("서부"), LX("중부"), LX("요청"), LX("신청"), LX("초청"), LX("대처"), LX("조처"), LX("거처"), LX("출처"), LX("도처"), LX("상부"),
    LX("하부"), LX("복부"), LX("흉부"), LX("두부"), LX("안부"), LX("기부"), LX("환부"), LX("과부"), LX("선부"), LX("공부"), LX("승부"),
    LX("사부"), LX("갑부"), LX("급부"), LX("뒷부"), LX("청청"), LX_END};

/* Words that may stand between a name and its title. */
static const lexeme qualifiers[] = {LX("당시"), LX("전"), LX("현"), LX("신임"), LX("전임"), LX("현직"), LX("전직"),
                                         LX("초대"), LX("차기"), LX("前"), LX("現"), LX_END};

static const lexeme not_names[] = {
    LX("양국"), LX("양측"), LX("한일"), LX("한미"), LX("한미일"), LX("이날"), LX("이번"), LX("지난"), LX("당시"), LX("신임"), LX("전임"),
    LX("현직"), LX("전직"), LX("공동"), LX("정부"), LX("우리"), LX("또한"), LX("이를"), LX("그는"), LX("특히"), LX("한편"), LX("이후"),
    LX("관계자"), LX("당국"), LX("주한"), LX("주일"), LX("주미"), LX("역대"), LX("초대"), LX("차기"), LX("부처"), LX("정상"), LX_END};

/* The lists above in one hash set (hangul.h), built with the
 * patterns: every word of every sentence is looked up in several of them. */
enum { L_COUNTRY, L_CITY, L_TITLE, L_ORG_SUFFIX, L_NOT_ORG, L_NOT_ORG_TAIL, L_QUALIFIER,
       L_NOT_NAME, L_COUNT };
static const lexeme *const word_lists[L_COUNT] = {
    countries, cities, titles, org_suffixes, not_orgs, not_org_tails, qualifiers, not_names};
static lexicon_slot word_slots[1024];
static lexicon words_index = {word_slots, sizeof word_slots / sizeof *word_slots, {0}, {{0}}, 0, 0};

static void index_words(void)
{
    for (int l = 0; l < L_COUNT; l++)
        lexicon_add(&words_index, word_lists[l], l);
}

/* Is w[0..n) an entry of list l? (The scan stands in should the index be
 * too small for the lists, which would be a bug.) */
static int in_list(const char *w, size_t n, int l)
{
    return words_index.broken ? in_lexemes(w, n, word_lists[l])
                              : lexicon_in(&words_index, w, n, l);
}

/* Does s[0..n) end with an entry of list l? */
static int ends_in_list(const char *s, size_t n, int l)
{
    return words_index.broken ? ends_with_lexeme(s, n, word_lists[l]) != NULL
                              : lexicon_ends(&words_index, s, n, l);
}

/* A country as it stands before a title or a force: 일본, or the one-
 * syllable 미 of "미 해군", "미 국무장관". */
static int is_country_word(const char *w, size_t n)
{
    return in_list(w, n, L_COUNTRY) || (n == 3 && !memcmp(w, "미", 3));
}

static int is_org(const char *w, size_t n)
{
    if (n < 6 || in_list(w, n, L_NOT_ORG) || ends_in_list(w, n, L_NOT_ORG_TAIL))
        return 0;
    return ends_in_list(w, n, L_ORG_SUFFIX);
}

static int is_place(const char *w, size_t n)
{
    return in_list(w, n, L_CITY) || in_list(w, n, L_COUNTRY) ||
           (n > 6 && (ends_with(w, n, "기지") || ends_with(w, n, "공항") ||
                      ends_with(w, n, "항구")));
}

/* A word that may be (part of) a name: Hangul only, 2 to 5 syllables, no
 * particle after it, not a common word. */
static int name_like(const char *w, size_t n)
{
    size_t syl = 0;
    for (size_t i = 0, next; i < n; i = next) {
        if (!is_syllable(utf8_at(w, n, i, &next)))
            return 0;
        syl++;
    }
    size_t p;
    /* a particle-like last syllable: 만에, 측의, 부터 */
    if (syllable_in(utf8_prev(w, n, &p), "에의을를은는과와도만서터"))
        return 0;
    if (syl < 2 || syl > 5 || in_list(w, n, L_NOT_NAME) || in_list(w, n, L_COUNTRY) ||
        in_list(w, n, L_CITY) || is_org(w, n))
        return 0;
    return gisa_stem(w, n) == n || syl <= 3;
}

/* One syllable that is not a determiner or a number word (양, 두, 전). */
static int short_given_name(const char *w, size_t n)
{
    size_t next;
    return n == 3 && is_syllable(utf8_at(w, n, 0, &next)) &&
           !syllable_in(utf8_at(w, n, 0, &next), "양두세네각전현그이저한새옛고및또총약");
}

typedef struct word {
    size_t a, b;     /* bytes of the word in the sentence, punctuation trimmed */
    size_t stem;     /* bytes of its stem from a */
} word;

/* The words of one sentence, in a buffer that grows to the longest
 * sentence seen (a sentence of any length is read to its end). */
typedef struct words {
    word *w;
    size_t cap;
} words;

static size_t sentence_words(analysis *an, const char *s, size_t len, words *ws)
{
    size_t n = 0, i = 0, a, b;
    while (i < len) {
        if (n == ws->cap) {
            size_t cap = ws->cap ? ws->cap * 2 : 256;
            word *grown = realloc(ws->w, cap * sizeof *grown);
            if (!grown) {
                an->oom = 1;
                return n;
            }
            ws->w = grown;
            ws->cap = cap;
        }
        word *w = ws->w;
        while (i < len && s[i] == ' ')
            i++;
        a = i;
        while (i < len && s[i] != ' ')
            i++;
        b = i;
        /* trim punctuation around the word */
        while (a < b) {
            size_t next;
            if (is_word_char(utf8_at(s, b, a, &next)))
                break;
            a = next;
        }
        size_t cut = a;
        while (cut < b) {
            size_t next;
            if (!is_word_char(utf8_at(s, b, cut, &next)))
                break;
            cut = next;
        }
        if (cut > a) {
            w[n].a = a;
            w[n].b = cut;
            w[n].stem = gisa_stem(s + a, cut - a);
            n++;
        }
    }
    return n;
}

/* Which title ends the stem s[0..n)? Sets *title_start. */
static const char *title_at_end(const char *s, size_t n)
{
    return ends_in_list(s, n, L_TITLE) ? s : NULL;
}

/* People: [name words] [country] [org] title — or name right before it. */
static void find_people(analysis *an, const char *s, const word *w, size_t nw, size_t si)
{
    for (size_t i = 0; i < nw; i++) {
        const char *t = s + w[i].a;
        size_t tn = w[i].stem;
        if (!title_at_end(t, tn))
            continue;
        size_t title_from = i, j = i;
        /* an organisation written apart: 국방부 장관 */
        if (j > 0 && w[j - 1].stem == w[j - 1].b - w[j - 1].a && is_org(s + w[j - 1].a, w[j - 1].stem))
            title_from = --j;
        const char *country = NULL;
        char cbuf[64];
        if (j > 0 && is_country_word(s + w[j - 1].a, w[j - 1].b - w[j - 1].a)) {
            snprintf(cbuf, sizeof cbuf, "%.*s", (int)(w[j - 1].b - w[j - 1].a), s + w[j - 1].a);
            country = cbuf;
            j--;
        }
        /* a word between name and title: 이상희 당시 장관, 김 전 장관 */
        if (j > 0 && in_list(s + w[j - 1].a, w[j - 1].b - w[j - 1].a, L_QUALIFIER))
            j--;
        /* the name: one or two name-like words just before */
        size_t k = j;
        while (k > 0 && j - k < 2 && name_like(s + w[k - 1].a, w[k - 1].b - w[k - 1].a))
            k--;
        /* a one-syllable given name before a family name: 존 스미스 */
        if (j - k == 1 && k > 0 && short_given_name(s + w[k - 1].a, w[k - 1].b - w[k - 1].a))
            k--;
        if (k == j)
            continue;
        char name[160], title[160];
        snprintf(name, sizeof name, "%.*s", (int)(w[j - 1].b - w[k].a), s + w[k].a);
        snprintf(title, sizeof title, "%.*s", (int)(w[i].a + w[i].stem - w[title_from].a),
                 s + w[title_from].a);
        add_entity(an, GISA_ENTITY_PERSON, name, strlen(name), name, title, country, NULL, si);
    }
}

/* Where the name ends in a word like "김보람(31)씨" or "씨는": the bytes
 * before an age in brackets and 씨 (0 for a word that starts with 씨), or
 * NOT_SSI for a word that is not name-씨-particle. */
#define NOT_SSI ((size_t)-1)
static size_t name_before_ssi(const char *w, size_t n)
{
    static const char ssi[] = "씨";
    const char *at = NULL;
    for (size_t i = 0; i + 3 <= n; i++)
        if (!memcmp(w + i, ssi, 3))
            at = w + i; /* the last 씨 */
    if (!at)
        return NOT_SSI;
    size_t tail = n - (size_t)(at - w) - 3;
    static const char *const particles[] = {"", "는", "가", "의", "와", "도", "를", "에게", "와의", NULL};
    int ok = 0;
    for (size_t i = 0; particles[i] && !ok; i++)
        ok = tail == strlen(particles[i]) && !memcmp(at + 3, particles[i], tail);
    if (!ok)
        return NOT_SSI;
    size_t end = (size_t)(at - w);
    if (end && w[end - 1] == ')') { /* an age: (31) */
        size_t open = end - 1;
        while (open > 0 && w[open - 1] >= '0' && w[open - 1] <= '9')
            open--;
        if (open == 0 || w[open - 1] != '(' || open == end - 1)
            return NOT_SSI;
        end = open - 1;
    }
    return end;
}

/* People named with 씨 and no title: "김보람(31)씨는", "김보람 씨". */
static void find_ssi_people(analysis *an, const char *s, const word *w, size_t nw, size_t si)
{
    for (size_t i = 0; i < nw; i++) {
        const char *t = s + w[i].a;
        /* the whole eojeol: words stop at "(", but "김보람(31)씨는" is one */
        size_t end = name_before_ssi(t, strcspn(t, " \n"));
        if (end == 0 && i > 0) { /* 씨 written apart: the name is the word before */
            t = s + w[i - 1].a;
            end = w[i - 1].b - w[i - 1].a;
        }
        if (end == NOT_SSI || end == 0)
            continue;
        size_t syl = utf8_length(t, end);
        if (syl >= 2 && syl <= 4 && name_like(t, end))
            add_entity(an, GISA_ENTITY_PERSON, t, end, NULL, NULL, NULL, NULL, si);
    }
}

/* "X에서 열린 / 개최된 …": X is where an event took place. */
static int venue_before_event(const char *s, const word *w, size_t nw, size_t i)
{
    static const char *const events[] = {"열린", "열리는", "열렸", "개최", "열릴", "진행된",
                                         "진행되는", NULL};
    const char *t = s + w[i].a;
    size_t n = w[i].b - w[i].a;
    if (i + 1 >= nw || !ends_with(t, n, "에서") || w[i].stem != n - strlen("에서") ||
        is_org(t, w[i].stem))
        return 0;
    for (size_t k = 0, next; k < w[i].stem; k = next)
        if (!is_syllable(utf8_at(t, w[i].stem, k, &next)))
            return 0;
    for (const char *const *e = events; *e; e++)
        if (starts_with(s + w[i + 1].a, w[i + 1].b - w[i + 1].a, *e))
            return 1;
    return 0;
}

static void find_orgs_places(analysis *an, const char *s, const word *w, size_t nw, size_t si)
{
    for (size_t i = 0; i < nw; i++) {
        const char *t = s + w[i].a;
        size_t n = w[i].stem;
        /* 나하 기지: a place name written apart from its kind */
        if (i + 1 < nw && w[i + 1].stem == strlen("기지") &&
            !memcmp(s + w[i + 1].a, "기지", strlen("기지"))) {
            add_entity(an, GISA_ENTITY_PLACE, t, w[i + 1].a + w[i + 1].stem - w[i].a, NULL,
                       NULL, NULL, NULL, si);
            i++;
            continue;
        }
        if (is_place(t, n) || venue_before_event(s, w, nw, i))
            add_entity(an, GISA_ENTITY_PLACE, t, n, NULL, NULL, NULL, NULL, si);
        else if (is_org(t, n)) {
            /* a country just before belongs to the organisation's country */
            const char *country = NULL;
            char cbuf[64];
            if (i > 0 && is_country_word(s + w[i - 1].a, w[i - 1].b - w[i - 1].a)) {
                snprintf(cbuf, sizeof cbuf, "%.*s", (int)(w[i - 1].b - w[i - 1].a),
                         s + w[i - 1].a);
                country = cbuf;
            }
            add_entity(an, GISA_ENTITY_ORG, t, n, NULL, NULL, country, NULL, si);
        }
    }
}

void find_entities(analysis *an)
{
    pthread_once(&compile_once, compile_all);
    pcre2_match_data *md = pcre2_match_data_create(12, NULL);
    words ws = {NULL, 0};
    if (!md) {
        an->oom = 1;
        goto done;
    }
    const gisa_sentence *sent = an->sents.data;
    for (size_t si = 0; si < an->sents.n && !an->oom; si++) {
        const char *s = sent[si].text;
        size_t len = strlen(s);
        claims c;
        c.n = 0;
        unsigned marks = sentence_marks(s, len);
        find_dates(an, s, len, si, &c, md, marks);
        if (may_match(RE_NUMBER, marks))
            find_numbers(an, s, len, si, &c, md);
        size_t nw = sentence_words(an, s, len, &ws);
        find_people(an, s, ws.w, nw, si);
        find_ssi_people(an, s, ws.w, nw, si);
        find_orgs_places(an, s, ws.w, nw, si);
    }
done:
    if (md)
        pcre2_match_data_free(md);
    free(ws.w);
}
