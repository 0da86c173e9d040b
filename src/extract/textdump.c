/* textdump.c - extract the article from a page saved as plain text.
 *
 * Scrapers save pages as the text of every element, one per line: menus,
 * the article, licence notes, comment rules, news lists. The article is
 * the longest run of prose lines (sentence-like lines of some length), where
 * a run may hold short lines (sub-headings) but never a boilerplate line.
 * Repeated paragraphs (the body printed twice) are dropped by the
 * document's repeat check. */
#include <string.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "extract.h"

enum line_kind { L_BLANK, L_OTHER, L_PROSE, L_BOILER, L_TABLE };

typedef struct line {
    const char *s;
    size_t len;
    size_t off;
    size_t chars;
    enum line_kind kind;
} line;

/* Phrases that mark licence notes, copyright lines and site rules. */
static const char *const boiler_marks[] = {
    "공공누리", "전재하여 제공", "무단 전재", "무단전재", "재배포 금지",
    "재배포금지", "저작권자", "운영원칙", "Copyright", "copyright", "ⓒ", "©",
    "All rights reserved", "All Rights Reserved",
};

/* Labels of page furniture that are never a title. */
static const char *const furniture[] = {
    "콘텐츠 영역", "본문 바로가기", "본문", "메뉴", "닫기", "이전", "다음",
    "목록", "인쇄", "공유", "검색", "로그인", "홈",
};

/* Words of a site's menus: a line made of them alone ("뉴스 정책자료
 * 브리핑룸", "로그인 회원가입 사이트맵") is navigation, never a title. */
static const char *const menu_words[] = {
    "뉴스", "정책자료", "브리핑룸", "정책뉴스", "보도자료", "보도설명자료", "멀티미디어",
    "정책정보", "소식", "알림", "알림마당", "정보공개", "국민참여", "기관소개", "홈", "HOME",
    "Home", "로그인", "로그아웃", "회원가입", "사이트맵", "전체메뉴", "검색", "메뉴",
    "바로가기", "본문", "주메뉴", "부처", "브리핑", "카드/한컷", "영상", "사진", "자료실",
    "공지사항", "민원", "전자민원", "참여", "정책", "자료", "통계", "발간물", "English",
    "ENGLISH", "사실은", "이렇습니다", ">", "|", "·",
};

static int is_menu_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof menu_words / sizeof *menu_words; i++)
        if (strlen(menu_words[i]) == n && !memcmp(w, menu_words[i], n))
            return 1;
    return 0;
}

/* Is every word of the line a menu word? */
static int is_menu_line(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i > start && !is_menu_word(s + start, i - start))
            return 0;
        words += i > start;
    }
    return words > 0;
}

static int has_any(const char *s, size_t len, const char *const *marks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t m = strlen(marks[i]);
        if (m <= len && memmem(s, len, marks[i], m))
            return 1;
    }
    return 0;
}

static int equals_any(const char *s, size_t len, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(words[i]) == len && memcmp(s, words[i], len) == 0)
            return 1;
    return 0;
}

/* Length of a trailing end-of-release marker such as "<끝>" or "-끝-". */
static size_t end_marker(const char *s, size_t len)
{
    static const char *const marks[] = {"<끝>", "〈끝〉", "-끝-", "/끝/", "(끝)", "[끝]"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t m = strlen(marks[i]);
        if (len >= m && memcmp(s + len - m, marks[i], m) == 0)
            return m;
    }
    return 0;
}

/* Does the line end like a sentence (Korean or otherwise)? */
static int ends_sentence(const char *s, size_t len)
{
    len -= end_marker(s, len);
    /* Markup a scraper left at the end of a line ("…입니다.</p>") */
    while (len > 3 && s[len - 1] == '>') {
        size_t lt = len - 1;
        while (lt > 0 && s[lt] != '<')
            lt--;
        if (s[lt] != '<' || lt + 1 >= len || s[lt + 1] != '/')
            break;
        len = lt;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '"' || s[len - 1] == '\''))
        len--;
    static const char *const ends[] = {
        ".", "!", "?", "다", "요", "”", "’", "。", "음", "함", ")",
    };
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t m = strlen(ends[i]);
        if (len >= m && memcmp(s + len - m, ends[i], m) == 0)
            return 1;
    }
    return 0;
}

static void trim(const char **s, size_t *len)
{
    while (*len && ((*s)[0] == ' ' || (*s)[0] == '\t' || (*s)[0] == '\r')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' ||
                    (*s)[*len - 1] == '\r'))
        (*len)--;
}

/* "| a | b |": a table row as scrapers write tables out. */
static int is_table_row(const char *s, size_t len)
{
    return len >= 3 && s[0] == '|' && s[len - 1] == '|';
}

