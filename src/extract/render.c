/* render.c - a document as plain text, Markdown or JSON.
 *
 * Every renderer walks the same block list; none of them looks back at the
 * source. Markdown escapes what would otherwise turn text into markup. */
#include <string.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "../util/jsonapi.h"
#include "gisa.h"
#include "render.h"

static const char *block_kind_name(gisa_block_kind k)
{
    switch (k) {
    case GISA_BLOCK_HEADING: return "heading";
    case GISA_BLOCK_PARAGRAPH: return "paragraph";
    case GISA_BLOCK_LIST: return "list";
    case GISA_BLOCK_TABLE: return "table";
    case GISA_BLOCK_IMAGE: return "image";
    case GISA_BLOCK_QUOTE: return "quote";
    case GISA_BLOCK_CODE: return "code";
    }
    return "paragraph";
}

/* ------------------------------------------------------------ text */

static void text_block(buf *b, const gisa_block *bl)
{
    switch (bl->kind) {
    case GISA_BLOCK_LIST:
        for (size_t i = 0; i < bl->nitems; i++) {
            buf_puts(b, bl->items[i]);
            buf_putc(b, '\n');
        }
        break;
    case GISA_BLOCK_TABLE:
        for (size_t i = 0; i < bl->nitems; i++) {
            buf_puts(b, bl->items[i]);
            buf_putc(b, (i + 1) % bl->ncols ? '\t' : '\n');
        }
        break;
    case GISA_BLOCK_IMAGE:
        if (!bl->text || !*bl->text)
            return;
        buf_puts(b, bl->text);
        buf_putc(b, '\n');
        break;
    default:
        buf_puts(b, bl->text);
        buf_putc(b, '\n');
    }
}

static void render_text(const gisa_document *d, buf *b)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        size_t before = b->len;
        if (b->len)
            buf_putc(b, '\n');
        size_t mark = b->len;
        text_block(b, &d->blocks[i]);
        if (b->len == mark)
            b->len = before; /* block gave no text: no separator either */
    }
    if (b->ptr)
        b->ptr[b->len] = '\0';
}

/* -------------------------------------------------------- markdown */

/* Where escaped text goes: a line break is written differently in each. */
enum { MD_TEXT, MD_TABLE, MD_QUOTE };

/* Escape characters that Markdown would read as markup. */
static void md_escape(buf *b, const char *s, int where)
{
    static const char *const line_break[] = {"  \n", "<br>", "  \n> "};
    int in_table = where == MD_TABLE;
    int line_start = 1;
    for (; *s; s++) {
        char c = *s;
        if (c == '\n') {
            buf_puts(b, line_break[where]);
            line_start = 1;
            continue;
        }
        /* Every template and extension syntax of the site generators
         * starts with "{": Liquid ("{{", "{%"), Hugo's shortcodes ("{{<",
         * "{{%"), kramdown's attribute lists and extensions ("{:",
         * "{::nomarkdown}"). Liquid and Hugo read the file before any
         * Markdown parser, so a backslash would not stop them; the entity
         * stops all three, and every Markdown reader shows it as "{". */
        if (c == '{') {
            buf_puts(b, "&#123;");
            line_start = 0;
            continue;
        }
        /* Quotes, "..." and "--" are escaped too: site generators'
         * typographers (kramdown, goldmark) would otherwise turn them into
         * curly quotes and dashes, and the text would no longer be the
         * source's. */
        if (strchr("\\`*_[]<>'\"&", c) || (in_table && c == '|') ||
            (line_start && strchr("#+-=>!|", c)) ||
            (c == '.' && s[1] == '.' && s[2] == '.') || (c == '-' && s[1] == '-') ||
            (c == '$' && s[1] == '$')) /* kramdown's math: "$$x$$" would show as "\(x\)" */
            buf_putc(b, '\\');
        else if (line_start && c >= '0' && c <= '9') {
            const char *p = s;
            while (*p >= '0' && *p <= '9')
                p++;
            if ((*p == '.' || *p == ')') && (p[1] == ' ' || !p[1])) {
                buf_append(b, s, (size_t)(p - s));
                buf_putc(b, '\\');
                s = p - 1;
                line_start = 0;
                continue;
            }
        }
        buf_putc(b, c);
        line_start = 0;
    }
}

static void md_row(buf *b, const char *const *cells, size_t cols)
{
    buf_putc(b, '|');
    for (size_t c = 0; c < cols; c++) {
        buf_putc(b, ' ');
        md_escape(b, cells ? cells[c] : "", MD_TABLE);
        buf_puts(b, " |");
    }
    buf_putc(b, '\n');
}

