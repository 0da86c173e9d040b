/* boilerplate.c - the furniture of Korean releases and news stories,
 * taken out of the article once a reader has made its blocks.
 *
 * Releases end with "<끝>", "끝." or "///", list their attachments
 * ("붙임 … 1부."), name whom to ask ("담당 부서 : …", "문의 : …") and
 * repeat their licence ("X의 저작물은 공공누리 …"); newspapers sign off
 * with the reporter's e-mail, point at other stories ("관련기사: …") and
 * reserve their rights. None of it is the article, and all of it sits in
 * the same element as the article, so no choice of element removes it.
 *
 * The rules read gisa's own blocks (text and kind), never a parser's
 * nodes: they hold for every reader (HTML, text dumps, documents) and
 * survive a change of HTML parser. Contact lines are not lost: they fill
 * the document's department and contact, which posts print at the end. */
#include <stdio.h>
#include <string.h>

#include "../util/utf8.h"
#include "extract.h"

/* Longest block (in characters) a furniture line may be: past this it is
 * a paragraph that happens to start with the same word. */
#define LINE_MAX_CHARS 200
#define BYLINE_MAX_CHARS 60

static int starts_with(const char *s, const char *p)
{
    if (*p && *s != *p) /* most lines differ at once */
        return 0;
    return strncmp(s, p, strlen(p)) == 0;
}

static int starts_with_any(const char *s, const char *const *ps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (starts_with(s, ps[i]))
            return 1;
    return 0;
}

static int contains_any(const char *s, const char *const *ps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(s, ps[i]))
            return 1;
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

static size_t chars(const char *s)
{
    return utf8_length(s, strlen(s));
}

/* Skip the bullets and spaces a line may open with ("※ ", "- ", "▶"). */
static const char *after_bullet(const char *s)
{
    static const char *const bullets[] = {"※", "-", "▶", "▷", "■", "□", "○", "*", "·", "•"};
    for (;;) {
        while (*s == ' ')
            s++;
        size_t i = 0;
        while (i < COUNT(bullets) && !starts_with(s, bullets[i]))
            i++;
        if (i == COUNT(bullets))
            return s;
        s += strlen(bullets[i]);
    }
}

/* Does `label` open s (past its bullets), followed by a separator (":",
 * a space, a bracket or the end)? "문의 :" and "[문의]" are labels,
 * "문의가 늘었다" is not. */
static int labelled(const char *s, const char *label)
{
    if (*s == '[' || *s == '<' || *s == '(')
        s++;
    if (!starts_with(s, label))
        return 0;
    s += strlen(label);
    return !*s || *s == ' ' || *s == ':' || *s == ']' || *s == '>' || *s == ')' ||
           starts_with(s, "：") || starts_with(s, "\n");
}

static int labelled_any(const char *s, const char *const *labels, size_t n)
{
    s = after_bullet(s); /* once, not once per label */
    for (size_t i = 0; i < n; i++)
        if (labelled(s, labels[i]))
            return 1;
    return 0;
}

/* ----------------------------------------------------------- end marks */

static const char *const end_marks[] = {
    "<끝>", "〈끝〉", "< 끝 >", "-끝-", "- 끝 -", "/끝/", "(끝)", "[끝]",
    "///", "/// 끝 ///", "끝.", "끝", "# # #", "###", "-30-",
};

static int is_end_marker(const char *s)
{
    for (size_t i = 0; i < COUNT(end_marks); i++)
        if (!strcmp(s, end_marks[i]))
            return 1;
    return 0;
}

/* Length of the text before an end marker closing a paragraph ("…밝혔다.
 * 끝." -> "…밝혔다."), or 0 when it has none. */
static size_t before_end_marker(const char *s)
{
    static const char *const tails[] = {" 끝.", " <끝>", " 〈끝〉", " -끝-", " ///", " (끝)"};
    size_t n = strlen(s);
    for (size_t i = 0; i < COUNT(tails); i++) {
        size_t m = strlen(tails[i]);
        if (n > m && !strcmp(s + n - m, tails[i]))
            return n - m;
    }
    return 0;
}