static void classify(line *l)
{
    if (l->len == 0)
        l->kind = L_BLANK;
    else if (is_table_row(l->s, l->len))
        l->kind = L_TABLE;
    else if (has_any(l->s, l->len, boiler_marks, sizeof boiler_marks / sizeof *boiler_marks))
        l->kind = L_BOILER;
    else if (l->chars >= 25 && ends_sentence(l->s, l->len))
        l->kind = L_PROSE;
    else
        l->kind = L_OTHER;
}

/* Number of lines in t; *longest gets the longest line's length. */
static size_t count_lines(const decoded_text *t, size_t *longest)
{
    size_t n = 1, start = 0;
    *longest = 0;
    for (const char *p = t->text, *end = t->text + t->len;
         (p = memchr(p, '\n', (size_t)(end - p))); p++, n++) {
        size_t at = (size_t)(p - t->text);
        if (at - start > *longest)
            *longest = at - start;
        start = at + 1;
    }
    if (t->len - start > *longest)
        *longest = t->len - start;
    return n;
}

/* Split t into trimmed, classified lines (arena array). */
static line *split_lines(doc *d, const decoded_text *t, size_t n, size_t *count)
{
    line *lines = arena_alloc(&d->mem, n * sizeof *lines);
    if (!lines)
        return NULL;
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= t->len; i++) {
        if (i < t->len && t->text[i] != '\n')
            continue;
        line *l = &lines[k++];
        l->s = t->text + start;
        l->len = i - start;
        l->off = start;
        trim(&l->s, &l->len);
        l->chars = utf8_length(l->s, l->len);
        classify(l);
        start = i + 1;
    }
    *count = k;
    return lines;
}

/* Find the run of prose with the most text: [*first, *last]. */
static int best_run(const line *lines, size_t n, size_t *first, size_t *last)
{
    size_t best = 0, i = 0;
    while (i < n) {
        if (lines[i].kind != L_PROSE) {
            i++;
            continue;
        }
        size_t a = i, b = i, weight = 0, gap = 0;
        for (size_t j = i; j < n; j++) {
            if (lines[j].kind == L_BOILER)
                break;
            if (lines[j].kind == L_PROSE) {
                b = j;
                weight += lines[j].chars;
                gap = 0;
            } else if (lines[j].kind == L_OTHER && ++gap > 2) {
                break; /* blank lines and table rows never end a run */
            }
        }
        if (weight > best) {
            best = weight;
            *first = a;
            *last = b;
        }
        i = b + 1;
    }
    return best > 0;
}

static int is_bullet(const char *s, size_t len, size_t *skip)
{
    static const char *const marks[] = {"- ", "○ ", "◦ ", "· ", "• ", "ㅇ "};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t m = strlen(marks[i]);
        if (len > m && memcmp(s, marks[i], m) == 0) {
            *skip = m;
            return 1;
        }
    }
    return 0;
}

/* A "|---|---|" row, which separates a table's header from its body. */
static int is_rule_row(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != '|' && s[i] != '-' && s[i] != ':' && s[i] != ' ')
            return 0;
    return 1;
}

/* Split one "| a | b |" row into up to `cap` trimmed cells. */
static size_t split_row(doc *d, const line *l, const char **cells, size_t cap)
{
    size_t n = 0, i = 1;
    while (i < l->len && n < cap) {
        size_t start = i;
        while (i < l->len && l->s[i] != '|')
            i++;
        if (i >= l->len)
            break;
        cells[n] = text_clean_dup(&d->mem, l->s + start, i - start, 0);
        if (!cells[n])
            cells[n] = "";
        n++;
        i++;
    }
    return n;
}

/* Emit consecutive table rows from lines[i] as one table block. */
static size_t emit_table(doc *d, const line *lines, size_t i, size_t last)
{
    enum { MAX_COLS = 32, MAX_ROWS = 512 };
    size_t j = i, ncols = 0, nrows = 0;
    while (j <= last && lines[j].kind == L_TABLE)
        j++;
    const char **cells = arena_calloc(&d->mem, MAX_ROWS * MAX_COLS, sizeof *cells);
    int header = 0;
    for (size_t k = i; cells && k < j && nrows < MAX_ROWS; k++) {
        if (is_rule_row(lines[k].s, lines[k].len)) {
            header |= nrows == 1;
            continue;
        }
        size_t n = split_row(d, &lines[k], cells + nrows * MAX_COLS, MAX_COLS);
        ncols = n > ncols ? n : ncols;
        nrows++;
    }
    if (!cells || !nrows || !ncols)
        return j;
    const char **packed = arena_alloc(&d->mem, nrows * ncols * sizeof *packed);
    gisa_block *b = packed ? doc_add_block(d, GISA_BLOCK_TABLE) : NULL;
    if (!b)
        return j;
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; c < ncols; c++) {
            const char *v = cells[r * MAX_COLS + c];
            packed[r * ncols + c] = v ? v : "";
        }
    b->level = header;
    b->items = packed;
    b->nitems = nrows * ncols;
    b->ncols = ncols;
    b->offset = lines[i].off;
    return j;
}