/* GFM tables need a header row; a table without one gets an empty one. */
static void md_table(buf *b, const gisa_block *bl)
{
    size_t cols = bl->ncols, rows = bl->nitems / cols, r = 0;
    md_row(b, bl->level ? bl->items : NULL, cols);
    r = bl->level ? 1 : 0;
    buf_putc(b, '|');
    for (size_t c = 0; c < cols; c++)
        buf_puts(b, " --- |");
    buf_putc(b, '\n');
    for (; r < rows; r++)
        md_row(b, bl->items + r * cols, cols);
}

void render_markdown_text(buf *b, const char *text)
{
    md_escape(b, text, MD_TEXT);
}

/* Entities and backslashes do not work inside link destinations and
 * autolinks, so the characters that would end one, or open a template
 * tag ("{{", "{%"), are percent-encoded: the same URL to a web server. */
void render_markdown_url(buf *b, const char *url)
{
    for (const char *p = url; *p; p++) {
        if (*p == ' ')
            buf_puts(b, "%20");
        else if (strchr("(){}<>", *p))
            buf_printf(b, "%%%02X", (unsigned char)*p);
        else
            buf_putc(b, *p);
    }
}

int has_template_syntax(const char *s)
{
    for (const char *p = s; p && (p = strchr(p, '{')); p++)
        if (p[1] == '{' || p[1] == '%')
            return 1;
    return 0;
}

/* A fenced code block whose fence is longer than any run of backticks in
 * the code, so the code cannot close it early. */
static void code_fence(buf *b, const char *code)
{
    size_t longest = 0, run = 0;
    for (const char *p = code; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        longest = run > longest ? run : longest;
    }
    size_t n = longest >= 3 ? longest + 1 : 3;
    for (size_t i = 0; i < n; i++)
        buf_putc(b, '`');
    buf_putc(b, '\n');
    buf_puts(b, code);
    buf_putc(b, '\n');
    for (size_t i = 0; i < n; i++)
        buf_putc(b, '`');
    buf_putc(b, '\n');
}

void render_markdown_block(buf *b, const gisa_block *bl)
{
    switch (bl->kind) {
    case GISA_BLOCK_HEADING:
        for (int i = 0; i < (bl->level >= 1 && bl->level <= 6 ? bl->level : 2); i++)
            buf_putc(b, '#');
        buf_putc(b, ' ');
        md_escape(b, bl->text, MD_TEXT);
        buf_putc(b, '\n');
        break;
    case GISA_BLOCK_LIST:
        for (size_t i = 0; i < bl->nitems; i++) {
            if (bl->level)
                buf_printf(b, "%zu. ", i + 1);
            else
                buf_puts(b, "- ");
            md_escape(b, bl->items[i], MD_TEXT);
            buf_putc(b, '\n');
        }
        break;
    case GISA_BLOCK_TABLE:
        md_table(b, bl);
        break;
    case GISA_BLOCK_IMAGE:
        buf_puts(b, "![");
        md_escape(b, bl->text && *bl->text ? bl->text : bl->alt ? bl->alt : "", MD_TEXT);
        buf_puts(b, "](");
        render_markdown_url(b, bl->url ? bl->url : "");
        buf_puts(b, ")\n");
        break;
    case GISA_BLOCK_QUOTE:
        /* escaped like any text: a quoted "<tag>" must stay text */
        buf_puts(b, "> ");
        md_escape(b, bl->text, MD_QUOTE);
        buf_putc(b, '\n');
        break;
    case GISA_BLOCK_CODE:
        /* Liquid and Hugo expand "{{" and "{%" inside fences too, and an
         * entity there would show as itself: code holding them is
         * written as escaped lines instead (monospace is lost, the text
         * is not). */
        if (has_template_syntax(bl->text)) {
            md_escape(b, bl->text, MD_TEXT);
            buf_putc(b, '\n');
        } else {
            code_fence(b, bl->text);
        }
        break;
    case GISA_BLOCK_PARAGRAPH:
        md_escape(b, bl->text, MD_TEXT);
        buf_putc(b, '\n');
        break;
    }
}

static void render_markdown(const gisa_document *d, buf *b)
{
    if (d->title) {
        buf_puts(b, "# ");
        md_escape(b, d->title, MD_TEXT);
        buf_putc(b, '\n');
    }
    for (size_t i = 0; i < d->nblocks; i++) {
        if (b->len)
            buf_putc(b, '\n');
        render_markdown_block(b, &d->blocks[i]);
    }
}

