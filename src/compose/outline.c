/* outline.c - a release's outline (○, -, 가., 1), ①) as nested lists.
 *
 * Korean releases write their structure with markers at the start of
 * paragraphs: □ for a point (dropped on extraction: the point is a
 * paragraph), ○ under it, - under that, and 가./나., 1./2., 1)/2), ①/②
 * for enumerations. A post shows that structure as lists, not as
 * paragraphs opening with symbols.
 *
 * The depth of an item is read the way a person reads an outline: a
 * marker not seen yet in the run goes one level under the item before
 * it, a marker seen before goes back to its level. Any block that is no
 * item (a □ point, a heading, a table) ends the run. */
#include <string.h>

#include "compose.h"

enum marker_class {
    MARK_NONE,
    MARK_CIRCLE,  /* ○ ◦ ㅇ */
    MARK_DASH,    /* - – */
    MARK_DOT,     /* · • ∙ */
    MARK_ARROW,   /* ▷ ▸ ▪ */
    MARK_HANGUL,  /* 가. 나. 다. */
    MARK_NUMBER,  /* 1. 2. */
    MARK_PAREN,   /* 1) 2) and (1) (2) */
    MARK_CIRCLED, /* ① ② */
};

static const char *const bullets[][2] = {
    {"○", "c"}, {"◦", "c"}, {"ㅇ", "c"}, {"-", "d"}, {"–", "d"}, {"·", "o"},
    {"•", "o"}, {"∙", "o"}, {"▷", "a"}, {"▸", "a"}, {"▪", "a"},
};

/* The syllables that count items, in order: 가 is 1. */
static const char *const hangul_counters[] = {"가", "나", "다", "라", "마", "바", "사",
                                              "아", "자", "차", "카", "타", "파", "하"};

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "12." or "12)" or "(12)": the marker's length, 0 if none; its number. */
static size_t number_marker(const char *s, int *cls, int *number)
{
    size_t i = s[0] == '(' ? 1 : 0, d = i;
    while (is_digit(s[i]) && i - d < 2)
        i++;
    if (i == d || is_digit(s[i]))
        return 0;
    int paren = s[0] == '(';
    if ((paren && s[i] != ')') || (!paren && s[i] != '.' && s[i] != ')'))
        return 0;
    *cls = paren || s[i] == ')' ? MARK_PAREN : MARK_NUMBER;
    *number = 0;
    for (size_t k = d; k < i; k++)
        *number = *number * 10 + (s[k] - '0');
    return i + 1;
}

static size_t hangul_marker(const char *s, int *number)
{
    for (size_t k = 0; k < sizeof hangul_counters / sizeof *hangul_counters; k++) {
        size_t n = strlen(hangul_counters[k]);
        if (!strncmp(s, hangul_counters[k], n) && (s[n] == '.' || s[n] == ')')) {
            *number = (int)k + 1;
            return n + 1;
        }
    }
    return 0;
}

/* ① .. ⑳ (U+2460..U+2473: E2 91 A0 .. E2 91 B3). */
static size_t circled_marker(const char *s, int *number)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0xE2 && u[1] == 0x91 && u[2] >= 0xA0 && u[2] <= 0xB3) {
        *number = u[2] - 0xA0 + 1;
        return 3;
    }
    return 0;
}

static size_t bullet_marker(const char *s, int *cls)
{
    for (size_t k = 0; k < sizeof bullets / sizeof *bullets; k++) {
        size_t n = strlen(bullets[k][0]);
        if (!strncmp(s, bullets[k][0], n)) {
            char c = bullets[k][1][0];
            *cls = c == 'c' ? MARK_CIRCLE : c == 'd' ? MARK_DASH : c == 'o' ? MARK_DOT : MARK_ARROW;
            return n;
        }
    }
    return 0;
}

size_t outline_marker(const char *s, int *cls, int *number)
{
    size_t n;
    *cls = MARK_NONE;
    *number = 0;
    if ((n = bullet_marker(s, cls)) == 0) {
        if ((n = hangul_marker(s, number)))
            *cls = MARK_HANGUL;
        else if ((n = circled_marker(s, number)))
            *cls = MARK_CIRCLED;
        else
            n = number_marker(s, cls, number);
    }
    /* a marker is followed by a space and then words ("-5%" is no item) */
    if (!n || s[n] != ' ' || !s[n + 1] || s[n + 1] == ' ') {
        *cls = MARK_NONE;
        return 0;
    }
    return n + 1;
}

int outline_ordered(int cls)
{
    return cls >= MARK_HANGUL;
}

int outline_depth(outline *o, int cls)
{
    for (int k = 0; k < o->n; k++)
        if (o->cls[k] == cls) {
            o->n = k + 1;
            return o->n;
        }
    if (o->n < OUTLINE_MAX)
        o->cls[o->n++] = cls;
    return o->n;
}
