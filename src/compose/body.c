/* body.c - a post's body and attribution as Markdown or HTML.
 *
 * Source text only ever reaches HTML through html_escape(), and only
 * http(s) URLs survive, so nothing from the page can run in a reader's
 * browser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../extract/render.h"
#include "compose.h"

/* Besides markup, "{" is escaped: HTML written into a Jekyll or Hugo post
 * (the Tistory style) is read by Liquid and by Hugo's shortcode parser
 * before anything else, and "{{", "{%" would run there. A newline becomes
 * an entity so that no text can make the blank line that ends an HTML
 * block in Markdown (the rest would be read as Markdown, links and all). */
void html_escape(buf *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': buf_puts(out, "&amp;"); break;
        case '<': buf_puts(out, "&lt;"); break;
        case '>': buf_puts(out, "&gt;"); break;
        case '"': buf_puts(out, "&quot;"); break;
        case '\'': buf_puts(out, "&#39;"); break;
        case '{': buf_puts(out, "&#123;"); break;
        case '\n': buf_puts(out, "&#10;"); break;
        default: buf_putc(out, *s);
        }
    }
}

int safe_url(const char *url)
{
    if (!url)
        return 0;
    if (strncmp(url, "https://", 8) && strncmp(url, "http://", 7))
        return 0;
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>')
            return 0;
    return 1;
}

/* Paragraph text with line breaks as <br>. */
static void html_lines(buf *out, const char *s)
{
    const char *nl;
    while ((nl = strchr(s, '\n'))) {
        buf b = BUF_INIT;
        buf_append(&b, s, (size_t)(nl - s));
        html_escape(out, b.ptr);
        buf_free(&b);
        buf_puts(out, "<br>");
        s = nl + 1;
    }
    html_escape(out, s);
}

static void html_table(buf *out, const gisa_block *b)
{
    size_t cols = b->ncols, rows = cols ? b->nitems / cols : 0;
    buf_puts(out, "<table>\n");
    for (size_t r = 0; r < rows; r++) {
        int head = r == 0 && b->level;
        buf_puts(out, "<tr>");
        for (size_t c = 0; c < cols; c++) {
            buf_puts(out, head ? "<th>" : "<td>");
            html_escape(out, b->items[r * cols + c]);
            buf_puts(out, head ? "</th>" : "</td>");
        }
        buf_puts(out, "</tr>\n");
    }
    buf_puts(out, "</table>\n");
}

/* One block as HTML; `tistory` adds the blog editor's size attributes. */
static void block_html(buf *out, const gisa_block *b, int tistory)
{
    switch (b->kind) {
    case GISA_BLOCK_HEADING: {
        int level = b->level <= 1 ? 2 : b->level > 4 ? 4 : b->level;
        static const char *const ke[] = {"", "", "size26", "size23", "size20"};
        if (tistory)
            buf_printf(out, "<h%d data-ke-size=\"%s\">", level, ke[level]);
        else
            buf_printf(out, "<h%d>", level);
        html_escape(out, b->text);
        buf_printf(out, "</h%d>\n", level);
        break;
    }
    case GISA_BLOCK_PARAGRAPH:
        buf_puts(out, tistory ? "<p data-ke-size=\"size16\">" : "<p>");
        html_lines(out, b->text);
        buf_puts(out, "</p>\n");
        break;
    case GISA_BLOCK_LIST:
        buf_puts(out, b->level ? "<ol>\n" : "<ul>\n");
        for (size_t i = 0; i < b->nitems; i++) {
            buf_puts(out, "<li>");
            html_escape(out, b->items[i]);
            buf_puts(out, "</li>\n");
        }
        buf_puts(out, b->level ? "</ol>\n" : "</ul>\n");
        break;
    case GISA_BLOCK_TABLE:
        html_table(out, b);
        break;
    case GISA_BLOCK_IMAGE:
        if (!safe_url(b->url))
            break;
        buf_puts(out, "<figure><img src=\"");
        html_escape(out, b->url);
        buf_puts(out, "\" alt=\"");
        html_escape(out, b->text && *b->text ? b->text : b->alt);
        buf_puts(out, "\">");
        if (b->text && *b->text) {
            buf_puts(out, "<figcaption>");
            html_escape(out, b->text);
            buf_puts(out, "</figcaption>");
        }
        buf_puts(out, "</figure>\n");
        break;
    case GISA_BLOCK_QUOTE:
        buf_puts(out, "<blockquote><p>");
        html_lines(out, b->text);
        buf_puts(out, "</p></blockquote>\n");
        break;
    case GISA_BLOCK_CODE:
        buf_puts(out, "<pre><code>");
        html_escape(out, b->text);
        buf_puts(out, "</code></pre>\n");
        break;
    }
}

