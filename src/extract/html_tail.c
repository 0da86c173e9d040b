/* html_tail.c - where the article ends (issue #20).
 *
 * Selection often takes a container that holds the article and, after
 * it, what the page puts under every story: the comment thread ("7
 * replies", "댓글 6"), reader reviews, "Most read", "Related", "You may
 * also like", "관련 뉴스", "많이 본 뉴스". Those regions are not always
 * named by classes the first pass knows, but they are almost always
 * introduced by a short heading line of a few fixed words. Once the
 * article's own prose has been emitted, such a line is its end: it and
 * every block after it go.
 *
 * The rule works on the emitted blocks only (kind, text), not on the
 * parser's tree, so it carries over to any HTML parser. It is not applied
 * when the comments are the page's content (a forum thread), nor on a
 * page that does not say it is an article (og:type, JSON-LD): on product
 * and forum pages reviews and replies are content. It needs
 * prose before the line: a page that starts with "Related" is a listing,
 * not an article with a tail. */
#include <ctype.h>
#include <string.h>

#include "html.h"

/* Lines that open the region after an article. Matched at the start of
 * the line, case-insensitively for ASCII, after an optional count ("7
 * replies", "12 Comments"); the rest of the line must be short (a count,
 * a site name: "More from The Ledger", "Comments (8)"). */
static const char *const tail_openers[] = {
    /* a thread of readers: however long, not the article */
    "comments", "comment", "replies", "responses", "reader reviews",
    "join the conversation", "leave a reply", "leave a comment",
    "댓글", "개의 댓글", "개의 답글", "답글", "독자 평가", "독자 의견",
    NULL,
    /* other stories: cut only when they are less than the article */
    "most read", "most popular", "most viewed",
    "related articles", "related stories", "related posts", "related news",
    "related", "you may also like", "you might also like", "more from",
    "more stories", "read next", "recommended for you", "관련 뉴스", "관련뉴스", "관련 기사", "관련기사",
    "많이 본 뉴스", "많이 본 기사", "인기 기사", "인기기사", "이 기사와 함께", "주요뉴스",
    "추천 기사", "함께 볼만한 뉴스",
};

/* A tail opener is a short line: a heading, or a paragraph of a few
 * words. Longer lines are prose that merely starts with the word. */
#define OPENER_MAX 64

static int starts_with_ci(const char *s, const char *w)
{
    for (; *w; s++, w++)
        if (tolower((unsigned char)*s) != tolower((unsigned char)*w))
            return 0;
    return 1;
}

/* The rest after an opener: nothing but a count and punctuation
 * ("Comments (8)", "댓글 6"); after "more from", a short name. */
static int short_rest(const char *w, const char *s)
{
    size_t n = strlen(s);
    if (!strcmp(w, "more from") || !strcmp(w, "관련 뉴스"))
        return n <= 32 && !memchr(s, '.', n);
    for (; *s; s++)
        if (isalpha((unsigned char)*s) || (*s & 0x80))
            return 0;
    return 1;
}

/* Index of the NULL between the two kinds of openers. */
static size_t opener_split(void)
{
    size_t i = 0;
    while (tail_openers[i])
        i++;
    return i;
}

/* 0 no opener, 1 a thread of readers, 2 other stories. */
int tail_opener(const char *text)
{
    if (!text)
        return 0;
    size_t n = strlen(text);
    if (n == 0 || n > OPENER_MAX)
        return 0;
    const char *s = text;
    while (*s && (isdigit((unsigned char)*s) || *s == ',' || *s == ' '))
        s++; /* "7 replies", "1,204 comments" */
    int kind = 1;
    for (size_t i = 0; i < sizeof tail_openers / sizeof *tail_openers; i++) {
        const char *w = tail_openers[i];
        if (!w) {
            kind = 2;
            continue;
        }
        if (!starts_with_ci(s, w))
            continue;
        const char *rest = s + strlen(w);
        /* a word of its own: "Related" but not "Relatedly, ..." */
        if (isalpha((unsigned char)*rest))
            continue;
        if (short_rest(w, rest))
            return kind;
    }
    /* Korean names the site first: "한빛일보 주요뉴스", "동해신문 많이 본 뉴스" */
    for (size_t i = 0; i < sizeof tail_openers / sizeof *tail_openers; i++) {
        const char *w = tail_openers[i];
        size_t k = w ? strlen(w) : 0;
        if (w && (unsigned char)w[0] >= 0x80 && k < n && n <= k + 32 &&
            !strcmp(text + n - k, w) && text[n - k - 1] == ' ' && !memchr(text, '.', n))
            return i > opener_split() ? 2 : 1;
    }
    return 0;
}

/* Prose the article must have before its end: a few paragraphs. */
#define TAIL_MIN_BYTES 500
#define TAIL_MIN_BLOCKS 3
/* Mean paragraph length of an article's prose, in bytes */
#define PROSE_PARA_BYTES 200

static size_t text_bytes(const gisa_block *b, size_t from, size_t n)
{
    size_t t = 0;
    for (size_t i = from; i < n; i++) {
        t += b[i].text ? strlen(b[i].text) : 0;
        for (size_t k = 0; k < b[i].nitems; k++)
            t += b[i].items[k] ? strlen(b[i].items[k]) : 0;
    }
    return t;
}

static int paragraph_in(const gisa_block *b, size_t from, size_t n)
{
    for (size_t i = from; i < n; i++)
        if (b[i].kind == GISA_BLOCK_PARAGRAPH)
            return 1;
    return 0;
}

/* The first opener of the wanted kind among b[from..n) with the
 * article's prose before it, or n. */
static size_t next_opener(const gisa_block *b, size_t from, size_t n, int want,
                          int article_page)
{
    size_t bytes = 0, blocks = 0;
    for (size_t i = from; i < n; i++) {
        int kind = (b[i].kind == GISA_BLOCK_HEADING || b[i].kind == GISA_BLOCK_PARAGRAPH) &&
                           bytes >= TAIL_MIN_BYTES && blocks >= TAIL_MIN_BLOCKS
                       ? tail_opener(b[i].text) : 0;
        /* on a page that does not say it is an article, other stories
         * end it only after paragraphs of prose: a listing's items are
         * short, and its "Most read" is more of its items */
        if (kind == 2 && !article_page && bytes < blocks * PROSE_PARA_BYTES)
            kind = 0;
        if (kind == want)
            return i;
        if (b[i].kind == GISA_BLOCK_PARAGRAPH && b[i].text) {
            bytes += strlen(b[i].text);
            blocks++;
        }
    }
    return n;
}

size_t article_end(const gisa_block *b, size_t from, size_t n, int article_page)
{
    /* a readers' thread ends an article outright */
    size_t end = article_page ? next_opener(b, from, n, 1, article_page) : n;
    /* "Related" in the middle of an article is a box of links the
     * article goes on after: other stories end it only when what
     * follows them, up to the thread, is less than what came before, or
     * is no prose at all (a list of headlines) */
    for (size_t i = next_opener(b, from, end, 2, article_page); i < end;
         i = next_opener(b, i + 1, end, 2, article_page))
        if (text_bytes(b, i, end) < text_bytes(b, from, i) || !paragraph_in(b, i + 1, end))
            return i;
    return end;
}