/* --------------------------------------------------------------- lines */

/* "붙임 … 1부.", "첨부파일", "별첨": the release's attachments, which the
 * page offers as links of their own. */
static int is_attachment_line(const char *s)
{
    static const char *const labels[] = {"붙임", "첨부", "첨부파일", "별첨", "첨부 파일"};
    const char *t = after_bullet(s);
    if (labelled_any(t, labels, COUNT(labels)))
        return 1;
    /* "붙임1.", "붙임1 …", "붙임 1." */
    return starts_with(t, "붙임") && t[strlen("붙임")] >= '0' && t[strlen("붙임")] <= '9';
}

/* "관련기사: …", "[관련기사]", "Related: …": links to other stories. */
static int is_related_line(const char *s)
{
    static const char *const labels[] = {"관련기사", "관련 기사", "관련뉴스", "관련 뉴스",
                                         "Related", "Related articles", "Related stories",
                                         "함께 보면 좋은 기사", "이 기사와 관련된 기사"};
    return labelled_any(s, labels, COUNT(labels));
}

/* Does the text end as a sentence of prose ("…했다.", "…입니다.")? */
static int ends_as_prose(const char *s)
{
    static const char *const ends[] = {"다.", "다", "요.", "다”", "다\"", "죠."};
    size_t n = strlen(s);
    for (size_t i = 0; i < COUNT(ends); i++) {
        size_t m = strlen(ends[i]);
        if (n >= m && !strcmp(s + n - m, ends[i]))
            return 1;
    }
    return 0;
}

/* A copyright or licence notice: the post carries its own credit. A
 * sentence of prose that speaks of copying ("무단 전재를 막으려고 …했다")
 * is news; a notice states its rule without a verb ending. */
static int is_rights_line(const char *s)
{
    static const char *const notices[] = {
        "무단 전재", "무단전재", "재배포 금지", "재배포금지", "All rights reserved",
        "All Rights Reserved", "ALL RIGHTS RESERVED",
    };
    static const char *const always[] = {"저작권자의 허락", "보도자료를 전재하여",
                                         "전재하여 제공"};
    static const char *const openers[] = {"Copyright", "COPYRIGHT", "ⓒ", "©", "(c) ", "(C) ",
                                          "저작권자"};
    const char *t = after_bullet(s);
    if (contains_any(s, always, COUNT(always)))
        return 1;
    /* "X의 저작물은 공공누리 제1유형 …", "공공누리 제1유형 출처표시의 조건에 따라" */
    if (strstr(s, "공공누리") && (strstr(s, "유형") || strstr(s, "이용할 수")))
        return 1;
    if (ends_as_prose(s))
        return 0;
    return contains_any(s, notices, COUNT(notices)) ||
           starts_with_any(t, openers, COUNT(openers)) ||
           (strstr(s, "AI") && strstr(s, "학습") && strstr(s, "금지"));
}

/* An e-mail address: a local part, "@", and a domain with a dot. */
static int has_email(const char *s)
{
    for (const char *at = strchr(s, '@'); at; at = strchr(at + 1, '@')) {
        int local = at > s && (at[-1] == '.' || at[-1] == '_' || at[-1] == '-' ||
                               (at[-1] >= '0' && at[-1] <= '9') ||
                               ((at[-1] | 32) >= 'a' && (at[-1] | 32) <= 'z'));
        const char *dot = strchr(at + 1, '.');
        const char *sp = strpbrk(at + 1, " \n)>]");
        if (local && dot && (!sp || dot < sp) && dot > at + 1)
            return 1;
    }
    return 0;
}

/* "정하늘 기자 sky@…", "윤가람 기자", "순천=윤가람 기자", "By … (x@y.com)":
 * the reporter's signature, short and no sentence. */