/* How one paragraph is written: its plain runs and its key sentences. */
typedef struct para_style {
    void (*plain)(buf *out, const char *text);
    const char *key_open, *key_close;
    const char *open, *close;
} para_style;

static void md_plain(buf *out, const char *text)
{
    render_markdown_text(out, text);
}

static void html_plain(buf *out, const char *text)
{
    html_lines(out, text);
}

static const para_style markdown_para = {md_plain, "**", "**", "", "\n"};
static const para_style tistory_para = {html_plain, "<b><span style=\"color: #ee2323;\">",
                                        "</span></b>", "<p data-ke-size=\"size16\">",
                                        "</p>\n"};
static const para_style html_para = {html_plain, "<strong>", "</strong>", "<p>", "</p>\n"};

/* Write the text of body block i, a paragraph, from byte `skip` on (past
 * an outline marker), with its key sentences emphasised. */
static void paragraph_text(const post_model *m, size_t i, const para_style *st, size_t skip,
                           buf *out)
{
    const char *full = m->blocks[i]->text, *text = full + skip, *keys[4];
    size_t nk = key_sentences_of(m, i, keys, 4), at = 0, len = strlen(text);
    for (size_t k = 0; k < nk; k++) /* a key sentence that opens the item loses its marker */
        if (skip && !strncmp(keys[k], full, skip))
            keys[k] += skip;
    while (at < len) {
        const char *next = NULL, *key = NULL;
        for (size_t k = 0; k < nk; k++) { /* the nearest key sentence ahead */
            const char *p = strstr(text + at, keys[k]);
            if (p && (!next || p < next)) {
                next = p;
                key = keys[k];
            }
        }
        size_t end = next ? (size_t)(next - text) : len;
        char *run = strndup(text + at, end - at);
        if (run)
            st->plain(out, run);
        free(run);
        if (!next)
            break;
        buf_puts(out, st->key_open);
        st->plain(out, key);
        buf_puts(out, st->key_close);
        at = end + strlen(key);
    }
}

/* Where the lists of an outline stand while the body is written. */
typedef struct list_state {
    outline o;
    int open;                    /* levels written open */
    int ordered[OUTLINE_MAX + 1];/* per open level: <ol> rather than <ul> */
    size_t indent[OUTLINE_MAX + 1]; /* Markdown: the column of each level's text */
} list_state;

static void html_close_lists(list_state *ls, int to, buf *out)
{
    for (; ls->open > to; ls->open--)
        buf_puts(out, ls->ordered[ls->open] ? "</li></ol>\n" : "</li></ul>\n");
}

/* An outline item as HTML: lists opened or closed to its depth. */
static void html_item(list_state *ls, int depth, int ordered, buf *out)
{
    html_close_lists(ls, depth, out);
    if (ls->open == depth)
        buf_puts(out, "</li>\n");
    for (; ls->open < depth; ls->open++) {
        ls->ordered[ls->open + 1] = ordered;
        buf_puts(out, ordered ? "<ol>\n" : "<ul>\n");
    }
    buf_puts(out, "<li>");
}

/* An outline item as Markdown: indented under its parent's text. */
static void markdown_item(list_state *ls, int depth, int ordered, int number, buf *out)
{
    ls->open = depth;
    size_t col = ls->indent[depth - 1];
    for (size_t k = 0; k < col; k++)
        buf_putc(out, ' ');
    char marker[16];
    if (ordered)
        snprintf(marker, sizeof marker, "%d. ", number > 0 ? number : 1);
    else
        strcpy(marker, "- ");
    buf_puts(out, marker);
    ls->indent[depth] = col + strlen(marker);
}

