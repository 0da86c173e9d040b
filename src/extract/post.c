/* post.c - read a post back: YAML front matter and a Markdown body (which
 * may hold HTML, as blog editors write it).
 *
 * This is how `gisa check` reads a rewrite. Front matter is YAML ("---")
 * or, as Hugo also allows, TOML ("+++"). The front matter's title and
 * date are the document's; its excerpt, feature text, summary and
 * description are claims like any paragraph, so they become the first
 * blocks. cmark-gfm turns the body into HTML, and the HTML reader takes
 * every block of it: a post is all article, so nothing is selected away. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "../util/error.h"
#include "../util/utf8.h"
#include "../util/yamlfields.h"
#include "cmarkapi.h"
#include "extract.h"

#define FRONT_MATTER_MAX (256 * 1024)

/* Where the front matter's closing line ("---" for YAML, "+++" for TOML)
 * starts, or NULL. */
static const char *front_matter_end(const char *s, size_t len)
{
    if (len < 4 || (memcmp(s, "---", 3) != 0 && memcmp(s, "+++", 3) != 0) ||
        (s[3] != '\n' && s[3] != '\r'))
        return NULL;
    char fence[5] = {'\n', s[0], s[0], s[0], '\0'};
    size_t n = len < FRONT_MATTER_MAX ? len : FRONT_MATTER_MAX;
    for (const char *p = s + 3; (p = memmem(p, (size_t)(s + n - p), fence, 4)); p += 4) {
        const char *after = p + 4;
        if (after == s + len || *after == '\n' || *after == '\r')
            return p + 1;
    }
    return NULL;
}

int looks_like_post(const char *s, size_t len)
{
    return front_matter_end(s, len) != NULL;
}

/* What a post's fields say, gathered while the front matter is read. */
typedef struct post_reader {
    doc *d;
    buf claims_html; /* excerpt, feature_text, summary: read with the body */
    int markdown_failed;
    char limit_problem[160]; /* a Markdown field over the limits */
} post_reader;

static char *markdown_to_html(const char *s, size_t len);
static int markdown_within_limits(const doc *d, const char *s, size_t len, char *why,
                                  size_t why_len);

/* Jekyll's excerpt is HTML (themes print it as it is), Hugo's summary and
 * themes' feature_text are Markdown: each is read as what it is, so text
 * gisa escaped for a site ("&lt;", "\*", "&#123;") reads back as the
 * page's own. */
static void take_claim(post_reader *r, const char *key, const char *v)
{
    if (!strcmp(key, "excerpt")) {
        buf_puts(&r->claims_html, "<p>");
        buf_puts(&r->claims_html, v);
        buf_puts(&r->claims_html, "</p>\n");
    } else if (!strcmp(key, "feature_text") || !strcmp(key, "summary")) {
        if (!markdown_within_limits(r->d, v, strlen(v), r->limit_problem,
                                    sizeof r->limit_problem))
            return;
        char *html = markdown_to_html(v, strlen(v));
        if (!html)
            r->markdown_failed = 1;
        buf_puts(&r->claims_html, html ? html : "");
        free(html);
    } else { /* description, subtitle: plain text */
        doc_add_text(r->d, GISA_BLOCK_PARAGRAPH, 0, v, strlen(v), 0);
    }
}

static void take_field(void *ctx, const char *key, const char *v, int nested)
{
    static const char *const claims[] = {"excerpt", "feature_text", "summary", "description",
                                         "subtitle"};
    post_reader *r = ctx;
    doc *d = r->d;
    char date[11];
    (void)nested; /* Hugo's params hold the same keys */
    if (!strcmp(key, "title"))
        d->pub.title = text_clean_dup(&d->mem, v, strlen(v), 0);
    else if (!strcmp(key, "date") && find_visible_date(v, strlen(v), date))
        d->pub.date = arena_strdup(&d->mem, date);
    else if (!strcmp(key, "source_url") || !strcmp(key, "canonical_url"))
        d->pub.url = arena_strdup(&d->mem, v);
    else if (!strcmp(key, "source_org"))
        d->pub.publisher = text_clean_dup(&d->mem, v, strlen(v), 0);
    else if (!strcmp(key, "license"))
        d->pub.license = arena_strdup(&d->mem, v);
    else if (!strcmp(key, "author"))
        d->pub.author = text_clean_dup(&d->mem, v, strlen(v), 0);
    else
        for (size_t i = 0; i < sizeof claims / sizeof *claims; i++)
            if (!strcmp(key, claims[i]))
                take_claim(r, key, v);
}