static int is_byline(const char *s)
{
    size_t n = chars(s);
    if (n > BYLINE_MAX_CHARS || ends_as_prose(s))
        return 0;
    if (has_email(s))
        return 1;
    static const char *const tails[] = {" 기자", " 특파원", " 기자·", "기자 ="};
    size_t len = strlen(s);
    for (size_t i = 0; i < COUNT(tails); i++) {
        size_t m = strlen(tails[i]);
        if (len > m && !strcmp(s + len - m, tails[i]) && n <= 25)
            return 1;
    }
    return 0;
}

/* "등록일 2026-07-21 12:00 | 주민과", "기사입력 2026-12-28 오후 3:40",
 * "작성일 : 2026.06.08 09:00 담당 부서 : …", "Published: Nov. 10, 2026":
 * the page's date line, kept as the document's date, not as text. */
static int is_dateline(const char *s)
{
    static const char *const labels[] = {"등록일", "등록일시", "작성일", "게시일", "기사입력",
                                         "입력", "수정", "최종수정", "발행일", "배포일",
                                         "승인", "Published", "Updated", "Posted"};
    return labelled_any(s, labels, COUNT(labels)) && has_year(s, strlen(s));
}

/* "10:31", "오후 3:40" after position s: hours and minutes, or -1. */
static int clock_after(const char *s, int *minute)
{
    for (const char *p = s; *p; p++) {
        if (!(p[0] >= '0' && p[0] <= '9'))
            continue;
        int h = p[0] - '0', k = 1;
        if (p[1] >= '0' && p[1] <= '9')
            h = h * 10 + (p[1] - '0'), k = 2;
        if (p[k] != ':' || !(p[k + 1] >= '0' && p[k + 1] <= '5') ||
            !(p[k + 2] >= '0' && p[k + 2] <= '9') || (p > s && p[-1] >= '0' && p[-1] <= '9'))
            continue;
        *minute = (p[k + 1] - '0') * 10 + (p[k + 2] - '0');
        if (h < 12 && p - s >= 7 && !strncmp(p - 7, "오후 ", 7))
            h += 12;
        return h < 24 ? h : -1;
    }
    return -1;
}

/* A date line that gives the time of the day the page states as its date
 * ("등록일 2026-01-30 10:31"): the date keeps it, in Korea's zone. */
static void take_time(doc *d, const char *s)
{
    char date[11];
    int minute;
    const char *lang = d->pub.lang;
    if (!d->pub.date || strlen(d->pub.date) != 10 || !lang || strncmp(lang, "ko", 2) ||
        !find_visible_date(s, strlen(s), date) || strcmp(date, d->pub.date))
        return;
    int hour = clock_after(s, &minute);
    char *when = hour < 0 ? NULL : arena_alloc(&d->mem, 26);
    if (!when)
        return;
    snprintf(when, 26, "%s" "T%02d:%02d:00+09:00", date, hour, minute);
    d->pub.date = when;
}

/* "문의 : 해양공간정책과(044-…)", "담당 부서 : … / 담당자 : …". */
static int is_contact_line(const char *s)
{
    static const char *const labels[] = {"문의", "문의처", "담당 부서", "담당부서", "담당자",
                                         "연락처", "자료문의", "보도문의", "취재문의"};
    return labelled_any(s, labels, COUNT(labels));
}

/* The labels of a page's information table ("부서 / 인공지능기반정책과 /
 * 등록일 / 2026.05.14 14:20"), each read as a block of its own. */
static int is_info_label(const char *s)
{
    static const char *const labels[] = {"부서", "담당부서", "담당 부서", "등록일", "작성일",
                                         "조회수", "조회", "작성자", "담당자", "연락처",
                                         "게시일", "수정일", "첨부파일", "첨부", "전화번호"};
    for (size_t i = 0; i < COUNT(labels); i++)
        if (!strcmp(s, labels[i]))
            return 1;
    return 0;
}