/* Emit consecutive bullet lines from lines[i] as one list block. */
static size_t emit_list(doc *d, const line *lines, size_t i, size_t last)
{
    const char *items[256];
    size_t n = 0, j = i, skip;
    for (; j <= last && n < 256 && is_bullet(lines[j].s, lines[j].len, &skip); j++) {
        char *item = text_clean_dup(&d->mem, lines[j].s + skip, lines[j].len - skip, 0);
        if (item && *item && !doc_is_repeat(d, item))
            items[n++] = item;
    }
    if (n) {
        gisa_block *b = doc_add_block(d, GISA_BLOCK_LIST);
        const char **copy = arena_alloc(&d->mem, n * sizeof *copy);
        if (b && copy) {
            memcpy(copy, items, n * sizeof *copy);
            b->items = copy;
            b->nitems = n;
            b->ncols = 1;
            b->offset = lines[i].off;
        }
    }
    return j;
}

static void emit_body(doc *d, const line *lines, size_t first, size_t last)
{
    size_t i = first, skip;
    while (i <= last) {
        const line *l = &lines[i];
        if (l->kind == L_BLANK) {
            i++;
            continue;
        }
        if (l->kind == L_TABLE) {
            i = emit_table(d, lines, i, last);
            continue;
        }
        if (is_bullet(l->s, l->len, &skip) && l->kind != L_PROSE) {
            i = emit_list(d, lines, i, last);
            continue;
        }
        const char *s = l->s;
        size_t len = l->len - end_marker(l->s, l->len);
        gisa_block_kind kind = l->kind == L_PROSE || l->chars > 60 ? GISA_BLOCK_PARAGRAPH
                                                                    : GISA_BLOCK_HEADING;
        doc_add_text(d, kind, 2, s, len, l->off);
        i++;
    }
}

/* A title is a short line just above the body that is not page furniture. */
static void find_title(doc *d, const line *lines, size_t first)
{
    size_t seen = 0;
    for (size_t i = first; i-- > 0 && seen < 4;) {
        const line *l = &lines[i];
        if (l->kind == L_BLANK)
            continue;
        seen++;
        size_t skip;
        if (l->kind != L_OTHER || l->chars < 8 || l->chars > 150 ||
            is_bullet(l->s, l->len, &skip) || /* a subtitle or list item */
            equals_any(l->s, l->len, furniture, sizeof furniture / sizeof *furniture) ||
            is_menu_line(l->s, l->len))
            continue;
        char date[11];
        if (find_visible_date(l->s, l->len, date) && l->chars < 30)
            continue; /* a dateline, not a title */
        d->pub.title = text_clean_dup(&d->mem, l->s, l->len, 0);
        return;
    }
}

static void find_meta(doc *d, const decoded_text *t, const line *lines, size_t first,
                      size_t last)
{
    char date[11];
    const char *body = lines[first].s;
    size_t body_len = (size_t)(lines[last].s + lines[last].len - body);
    if (find_visible_date(body, body_len, date) || find_visible_date(t->text, t->len, date))
        d->pub.date = arena_strdup(&d->mem, date);
    d->pub.publisher = find_issuing_org(&d->mem, t->text, t->len);
    d->pub.author = d->pub.publisher;
    if (!find_license(&d->mem, t->text, t->len, &d->pub.license, &d->pub.license_text))
        find_reserved_notice(&d->mem, t->text, t->len, &d->pub.license,
                             &d->pub.license_text);
    int hangul = 0;
    for (size_t i = 0; i + 2 < body_len && !hangul; i++)
        hangul = (unsigned char)body[i] >= 0xEA && (unsigned char)body[i] <= 0xED;
    d->pub.lang = hangul ? "ko" : NULL;
}

int looks_like_html(const char *s, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    static const char *const tags[] = {"<html", "<HTML", "<!DOCTYPE", "<!doctype",
                                       "<head", "<body", "<div", "<p>", "<p ",
                                       "<meta", "<title", "<article", "<table"};
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (memmem(s, n, tags[i], strlen(tags[i])))
            return 1;
    return 0;
}

gisa_status extract_textdump(doc *d, const decoded_text *t, gisa_error *err)
{
    size_t n, first = 0, last = 0, longest;
    n = count_lines(t, &longest);
    if (longest > d->max_line)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: a line of %zu bytes, longer than the line limit of %zu",
                         d->pub.source_name, longest, d->max_line);
    line *lines = split_lines(d, t, n, &n);
    if (!lines)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", d->pub.source_name);
    d->pub.input = GISA_INPUT_TEXT;
    if (!best_run(lines, n, &first, &last))
        return gisa_fail(err, GISA_ERR_INPUT, "%s: no article text found (no prose lines)",
                         d->pub.source_name);
    find_title(d, lines, first);
    emit_body(d, lines, first, last);
    find_meta(d, t, lines, first, last);
    return GISA_OK;
}