static gisa_status read_front_matter(post_reader *r, const char *s, size_t len,
                                     gisa_error *err)
{
    yaml_fields_problem problem;
    if (yaml_fields_read(s, len, take_field, r, &problem))
        return GISA_OK;
    if (problem.unavailable)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s", r->d->pub.source_name, problem.what);
    if (problem.refused)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: front matter %s (line %zu)",
                         r->d->pub.source_name, problem.what, problem.line + 1);
    return gisa_fail(err, GISA_ERR_INPUT, "%s: front matter is not valid YAML (line %zu: %s)",
                     r->d->pub.source_name, problem.line + 1, problem.what);
}

/* TOML front matter, as far as a post's fields go: `key = "value"` lines
 * (basic and literal strings, bare dates); tables such as [params] are
 * read as if their keys were at the top. Arrays and the rest are skipped. */
static void read_toml(post_reader *r, const char *s, size_t len)
{
    const char *end = s + len;
    while (s < end) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        const char *line_end = eol ? eol : end;
        const char *eq = memchr(s, '=', (size_t)(line_end - s));
        if (eq && *s != '#' && *s != '[') {
            const char *k = s, *ke = eq, *v = eq + 1, *ve = line_end;
            while (k < ke && (*k == ' ' || *k == '\t')) k++;
            while (ke > k && (ke[-1] == ' ' || ke[-1] == '\t')) ke--;
            while (v < ve && (*v == ' ' || *v == '\t')) v++;
            while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' || ve[-1] == '\r')) ve--;
            if (ve - v >= 2 && (*v == '"' || *v == '\'') && ve[-1] == *v) {
                v++;
                ve--;
            }
            char *key = strndup(k, (size_t)(ke - k)), *val = strndup(v, (size_t)(ve - v));
            if (key && val && *v != '[')
                take_field(r, key, val, 0);
            free(key);
            free(val);
        }
        s = line_end + 1;
    }
}

static pthread_once_t extensions_once = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
    CM(cmark_gfm_core_extensions_ensure_registered)();
}

/* Markdown to HTML; raw HTML in the body is kept, since it is only read. */
static char *markdown_to_html(const char *s, size_t len)
{
    pthread_once(&extensions_once, register_extensions);
    int opts = CMARK_OPT_UNSAFE;
    cmark_parser *p = CM(cmark_parser_new)(opts);
    if (!p)
        return NULL;
    cmark_syntax_extension *table = CM(cmark_find_syntax_extension)("table");
    if (table)
        CM(cmark_parser_attach_syntax_extension)(p, table);
    CM(cmark_parser_feed)(p, s, len);
    cmark_node *root = CM(cmark_parser_finish)(p);
    char *html = root ? CM(cmark_render_html)(root, opts, CM(cmark_parser_get_syntax_extensions)(p))
                      : NULL;
    if (root)
        CM(cmark_node_free)(root);
    CM(cmark_parser_free)(p);
    return html;
}

/* Unescaped "|" in a line: an upper bound on its table cells. */
static size_t pipes_in(const char *s, const char *end)
{
    size_t n = 0;
    for (const char *p = s; p < end; p++)
        n += *p == '|' && (p == s || p[-1] != '\\');
    return n;
}

