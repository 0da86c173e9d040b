/* html_tail.c - where the article ends, and the lines above its start
 * (issue #20).
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
 * when the comments are the page's content (a forum thread) and the page
 * does not say it is an article (og:type, JSON-LD), nor for a readers'
 * thread on such a page: on product and forum pages reviews and replies
 * are content. A post that says it is an article keeps its text only,
 * even when its comment-marked replies outweigh it. It needs
 * prose before the line: a page that starts with "Related" is a listing,
 * not an article with a tail.
 *
 * At the other end, the story's head (byline, dateline, site, section or
 * "Live" badge, breadcrumb) often comes along with the first paragraph;
 * on an article page its short lines before the first paragraph of prose
 * go too (drop_head_lines). */
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
    "more stories", "read next", "recommended for you",
    /* the author's box: ends a story when less follows than came before */
    "about the author", "about the authors", "about the reviewer", "written by", "관련 뉴스", "관련뉴스", "관련 기사", "관련기사",
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

/* Does the paragraph end as a sentence does ("…다.", "…now.", "…?")? */
static int ends_sentence(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* The first opener of the wanted kind among b[from..n) with the
 * article's prose before it, or n. */
static size_t next_opener(const gisa_block *b, size_t from, size_t n, int want,
                          int article_page)
{
    size_t bytes = 0, blocks = 0, sentences = 0;
    for (size_t i = from; i < n; i++) {
        int kind = (b[i].kind == GISA_BLOCK_HEADING || b[i].kind == GISA_BLOCK_PARAGRAPH) &&
                           bytes >= TAIL_MIN_BYTES && blocks >= TAIL_MIN_BLOCKS
                       ? tail_opener(b[i].text) : 0;
        /* on a page that does not say it is an article, other stories
         * end it only after paragraphs of prose, long or nearly all
         * whole sentences: a listing's items are short headlines and
         * teasers, and its "Most read" is more of its items */
        if (kind == 2 && !article_page && bytes < blocks * PROSE_PARA_BYTES &&
            sentences * 5 < blocks * 4)
            kind = 0;
        if (kind == want)
            return i;
        if (b[i].kind == GISA_BLOCK_PARAGRAPH && b[i].text) {
            bytes += strlen(b[i].text);
            blocks++;
            sentences += ends_sentence(b[i].text);
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

/* ---------------------------------------------------------- start */

/* Lines a story's head carries before its first paragraph: the byline
 * and date ("By Clara Huxley · 2026-02-14", "입력 2026-06-20 09:30",
 * "한지우 기자"), the site's or section's name, a "Live" badge, the
 * trail ("> > 보도자료"). Short, and never a sentence. */
#define HEAD_LINE_MAX 80

static int contains(const char *s, const char *w)
{
    return w && *w && strstr(s, w) != NULL;
}

int head_line(const char *s, const char *site, const char *author)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    if (n == 0 || n > HEAD_LINE_MAX)
        return 0;
    char date[11];
    if ((site && !strcmp(s, site)) || !strcmp(s, "Live") || !strcmp(s, "LIVE") ||
        !strcmp(s, "실시간") || !strncmp(s, "> ", 2) || !strncmp(s, "By ", 3))
        return 1;
    if (n <= 40 && (contains(s, " 기자") || contains(s, author)))
        return 1;
    /* a date with few words around it: a dateline, not a sentence */
    if (find_visible_date(s, n, date)) {
        size_t words = 1;
        for (size_t i = 0; i < n; i++)
            words += s[i] == ' ';
        return words <= 6;
    }
    return 0;
}

static int head_block(const gisa_block *b, const char *site, const char *author)
{
    if (b->kind == GISA_BLOCK_PARAGRAPH || b->kind == GISA_BLOCK_HEADING)
        return head_line(b->text, site, author);
    if (b->kind != GISA_BLOCK_LIST || !b->nitems)
        return 0;
    for (size_t k = 0; k < b->nitems; k++)
        if (!head_line(b->items[k], site, author))
            return 0;
    return 1;
}

/* A paragraph of prose: the story has begun, within a story's head. */
#define FIRST_PROSE_BYTES 120
#define HEAD_BLOCKS 8

size_t drop_head_lines(gisa_block *b, size_t from, size_t n, const char *site,
                       const char *author)
{
    size_t end = from;
    while (end < n && end < from + HEAD_BLOCKS &&
           !(b[end].kind == GISA_BLOCK_PARAGRAPH && b[end].text &&
             strlen(b[end].text) >= FIRST_PROSE_BYTES))
        end++;
    if (end == n || end == from + HEAD_BLOCKS)
        return n; /* no prose near the top: a listing, whose lines are its items */
    size_t w = from;
    for (size_t i = from; i < end; i++)
        if (!head_block(&b[i], site, author))
            b[w++] = b[i];
    for (size_t i = end; i < n; i++)
        b[w++] = b[i];
    return w;
}

/* ---------------------------------------------------------- end lines */

/* The author's box under a story: "Clara Huxley is a reporter covering
 * …", "김서연 기자는 …". */
static int author_bio(const char *s, const char *author)
{
    size_t k = author ? strlen(author) : 0;
    if (!s || k < 4 || strncmp(s, author, k))
        return 0;
    return !strncmp(s + k, " is a", 5) || !strncmp(s + k, " is an", 6) ||
           !strncmp(s + k, " 기자는", strlen(" 기자는"));
}

/* Does the paragraph stop on an ellipsis ("…orga...", "…obtained…"), as
 * the cut excerpt of a teaser does? */
static int ends_cut(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    while (n && s[n - 1] == ' ')
        n--;
    return (n >= 3 && !memcmp(s + n - 3, "...", 3)) ||
           (n >= 3 && !memcmp(s + n - 3, "\xe2\x80\xa6", 3)); /* U+2026 */
}

/* A teaser's headline over its excerpt: a short line, not a sentence. */
#define TEASER_HEAD_MAX 160

/* Other stories under the article, each an excerpt cut off with an
 * ellipsis ("MINISTER OF FAMILY … is urging people to report cases
 * o..."), under or without its headline and picture: from the end, a
 * run of such excerpts (two or more) and the short lines and images
 * between them goes, after prose with no cut excerpt in it, and longer
 * than the run unless the page says it is an article (a grid of teasers
 * under a short release). A listing of teasers has excerpts all down
 * the page, and keeps them. */
static size_t drop_teasers(const gisa_block *b, size_t from, size_t n, int article_page)
{
    size_t start = n, cut = 0, run = 0;
    for (size_t i = n; i > from; i--) {
        const gisa_block *c = &b[i - 1];
        if (c->kind == GISA_BLOCK_PARAGRAPH && ends_cut(c->text)) {
            cut++;
        } else if (c->kind == GISA_BLOCK_IMAGE) {
            /* a teaser's picture */
        } else if (!((c->kind == GISA_BLOCK_HEADING || c->kind == GISA_BLOCK_PARAGRAPH) &&
                     c->text && strlen(c->text) <= TEASER_HEAD_MAX && !ends_sentence(c->text)))
            break;
        start = i - 1;
        run += c->text ? strlen(c->text) : 0;
    }
    /* a short paragraph where the run starts ends the article ("Further
     * information: …"); a teaser's headline is a heading or a picture */
    while (start < n && b[start].kind == GISA_BLOCK_PARAGRAPH && !ends_cut(b[start].text))
        start++;
    for (size_t i = from; i < start; i++)
        if (b[i].kind == GISA_BLOCK_PARAGRAPH && ends_cut(b[i].text))
            return n; /* excerpts above too: a listing of teasers */
    size_t before = text_bytes(b, from, start);
    if (cut < 2 || before < TAIL_MIN_BYTES || !paragraph_in(b, from, start) ||
        (before < run && !article_page))
        return n;
    return start;
}

size_t drop_end_lines(const gisa_block *b, size_t from, size_t n, const char *author,
                      int article_page)
{
    n = drop_teasers(b, from, n, article_page);
    if (n > from + 1 && b[n - 1].kind == GISA_BLOCK_PARAGRAPH && author_bio(b[n - 1].text, author))
        n--;
    /* one heading with nothing under it after prose: its section was
     * left out ("Contact the newsroom" over a form); a run of headings
     * is a page made of them; on other pages than articles a closing
     * heading is often a call to action the page counts as its text */
    if (article_page && n > from + 2 && b[n - 1].kind == GISA_BLOCK_HEADING &&
        b[n - 2].kind == GISA_BLOCK_PARAGRAPH && !ends_sentence(b[n - 1].text))
        n--;
    return n;
}

/* ---------------------------------------------------------- repeats */

/* A heading this long is a title, not a label a page may rightly repeat
 * ("Details", "Step 2"). */
#define TITLE_HEADING_BYTES 30

/* A title shown twice is a card or teaser repeating one above (a
 * carousel's copy, a "most popular" box): a reader reads it once. Later
 * copies of a heading of TITLE_HEADING_BYTES or more among b[from..n)
 * go; returns the new count. */
size_t drop_repeated_titles(gisa_block *b, size_t from, size_t n)
{
    size_t w = from;
    for (size_t i = from; i < n; i++) {
        int repeat = 0;
        if (b[i].kind == GISA_BLOCK_HEADING && b[i].text &&
            strlen(b[i].text) >= TITLE_HEADING_BYTES)
            for (size_t k = from; k < w && !repeat; k++)
                repeat = b[k].kind == GISA_BLOCK_HEADING && b[k].text &&
                         !strcmp(b[k].text, b[i].text);
        if (!repeat)
            b[w++] = b[i];
    }
    return w;
}
