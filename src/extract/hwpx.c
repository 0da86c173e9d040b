/* hwpx.c - HWPX (OWPML, KS X 6101): a zip of XML parts.
 *
 * Contents/content.hpf names the sections (Contents/section0.xml ...) and
 * holds the document's properties; each section is a list of paragraphs
 * (hp:p) whose runs (hp:run) hold text (hp:t) and objects: tables
 * (hp:tbl/hp:tr/hp:tc), headers and footers, notes and text boxes, each
 * with paragraphs of its own in an hp:subList. A paragraph's text comes
 * first, then the objects anchored in it, which is their reading order.
 *
 * libzip reads the zip from memory and libxml2 the XML (no network, no
 * entities). Every part is read in chunks against one budget, so a zip
 * bomb stops at --max-bytes whatever the sizes its directory claims. */
#include <stdio.h>
#include <string.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "../util/xmlapi.h"
#include "office.h"
#include "zipapi.h"

typedef struct hwpx {
    office_out *o;
    zip_t *zip;
    gisa_error *err;
    size_t nodes; /* elements walked, against the node limit */
} hwpx;

static gisa_status too_large(hwpx *h)
{
    return gisa_fail(h->err, GISA_ERR_INPUT,
                     "%s: decompressed HWPX parts are larger than the limit of %zu bytes",
                     h->o->label, h->o->max);
}

/* Read the part `name` whole into out; a missing part is GISA_OK with
 * *found = 0. Encrypted parts are refused with the reason. */
static gisa_status read_part(hwpx *h, const char *name, buf *out, int *found)
{
    *found = 0;
    zip_int64_t idx = ZP(zip_name_locate)(h->zip, name, 0);
    if (idx < 0)
        return GISA_OK;
    zip_file_t *f = ZP(zip_fopen_index)(h->zip, (zip_uint64_t)idx, 0);
    if (!f) {
        int ze = ZP(zip_error_code_zip)(ZP(zip_get_error)(h->zip));
        if (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_ENCRNOTSUPP || ze == ZIP_ER_WRONGPASSWD)
            return gisa_fail(h->err, GISA_ERR_INPUT,
                             "%s: the HWPX document is encrypted (password-protected)",
                             h->o->label);
        return gisa_fail(h->err, GISA_ERR_INPUT, "%s: cannot read the HWPX part %s: %s",
                         h->o->label, name, ZP(zip_strerror)(h->zip));
    }
    gisa_status st = GISA_OK;
    char chunk[65536];
    for (;;) {
        zip_int64_t n = ZP(zip_fread)(f, chunk, sizeof chunk);
        if (n < 0) {
            st = gisa_fail(h->err, GISA_ERR_INPUT, "%s: corrupt HWPX part %s: %s",
                           h->o->label, name, ZP(zip_file_strerror)(f));
            break;
        }
        if (n == 0)
            break;
        if ((size_t)n > h->o->budget) {
            st = too_large(h);
            break;
        }
        h->o->budget -= (size_t)n;
        buf_append(out, chunk, (size_t)n);
        if (out->oom) {
            st = gisa_fail(h->err, GISA_ERR_NOMEM, "%s: out of memory", h->o->label);
            break;
        }
    }
    ZP(zip_fclose)(f);
    *found = st == GISA_OK;
    return st;
}