/* ------------------------------------------------------------ json */

static void put_str(json_object *o, const char *key, const char *v)
{
    json_object_object_add(o, key, v ? json_object_new_string(v) : NULL);
}

static json_object *json_block(const gisa_block *bl)
{
    json_object *o = json_object_new_object();
    put_str(o, "type", block_kind_name(bl->kind));
    if (bl->kind == GISA_BLOCK_HEADING)
        json_object_object_add(o, "level", json_object_new_int(bl->level));
    if (bl->kind == GISA_BLOCK_LIST)
        json_object_object_add(o, "ordered", json_object_new_boolean(bl->level));
    if (bl->text)
        put_str(o, "text", bl->text);
    if (bl->url)
        put_str(o, "url", bl->url);
    if (bl->kind == GISA_BLOCK_LIST) {
        json_object *items = json_object_new_array();
        for (size_t i = 0; i < bl->nitems; i++)
            json_object_array_add(items, json_object_new_string(bl->items[i]));
        json_object_object_add(o, "items", items);
    } else if (bl->kind == GISA_BLOCK_TABLE) {
        json_object_object_add(o, "header", json_object_new_boolean(bl->level));
        json_object *rows = json_object_new_array();
        for (size_t r = 0; r * bl->ncols < bl->nitems; r++) {
            json_object *row = json_object_new_array();
            for (size_t c = 0; c < bl->ncols; c++)
                json_object_array_add(row, json_object_new_string(bl->items[r * bl->ncols + c]));
            json_object_array_add(rows, row);
        }
        json_object_object_add(o, "rows", rows);
    }
    json_object_object_add(o, "offset", json_object_new_int64((int64_t)bl->offset));
    return o;
}

json_object *render_json_object(const gisa_document *d)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    put_str(o, "source", d->source_name);
    put_str(o, "encoding", d->encoding);
    put_str(o, "url", d->url);
    put_str(o, "title", d->title);
    put_str(o, "date", d->date);
    put_str(o, "author", d->author);
    put_str(o, "publisher", d->publisher);
    put_str(o, "site_name", d->site_name);
    put_str(o, "lang", d->lang);
    put_str(o, "license", d->license);
    put_str(o, "license_text", d->license_text);
    if (d->department) /* documents' release metadata: other outputs stay the same */
        put_str(o, "department", d->department);
    if (d->contact)
        put_str(o, "contact", d->contact);
    if (d->nattachments) { /* only when there are some: older outputs stay the same */
        json_object *files = json_object_new_array();
        for (size_t i = 0; i < d->nattachments; i++) {
            json_object *f = json_object_new_object();
            put_str(f, "url", d->attachments[i].url);
            put_str(f, "name", d->attachments[i].name);
            json_object_array_add(files, f);
        }
        json_object_object_add(o, "attachments", files);
    }
    static const char *const inputs[] = {"auto", "html", "text", "post", "hwp", "hwpx", "pdf"};
    put_str(o, "input", inputs[d->input <= GISA_INPUT_PDF ? d->input : 0]);
    buf text = BUF_INIT;
    render_text(d, &text);
    put_str(o, "text", text.ptr ? text.ptr : "");
    buf_free(&text);
    json_object *blocks = json_object_new_array();
    for (size_t i = 0; i < d->nblocks; i++)
        json_object_array_add(blocks, json_block(&d->blocks[i]));
    json_object_object_add(o, "blocks", blocks);
    return o;
}

static int render_json(const gisa_document *d, buf *b)
{
    json_object *o = render_json_object(d);
    if (!o)
        return 0;
    const char *s = json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
    buf_puts(b, s);
    buf_putc(b, '\n');
    json_object_put(o);
    return 1;
}

gisa_status gisa_render(const gisa_document *d, gisa_format format, char **out,
                        size_t *len, gisa_error *err)
{
    *out = NULL;
    buf b = BUF_INIT;
    switch (format) {
    case GISA_FORMAT_TEXT:
        render_text(d, &b);
        break;
    case GISA_FORMAT_MARKDOWN:
        render_markdown(d, &b);
        break;
    case GISA_FORMAT_JSON:
        if (!render_json(d, &b))
            b.oom = 1;
        break;
    default:
        return gisa_fail(err, GISA_ERR_USAGE, "unknown output format");
    }
    size_t n = 0;
    *out = buf_detach(&b, &n);
    if (!*out)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory while rendering",
                         d->source_name ? d->source_name : "document");
    if (len)
        *len = n;
    return GISA_OK;
}