/* ----------------------------------------------------------- the pass */

/* Keep a contact line as the document's contact (the first one wins),
 * without its "문의 :" label: "담당 부서 : … / 담당자 : …" keeps its own,
 * which name what follows. */
static void take_contact(doc *d, const char *s)
{
    static const char *const asks[] = {"[문의]", "<문의>", "문의처", "자료문의", "보도문의",
                                       "취재문의", "문의"};
    if (d->pub.contact)
        return;
    const char *t = after_bullet(s);
    for (size_t i = 0; i < COUNT(asks); i++)
        if (starts_with(t, asks[i])) {
            t += strlen(asks[i]);
            while (*t == ' ' || *t == ':' || starts_with(t, "："))
                t += *t == ' ' || *t == ':' ? 1 : strlen("：");
            break;
        }
    if (*t)
        d->pub.contact = text_clean_dup(&d->mem, t, strlen(t), 0);
}

/* Is paragraph text furniture? Contact lines are kept aside first. */
static int paragraph_is_furniture(doc *d, const char *s)
{
    if (is_end_marker(s) || is_attachment_line(s))
        return 1;
    if (chars(s) > LINE_MAX_CHARS)
        return 0;
    if (is_contact_line(s)) {
        take_contact(d, s);
        return 1;
    }
    if (is_dateline(s)) {
        take_time(d, s);
        return 1;
    }
    return is_related_line(s) || is_rights_line(s) || is_byline(s);
}

/* A list whose every item is a notice or a link to another story. */
static int list_is_furniture(const gisa_block *b)
{
    if (!b->nitems)
        return 0;
    for (size_t i = 0; i < b->nitems; i++)
        if (!is_rights_line(b->items[i]) && !is_related_line(b->items[i]))
            return 0;
    return 1;
}

/* A paragraph that closes with an end marker keeps its words. */
static void drop_end_marker(doc *d, gisa_block *b)
{
    size_t n = before_end_marker(b->text);
    if (n) {
        char *t = text_clean_dup(&d->mem, b->text, n, 1);
        if (t && *t)
            b->text = t;
    }
}

/* Should block i go? `after_related` says a "관련기사" label stood just
 * before it (its list of links goes with it). */
static int drop_block(doc *d, size_t i, int after_related)
{
    gisa_block *b = &d->blocks[i];
    const gisa_block *prev = i ? &d->blocks[i - 1] : NULL;
    if (b->kind == GISA_BLOCK_LIST)
        return after_related || list_is_furniture(b);
    if (b->kind != GISA_BLOCK_PARAGRAPH || !b->text)
        return 0;
    if (paragraph_is_furniture(d, b->text))
        return 1;
    if (is_info_label(b->text))
        return 1;
    if (prev && prev->kind == GISA_BLOCK_PARAGRAPH && is_info_label(prev->text) &&
        chars(b->text) <= 40 && !ends_as_prose(b->text)) {
        if (!d->pub.department && strstr(prev->text, "부서"))
            d->pub.department = b->text;
        return 1;
    }
    drop_end_marker(d, b);
    return 0;
}

void doc_drop_boilerplate(doc *d)
{
    size_t kept = 0, n = d->pub.nblocks;
    int after_related = 0;
    for (size_t i = 0; i < n; i++) {
        const gisa_block *b = &d->blocks[i];
        /* a label alone ("관련기사:") heads a list of links */
        int related = b->kind == GISA_BLOCK_PARAGRAPH && b->text &&
                      is_related_line(b->text) && chars(b->text) <= 12;
        int drop = drop_block(d, i, after_related);
        after_related = related;
        if (drop)
            continue;
        /* kept <= i: the next step's look back at d->blocks[i] still
         * sees the block that stood there */
        d->blocks[kept++] = d->blocks[i];
    }
    d->pub.nblocks = kept;
}