static xmlDoc *parse_xml(hwpx *h, const char *name, const buf *b)
{
    if (!b->len || b->len > (size_t)INT32_MAX) {
        gisa_fail(h->err, GISA_ERR_INPUT, "%s: the HWPX part %s is empty", h->o->label, name);
        return NULL;
    }
    xmlDoc *x = xmlReadMemory(b->ptr, (int)b->len, NULL, "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                  XML_PARSE_NOCDATA);
    if (!x || !xmlDocGetRootElement(x)) {
        xmlFreeDoc(x);
        gisa_fail(h->err, GISA_ERR_INPUT, "%s: the HWPX part %s is not well-formed XML",
                  h->o->label, name);
        return NULL;
    }
    return x;
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const char *attr(hwpx *h, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = arena_strdup(&h->o->d->mem, (const char *)v);
    xmlFree(v);
    return s;
}

static size_t attr_num(hwpx *h, xmlNode *n, const char *name, size_t dflt)
{
    const char *v = attr(h, n, name);
    if (!v || *v < '0' || *v > '9')
        return dflt;
    size_t x = 0;
    for (; *v >= '0' && *v <= '9' && x < 100000000; v++)
        x = x * 10 + (size_t)(*v - '0');
    return x;
}

/* ------------------------------------------------------------ sections */

static gisa_status walk(hwpx *h, xmlNode *parent);
static gisa_status table(hwpx *h, xmlNode *tbl);

static gisa_status count_node(hwpx *h)
{
    if (++h->nodes > h->o->d->max_nodes)
        return gisa_fail(h->err, GISA_ERR_INPUT, "%s: more than %zu elements (the node limit)",
                         h->o->label, h->o->d->max_nodes);
    return GISA_OK;
}

/* The text of an hp:t: character data, with tabs, line breaks and the
 * special spaces as elements among it. */
static void text_of(xmlNode *t, buf *out)
{
    for (xmlNode *c = t->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            buf_puts(out, (const char *)c->content);
        else if (is(c, "tab"))
            buf_putc(out, '\t');
        else if (is(c, "lineBreak"))
            buf_putc(out, '\n');
        else if (is(c, "nbSpace") || is(c, "fwSpace"))
            buf_putc(out, ' ');
        else if (is(c, "hyphen"))
            buf_putc(out, '-');
        else if (c->type == XML_ELEMENT_NODE)
            text_of(c, out); /* change tracking and marks wrap text too */
    }
}

/* An auto-number (hp:autoNum: a page, note, table or picture number) as
 * printed: its number, and for notes the suffix of its format ("1)"). */
static void auto_number(hwpx *h, xmlNode *n, buf *out)
{
    const char *num = attr(h, n, "num"), *type = attr(h, n, "numType");
    if (!num)
        return;
    buf_puts(out, num);
    if (!type || (strcmp(type, "FOOTNOTE") && strcmp(type, "ENDNOTE")))
        return;
    for (xmlNode *f = n->children; f; f = f->next)
        if (is(f, "autoNumFormat")) {
            const char *suffix = attr(h, f, "suffixChar");
            if (suffix)
                buf_puts(out, suffix);
        }
}

/* The first auto-number under n (a note's own number, in its text). */
static xmlNode *first_auto_number(xmlNode *n, unsigned depth)
{
    for (xmlNode *c = n->children; c && depth < 16; c = c->next) {
        if (is(c, "autoNum"))
            return c;
        xmlNode *found = c->type == XML_ELEMENT_NODE ? first_auto_number(c, depth + 1) : NULL;
        if (found)
            return found;
    }
    return NULL;
}

/* What a control shows in the line: an auto-number's number, a note's
 * reference (the number its note carries). */
static void control_text(hwpx *h, xmlNode *ctrl, buf *out)
{
    for (xmlNode *c = ctrl->children; c; c = c->next) {
        if (is(c, "autoNum")) {
            auto_number(h, c, out);
        } else if (is(c, "footNote") || is(c, "endNote")) {
            xmlNode *num = first_auto_number(c, 0);
            if (num)
                auto_number(h, num, out);
        }
    }
}

/* A paragraph: its runs' text as one block, then the objects in its runs
 * (tables, boxes, notes, headers), each read as nested paragraphs. */
static gisa_status paragraph(hwpx *h, xmlNode *p)
{
    buf text = BUF_INIT;
    for (xmlNode *run = p->children; run; run = run->next)
        if (is(run, "run"))
            for (xmlNode *c = run->children; c; c = c->next) {
                if (is(c, "t"))
                    text_of(c, &text);
                else if (is(c, "ctrl"))
                    control_text(h, c, &text);
            }
    if (text.oom) {
        buf_free(&text);
        return gisa_fail(h->err, GISA_ERR_NOMEM, "%s: out of memory", h->o->label);
    }
    office_paragraph(h->o, text.ptr ? text.ptr : "", text.len);
    buf_free(&text);
    gisa_status st = GISA_OK;
    for (xmlNode *run = p->children; run && st == GISA_OK; run = run->next)
        if (is(run, "run"))
            for (xmlNode *c = run->children; c && st == GISA_OK; c = c->next)
                if (c->type == XML_ELEMENT_NODE && !is(c, "t"))
                    st = is(c, "tbl") ? table(h, c) : walk(h, c);
    return st;
}

static gisa_status table_cell(hwpx *h, office_table *t, xmlNode *tc, size_t row, size_t col)
{
    for (xmlNode *c = tc->children; c; c = c->next)
        if (is(c, "cellAddr")) {
            row = attr_num(h, c, "rowAddr", row);
            col = attr_num(h, c, "colAddr", col);
        }
    office_table_cell(h->o, t, row, col);
    gisa_status st = GISA_OK;
    for (xmlNode *c = tc->children; c && st == GISA_OK; c = c->next)
        if (is(c, "subList"))
            st = walk(h, c);
    return st;
}

static gisa_status table(hwpx *h, xmlNode *tbl)
{
    gisa_status st = office_enter(h->o, h->err);
    if (st != GISA_OK)
        return st;
    for (xmlNode *c = tbl->children; c && st == GISA_OK; c = c->next)
        if (is(c, "caption"))
            st = walk(h, c);
    office_table t;
    if (st == GISA_OK)
        st = office_table_begin(h->o, &t, attr_num(h, tbl, "rowCnt", 0),
                                attr_num(h, tbl, "colCnt", 0), h->err);
    if (st != GISA_OK) {
        office_leave(h->o);
        return st;
    }
    size_t row = 0;
    for (xmlNode *tr = tbl->children; tr && st == GISA_OK; tr = tr->next) {
        if (!is(tr, "tr"))
            continue;
        size_t col = 0;
        for (xmlNode *tc = tr->children; tc && st == GISA_OK; tc = tc->next)
            if (is(tc, "tc"))
                st = table_cell(h, &t, tc, row, col++);
        row++;
    }
    office_table_end(h->o, &t);
    office_leave(h->o);
    return st;
}

/* Everything under `parent` in document order: paragraphs, tables, and
 * whatever holds them (sections, sub-lists, boxes, notes). */
static gisa_status walk(hwpx *h, xmlNode *parent)
{
    gisa_status st = GISA_OK;
    for (xmlNode *n = parent->children; n && st == GISA_OK; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if ((st = count_node(h)) != GISA_OK)
            break;
        if (is(n, "p"))
            st = paragraph(h, n);
        else if (is(n, "tbl"))
            st = table(h, n);
        else if (!is(n, "linesegarray") && !is(n, "secPr"))
            st = walk(h, n);
    }
    return st;
}

static gisa_status read_section(hwpx *h, const char *name, int *found)
{
    buf b = BUF_INIT;
    gisa_status st = read_part(h, name, &b, found);
    if (st == GISA_OK && *found) {
        xmlDoc *x = parse_xml(h, name, &b);
        st = x ? walk(h, xmlDocGetRootElement(x)) : GISA_ERR_INPUT;
        xmlFreeDoc(x);
    }
    buf_free(&b);
    return st;
}

/* ------------------------------------------------- content.hpf, metadata */

static const char *node_text(hwpx *h, xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    if (!v)
        return NULL;
    char *s = text_clean_dup(&h->o->d->mem, (const char *)v, strlen((const char *)v), 0);
    xmlFree(v);
    return s && *s ? s : NULL;
}

/* "2019-09-14T03:22:19Z" -> "2019-09-14" */
static const char *iso_day(hwpx *h, const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return NULL;
    return arena_strndup(&h->o->d->mem, s, 10);
}

static void read_metadata(hwpx *h, xmlNode *meta)
{
    office_props *p = &h->o->props;
    for (xmlNode *n = meta->children; n; n = n->next) {
        if (is(n, "title")) {
            p->title = node_text(h, n);
        } else if (is(n, "creator")) {
            p->author = node_text(h, n);
        } else if (is(n, "meta")) {
            const char *name = attr(h, n, "name");
            if (!name)
                continue;
            if (!strcmp(name, "creator"))
                p->author = node_text(h, n);
            else if (!strcmp(name, "subject"))
                p->subject = node_text(h, n);
            else if (!strcmp(name, "CreatedDate"))
                p->date = iso_day(h, node_text(h, n));
        }
    }
}

/* The section parts in reading order: the spine's order of the manifest
 * items that are sections. Fills names (arena) and returns how many. */
static size_t section_names(hwpx *h, xmlNode *pkg, const char ***names)
{
    xmlNode *manifest = NULL, *spine = NULL;
    for (xmlNode *n = pkg->children; n; n = n->next) {
        if (is(n, "metadata"))
            read_metadata(h, n);
        else if (is(n, "manifest"))
            manifest = n;
        else if (is(n, "spine"))
            spine = n;
    }
    size_t cap = 0, count = 0;
    for (xmlNode *n = manifest ? manifest->children : NULL; n; n = n->next)
        cap += is(n, "item");
    *names = cap ? arena_calloc(&h->o->d->mem, cap, sizeof **names) : NULL;
    if (!*names)
        return 0;
    /* Spine order first; items the spine leaves out keep manifest order. */
    for (int pass = 0; pass < 2; pass++) {
        xmlNode *list = pass == 0 ? spine : manifest;
        for (xmlNode *n = list ? list->children : NULL; n && count < cap; n = n->next) {
            const char *id = attr(h, n, pass == 0 ? "idref" : "id");
            if (!id)
                continue;
            for (xmlNode *it = manifest->children; it; it = it->next) {
                const char *iid = is(it, "item") ? attr(h, it, "id") : NULL;
                const char *href = iid && !strcmp(iid, id) ? attr(h, it, "href") : NULL;
                if (!href || !strstr(href, "section") || !strstr(href, ".xml"))
                    continue;
                size_t k = 0;
                while (k < count && strcmp((*names)[k], href))
                    k++;
                if (k == count)
                    (*names)[count++] = href;
                break;
            }
        }
    }
    return count;
}

/* The manifest of an encrypted HWPX describes each part's encryption. */
static gisa_status refuse_encrypted(hwpx *h)
{
    buf b = BUF_INIT;
    int found;
    gisa_status st = read_part(h, "META-INF/manifest.xml", &b, &found);
    if (st == GISA_OK && found && b.len && memmem(b.ptr, b.len, "encryption-data", 15))
        st = gisa_fail(h->err, GISA_ERR_INPUT,
                       "%s: the HWPX document is encrypted (password-protected)",
                       h->o->label);
    buf_free(&b);
    return st;
}

static gisa_status read_sections(hwpx *h)
{
    buf b = BUF_INIT;
    int found;
    const char **names = NULL;
    size_t n = 0;
    gisa_status st = read_part(h, "Contents/content.hpf", &b, &found);
    if (st == GISA_OK && found) {
        xmlDoc *x = parse_xml(h, "Contents/content.hpf", &b);
        if (!x)
            st = GISA_ERR_INPUT;
        else
            n = section_names(h, xmlDocGetRootElement(x), &names);
        xmlFreeDoc(x);
    }
    buf_free(&b);
    for (size_t i = 0; i < n && st == GISA_OK; i++) {
        st = read_section(h, names[i], &found);
        if (st == GISA_OK && !found)
            st = gisa_fail(h->err, GISA_ERR_INPUT, "%s: the HWPX section %s is missing",
                           h->o->label, names[i]);
    }
    if (st != GISA_OK || n)
        return st;
    /* No usable content.hpf: the sections by their conventional names. */
    for (size_t i = 0; st == GISA_OK; i++) {
        char name[48];
        snprintf(name, sizeof name, "Contents/section%zu.xml", i);
        st = read_section(h, name, &found);
        if (!found) {
            if (st == GISA_OK && i == 0)
                st = gisa_fail(h->err, GISA_ERR_INPUT, "%s: an HWPX document with no sections",
                               h->o->label);
            break;
        }
    }
    return st;
}

gisa_status extract_hwpx(office_out *o, const unsigned char *data, size_t len,
                         gisa_error *err)
{
    const char *why;
    if (!zip_api_get(&why) || !xml_api_get(&why))
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s", o->label, why);
    zip_error_t ze;
    ZP(zip_error_init)(&ze);
    zip_source_t *src = ZP(zip_source_buffer_create)(data, len, 0, &ze);
    zip_t *z = src ? ZP(zip_open_from_source)(src, ZIP_RDONLY, &ze) : NULL;
    if (!z) {
        gisa_status st = gisa_fail(err, GISA_ERR_INPUT, "%s: not a readable zip (HWPX): %s",
                                   o->label, ZP(zip_error_strerror)(&ze));
        ZP(zip_source_free)(src);
        ZP(zip_error_fini)(&ze);
        return st;
    }
    ZP(zip_error_fini)(&ze);
    hwpx h = {.o = o, .zip = z, .err = err};
    gisa_status st = refuse_encrypted(&h);
    if (st == GISA_OK)
        st = read_sections(&h);
    ZP(zip_discard)(z); /* frees the source too */
    return st;
}