/* A GFM delimiter row: "|", "-", ":" and blanks, with a "-". */
static int delimiter_row(const char *s, const char *end)
{
    int dash = 0;
    for (const char *p = s; p < end; p++) {
        if (!strchr("|-: \t\r", *p))
            return 0;
        dash |= *p == '-';
    }
    return dash;
}

/* cmark-gfm's time grows faster than its input on very long lines and on
 * wide tables (every row is padded to the header's width, so forty lines of
 * "|" under a header of 20,000 cells are 800,000 cells, and minutes). The
 * Markdown read is bounded so time stays linear: no line over the line
 * limit, no table wider than MD_TABLE_COLUMNS_MAX, and no more table cells
 * in all than the text has bytes (a real table writes each cell out).
 * Returns 1, or 0 with why filled. */
#define MD_TABLE_COLUMNS_MAX 256

static int markdown_within_limits(const doc *d, const char *s, size_t len, char *why,
                                  size_t why_len)
{
    const char *end = s + len, *line = s;
    size_t prev_pipes = 0, columns = 0, cells = 0;
    while (line < end) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        const char *line_end = eol ? eol : end;
        size_t n = (size_t)(line_end - line), pipes = pipes_in(line, line_end);
        if (n > d->max_line) {
            snprintf(why, why_len, "a line of %zu bytes, longer than the line limit of %zu", n,
                     d->max_line);
            return 0;
        }
        int blank = strspn(line, " \t\r") >= n;
        if (blank)
            columns = 0; /* a blank line ends a table */
        else if (columns)
            cells += columns;
        else if (prev_pipes && delimiter_row(line, line_end))
            columns = (prev_pipes > pipes ? prev_pipes : pipes) + 1;
        if (columns > MD_TABLE_COLUMNS_MAX) {
            snprintf(why, why_len, "a Markdown table of %zu columns, more than the limit of %d",
                     columns, MD_TABLE_COLUMNS_MAX);
            return 0;
        }
        if (cells > len + 4096) {
            snprintf(why, why_len,
                     "Markdown tables of more cells than the text has bytes (short rows "
                     "are padded to their header's width)");
            return 0;
        }
        prev_pipes = pipes;
        line = line_end + 1;
    }
    return 1;
}

gisa_status extract_post(doc *d, const decoded_text *t, gisa_error *err)
{
    const char *why_not;
    if (!cmark_api_get(&why_not))
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s", d->pub.source_name, why_not);
    const char *end = front_matter_end(t->text, t->len);
    if (!end)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: no front matter", d->pub.source_name);
    const char *fm = t->text + 4;
    post_reader r = {.d = d, .claims_html = BUF_INIT};
    gisa_status st = GISA_OK;
    if (t->text[0] == '+')
        read_toml(&r, fm, (size_t)(end - fm));
    else
        st = read_front_matter(&r, fm, (size_t)(end - fm), err);
    const char *body = end + 3;
    while (body < t->text + t->len && (*body == '\r' || *body == '\n'))
        body++;
    size_t body_len = (size_t)(t->text + t->len - body);
    char why[160];
    if (st == GISA_OK && r.limit_problem[0])
        st = gisa_fail(err, GISA_ERR_INPUT, "%s: front matter: %s", d->pub.source_name,
                       r.limit_problem);
    else if (st == GISA_OK && !markdown_within_limits(d, body, body_len, why, sizeof why))
        st = gisa_fail(err, GISA_ERR_INPUT, "%s: %s", d->pub.source_name, why);
    char *html = st == GISA_OK ? markdown_to_html(body, body_len) : NULL;
    /* the claims first, then the body, read as one page */
    if (html)
        buf_puts(&r.claims_html, html);
    if (st == GISA_OK && (!html || r.markdown_failed || r.claims_html.oom))
        st = gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", d->pub.source_name);
    if (st == GISA_OK)
        st = extract_html_whole(d, r.claims_html.ptr, r.claims_html.len, err);
    free(html);
    buf_free(&r.claims_html);
    return st;
}