/* Paragraph i, as a paragraph or, when it opens with an outline marker,
 * as a list item at its depth. */
static void paragraph(const post_model *m, size_t i, const para_style *st, list_state *ls,
                      buf *out)
{
    int cls, number;
    size_t skip = outline_marker(m->blocks[i]->text, &cls, &number);
    int markdown = st == &markdown_para;
    if (!skip) {
        if (!markdown)
            html_close_lists(ls, 0, out);
        ls->o.n = ls->open = 0;
        buf_puts(out, st->open);
        paragraph_text(m, i, st, 0, out);
        buf_puts(out, st->close);
        return;
    }
    int depth = outline_depth(&ls->o, cls);
    if (markdown) {
        markdown_item(ls, depth, outline_ordered(cls), number, out);
        paragraph_text(m, i, st, skip, out);
        buf_putc(out, '\n');
    } else {
        html_item(ls, depth, outline_ordered(cls), out);
        paragraph_text(m, i, st, skip, out);
    }
}

static void body_with(const post_model *m, const para_style *st, int tistory, buf *out)
{
    list_state ls = {0};
    for (size_t i = 0; i < m->nblocks; i++) {
        const gisa_block *b = m->blocks[i];
        if (st == &markdown_para && i)
            buf_putc(out, '\n');
        if (b->kind == GISA_BLOCK_PARAGRAPH) {
            paragraph(m, i, st, &ls, out);
            continue;
        }
        ls.o.n = 0; /* any other block ends the outline */
        if (st == &markdown_para) {
            ls.open = 0;
            render_markdown_block(out, b);
        } else {
            html_close_lists(&ls, 0, out);
            block_html(out, b, tistory);
        }
    }
    if (st == &markdown_para) {
        closing_markdown(m, out);
    } else {
        html_close_lists(&ls, 0, out);
        closing_html(m, tistory, out);
    }
}

void body_markdown(const post_model *m, buf *out)
{
    body_with(m, &markdown_para, 0, out);
}

void body_tistory(const post_model *m, buf *out)
{
    body_with(m, &tistory_para, 1, out);
}

void post_body(const post_model *m, buf *out)
{
    buf_putc(out, '\n');
    if (m->opt.style == GISA_STYLE_TISTORY) { /* HTML throughout, credit too */
        body_tistory(m, out);
        attribution_html(m, out);
        return;
    }
    body_markdown(m, out);
    attribution_markdown(m, out);
}

void body_html(const post_model *m, buf *out)
{
    body_with(m, &html_para, 0, out);
}

/* A Creative Commons code as extract writes it ("CC-BY-NC-ND-4.0", from
 * the page's link to its deed) in the licence's own form, "CC BY-NC-ND
 * 4.0", with its deed's address, which CC's attribution asks for. 0 when
 * `code` is no such code. */
static int cc_licence(const char *code, char *name, size_t ncap, char *deed, size_t dcap)
{
    if (strncmp(code, "CC-", 3) != 0 || !code[3])
        return 0;
    const char *elems = code + 3, *ver = strrchr(elems, '-');
    size_t elen = strlen(elems);
    if (ver && ver[1] >= '0' && ver[1] <= '9')
        elen = (size_t)(ver - elems), ver++;
    else
        ver = NULL;
    char lower[32];
    if (elen == 0 || elen >= sizeof lower)
        return 0;
    for (size_t i = 0; i < elen; i++) {
        char c = elems[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return 0;
        lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    lower[elen] = '\0';
    snprintf(name, ncap, "CC %.*s%s%s", (int)elen, elems, ver ? " " : "", ver ? ver : "");
    snprintf(deed, dcap, "https://creativecommons.org/licenses/%s/%s%s", lower, ver ? ver : "",
             ver ? "/" : "");
    return 1;
}

/* The credit's licence sentence, "이 글은 공공누리 제1유형에 따라 국방부의
 * 저작물을 이용하였습니다.", or what stands in its place: whose rights a
 * quote keeps, or that the page states no licence at all. */
static void licence_sentence(const post_model *m, buf *out)
{
    const char *lic = m->doc->license;
    char name[48], deed[96];
    if (lic && strncmp(lic, "KOGL-", 5) == 0)
        buf_printf(out, "이 글은 공공누리 제%c유형에 따라 %s의 저작물을 이용하였습니다.", lic[5],
                   m->org ? m->org : "원저작자");
    else if (lic && !strcmp(lic, GISA_LICENSE_RESERVED))
        buf_printf(out, m->korean ? "이 글은 %s의 저작물 일부를 인용하였으며, 저작권은 %s에 있습니다."
                                  : "Quoted in part from %s, which reserves all rights.",
                   m->org ? m->org : m->korean ? "원저작자" : "the source",
                   m->org ? m->org : "원저작자");
    else if (lic && cc_licence(lic, name, sizeof name, deed, sizeof deed))
        buf_printf(out, m->korean ? "이 글은 크리에이티브 커먼즈 라이선스 %s(%s)에 따라 원문을 "
                                    "이용하였습니다."
                                  : "Used under the Creative Commons licence %s (%s).",
                   name, deed);
    else if (lic && m->korean)
        buf_printf(out, "이 글은 %s 조건에 따라 원문을 이용하였습니다.", lic);
    else if (lic)
        buf_printf(out, "Used under %s.", lic);
    else /* posted with a warning: the reader is told what the editor was */
        buf_printf(out, m->korean ? "원문에는 이용 허락 표시가 없으며, 저작권은 %s에 있습니다."
                                  : "The source states no licence; its copyright remains with %s.",
                   m->org ? m->org : m->korean ? "원저작자" : "its owner");
}

/* The credit line is the page's words too (its title, its site's name):
 * escaped like the body, so a title "<script>…" or "[x](javascript:…)"
 * stays text in every site generator. */
void attribution_markdown(const post_model *m, buf *out)
{
    buf_puts(out, "\n---\n\n");
    buf_puts(out, m->korean ? "**출처**: " : "**Source**: ");
    if (m->org) {
        render_markdown_text(out, m->org);
        buf_puts(out, ", ");
    }
    buf_puts(out, m->korean ? "「" : "\"");
    render_markdown_text(out, m->title);
    buf_printf(out, m->korean ? "」(%s)" : "\" (%s)", m->date);
    if (m->doc->url && safe_url(m->doc->url)) {
        buf_puts(out, ", <");
        render_markdown_url(out, m->doc->url);
        buf_putc(out, '>');
    }
    buf_putc(out, '\n');
    buf note = BUF_INIT;
    licence_sentence(m, &note);
    if (note.len) {
        buf_putc(out, '\n');
        render_markdown_text(out, note.ptr);
        buf_putc(out, '\n');
    }
    buf_free(&note);
}

void attribution_html(const post_model *m, buf *out)
{
    buf_puts(out, "<footer class=\"attribution\"><p>");
    buf_puts(out, m->korean ? "출처: " : "Source: ");
    if (m->org) {
        html_escape(out, m->org);
        buf_puts(out, ", ");
    }
    buf_puts(out, m->korean ? "「" : "\"");
    html_escape(out, m->title);
    buf_puts(out, m->korean ? "」" : "\"");
    buf_printf(out, "(%s)", m->date);
    if (m->doc->url && safe_url(m->doc->url)) {
        buf_puts(out, ", <a href=\"");
        html_escape(out, m->doc->url);
        buf_puts(out, "\">");
        html_escape(out, m->doc->url);
        buf_puts(out, "</a>");
    }
    buf_puts(out, "</p>");
    buf note = BUF_INIT;
    licence_sentence(m, &note);
    if (note.len) {
        buf_puts(out, "<p>");
        html_escape(out, note.ptr);
        buf_puts(out, "</p>");
    }
    buf_free(&note);
    buf_puts(out, "</footer>\n");
}
