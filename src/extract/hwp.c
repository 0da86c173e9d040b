/* hwp.c - HWP 5.x, the word processor's binary format.
 *
 * An OLE2 compound file (read with libgsf): "FileHeader" says whether the
 * streams are compressed and whether the document is encrypted or a
 * distribution copy (배포용 문서, whose text is in an encrypted "ViewText"
 * instead of "BodyText"); "BodyText/Section0..N" hold the text as a
 * sequence of records, raw-deflated when compressed; "\005HwpSummary
 * Information" is an OLE property set (title, author, dates).
 *
 * A record is a 32-bit header (tag 10 bits, level 10 bits, size 12 bits;
 * size 0xFFF means a 32-bit size follows) and its bytes. Levels make a
 * tree: a paragraph (PARA_HEADER) has its text (PARA_TEXT) and the
 * controls anchored in it (CTRL_HEADER) one level down; a control's own
 * paragraphs (table cells, after LIST_HEADERs; header, footer, note and
 * text-box paragraphs) further down. The reader walks the records once,
 * in order, so nesting costs no more than the records themselves. */
#include <stdlib.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "../util/zapi.h"
#include "gsfapi.h"
#include "office.h"

enum {
    TAG_BEGIN = 0x10,
    TAG_PARA_HEADER = TAG_BEGIN + 50,
    TAG_PARA_TEXT = TAG_BEGIN + 51,
    TAG_CTRL_HEADER = TAG_BEGIN + 55,
    TAG_LIST_HEADER = TAG_BEGIN + 56,
    TAG_TABLE = TAG_BEGIN + 61,
};

/* Control ids are four characters read as a little-endian number. */
#define CTRL_ID(a, b, c, d) \
    ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (uint32_t)(d))
#define CTRL_TABLE CTRL_ID('t', 'b', 'l', ' ')

enum { FLAG_COMPRESSED = 1, FLAG_PASSWORD = 2, FLAG_DISTRIBUTION = 4 };

typedef struct record {
    unsigned tag, level;
    const unsigned char *data;
    size_t size;
} record;

typedef struct hwp {
    office_out *o;
    gisa_error *err;
    const char *stream; /* the section being read, for messages */
    record *rec;
    size_t nrec;
    buf text; /* scratch for one paragraph's text */
} hwp;

static uint32_t le16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
    return le16(p) | le16(p + 2) << 16;
}

/* ------------------------------------------------------------- streams */

/* Read a whole OLE stream, against the decompression budget (a stream's
 * size is what the file claims, so it is checked before reading). */
static gisa_status read_stream(office_out *o, GsfInput *in, const char *name, buf *out,
                               gisa_error *err)
{
    gsf_off_t size = GS(gsf_input_size)(in);
    if (size < 0 || (guint64)size > o->budget)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: the HWP stream %s is larger than the limit of %zu bytes",
                         o->label, name, o->max);
    o->budget -= (size_t)size;
    if (size == 0)
        return GISA_OK;
    if (!buf_reserve(out, (size_t)size))
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", o->label);
    if (!GS(gsf_input_read)(in, (size_t)size, (guint8 *)out->ptr))
        return gisa_fail(err, GISA_ERR_INPUT, "%s: the HWP stream %s is truncated",
                         o->label, name);
    out->len = (size_t)size;
    return GISA_OK;
}

/* Raw deflate (no zlib header), as HWP compresses its streams; the output
 * is bounded by the budget, which is what stops a deflate bomb. */
static gisa_status inflate_stream(office_out *o, const char *name, const buf *in, buf *out,
                                  gisa_error *err)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -15) != Z_OK)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: cannot start inflate", o->label);
    z.next_in = (unsigned char *)in->ptr;
    z.avail_in = (uInt)in->len;
    gisa_status st = GISA_OK;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (out->cap - out->len < 4097 && !buf_reserve(out, out->len < 65536 ? 65536 : out->len)) {
            st = gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", o->label);
            break;
        }
        size_t room = out->cap - out->len - 1;
        if (room > o->budget + 1)
            room = o->budget + 1;
        if (room > 1u << 30)
            room = 1u << 30;
        z.next_out = (unsigned char *)out->ptr + out->len;
        z.avail_out = (uInt)room;
        rc = inflate(&z, Z_NO_FLUSH);
        size_t got = room - z.avail_out;
        out->len += got;
        if (got > o->budget) {
            st = gisa_fail(err, GISA_ERR_INPUT,
                           "%s: the HWP stream %s decompresses to more than the limit of %zu bytes",
                           o->label, name, o->max);
            break;
        }
        o->budget -= got;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            st = gisa_fail(err, GISA_ERR_INPUT, "%s: the HWP stream %s is truncated",
                           o->label, name);
            break;
        }
        if (rc != Z_OK && rc != Z_STREAM_END) {
            st = gisa_fail(err, GISA_ERR_INPUT, "%s: corrupt compressed data in %s (%s)",
                           o->label, name, z.msg ? z.msg : "inflate failed");
            break;
        }
    }
    inflateEnd(&z);
    return st;
}

/* ------------------------------------------------------------- records */

static gisa_status split_records(hwp *h, const buf *b)
{
    h->nrec = 0;
    h->rec = NULL;
    if (!b->len)
        return GISA_OK; /* an empty section (its buffer never allocated) */
    const unsigned char *p = (const unsigned char *)b->ptr, *end = p + b->len;
    size_t cap = b->len / 4 + 1;
    h->rec = malloc(cap * sizeof *h->rec);
    if (!h->rec)
        return gisa_fail(h->err, GISA_ERR_NOMEM, "%s: out of memory", h->o->label);
    h->nrec = 0;
    while (p < end) {
        if (end - p < 4)
            return gisa_fail(h->err, GISA_ERR_INPUT, "%s: %s: a truncated record header",
                             h->o->label, h->stream);
        uint32_t head = le32(p);
        p += 4;
        size_t size = head >> 20;
        if (size == 0xFFF) {
            if (end - p < 4)
                return gisa_fail(h->err, GISA_ERR_INPUT, "%s: %s: a truncated record header",
                                 h->o->label, h->stream);
            size = le32(p);
            p += 4;
        }
        if (size > (size_t)(end - p))
            return gisa_fail(h->err, GISA_ERR_INPUT,
                             "%s: %s: a record of %zu bytes with %zu left (truncated stream)",
                             h->o->label, h->stream, size, (size_t)(end - p));
        h->rec[h->nrec++] = (record){head & 0x3FF, head >> 10 & 0x3FF, p, size};
        p += size;
    }
    return GISA_OK;
}

/* The number an auto-number or a note's reference shows ("1", "2)"), as
 * the word processor prints it; nothing for other controls. The control
 * header holds it: 'atno' a 16-bit number after its properties, with a
 * suffix character for notes; 'fn  ' and 'en  ' a 32-bit number, then
 * their suffix. */
static void control_number(const record *c, buf *out)
{
    if (!c || c->size < 4)
        return;
    uint32_t id = le32(c->data), n = 0, suffix = 0;
    if (id == CTRL_ID('a', 't', 'n', 'o') && c->size >= 10) {
        n = le16(c->data + 8);
        unsigned type = le32(c->data + 4) & 0xF;
        if ((type == 1 || type == 2) && c->size >= 16)
            suffix = le16(c->data + 14); /* footnote, endnote */
    } else if ((id == CTRL_ID('f', 'n', ' ', ' ') || id == CTRL_ID('e', 'n', ' ', ' ')) &&
               c->size >= 12) {
        n = le32(c->data + 4);
        suffix = le16(c->data + 10);
    } else {
        return;
    }
    if (n == 0)
        return; /* numbers start at 1: a zero is no number to show */
    char digits[16];
    snprintf(digits, sizeof digits, "%u", (unsigned)(n & 0xFFFFFF));
    buf_puts(out, digits);
    if (suffix >= 32 && suffix < 0xD800)
        office_put_cp(out, suffix);
}

/* PARA_TEXT: UTF-16LE where code units below 32 are controls. Character
 * controls take one unit; inline and extended controls (objects, fields,
 * tabs) take eight: the code, six units of parameters, the code again.
 * Each extended control has a control header among the paragraph's
 * records, in the same order: `ctrls` lists them, so auto-numbers and
 * note references print their numbers where they stand. */
static int extended_control(uint32_t u)
{
    return (u >= 1 && u <= 3) || u == 11 || u == 12 || (u >= 14 && u <= 18) ||
           (u >= 21 && u <= 23);
}

static void decode_text(const record *r, const record *const *ctrls, size_t nctrls,
                        buf *out)
{
    size_t n = r->size / 2, k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t u = le16(r->data + 2 * i);
        if (u < 32) {
            if (u == 10)
                buf_putc(out, '\n');
            else if (u == 9)
                buf_putc(out, '\t');
            else if (u == 24)
                buf_putc(out, '-');
            else if (u == 30 || u == 31)
                buf_putc(out, ' ');
            else if (extended_control(u))
                control_number(k < nctrls ? ctrls[k++] : NULL, out);
            if (u != 0 && u != 10 && u != 13 && u < 24)
                i += 7;
            continue;
        }
        if (u >= 0xD800 && u < 0xDC00 && i + 1 < n) {
            uint32_t lo = le16(r->data + 2 * i + 2);
            if (lo >= 0xDC00 && lo < 0xE000) {
                office_put_cp(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                i++;
                continue;
            }
        }
        if (u >= 0xD800 && u < 0xE000)
            continue; /* a lone surrogate stands for nothing */
        office_put_cp(out, u);
    }
}

static gisa_status step(hwp *h, size_t *i);

/* Records under the one at *i (deeper levels), each read by step(). */
static gisa_status children(hwp *h, size_t *i, unsigned level)
{
    gisa_status st = GISA_OK;
    while (st == GISA_OK && *i < h->nrec && h->rec[*i].level > level)
        st = step(h, i);
    return st;
}

/* A paragraph: its text as one block, then the controls anchored in it. */
#define MAX_PARA_CTRLS 64 /* numbered controls beyond these print no number */

static gisa_status paragraph(hwp *h, size_t *i)
{
    unsigned level = h->rec[*i].level;
    (*i)++;
    const record *text = NULL, *ctrls[MAX_PARA_CTRLS];
    size_t nctrls = 0;
    for (size_t j = *i; j < h->nrec && h->rec[j].level > level; j++) {
        const record *r = &h->rec[j];
        if (r->level != level + 1)
            continue;
        if (r->tag == TAG_PARA_TEXT && !text)
            text = r;
        else if (r->tag == TAG_CTRL_HEADER && nctrls < MAX_PARA_CTRLS)
            ctrls[nctrls++] = r;
    }
    buf_reset(&h->text);
    if (text)
        decode_text(text, ctrls, nctrls, &h->text);
    if (h->text.oom)
        return gisa_fail(h->err, GISA_ERR_NOMEM, "%s: out of memory", h->o->label);
    office_paragraph(h->o, h->text.ptr ? h->text.ptr : "", h->text.len);
    return children(h, i, level);
}

/* A table: TABLE gives rows and columns; each cell is a LIST_HEADER whose
 * paragraphs follow it at the same level. A LIST_HEADER before TABLE is
 * the caption's. */
static gisa_status table(hwp *h, size_t *i)
{
    unsigned level = h->rec[*i].level;
    (*i)++;
    gisa_status st = office_enter(h->o, h->err);
    office_table t;
    int begun = 0;
    size_t next_cell = 0;
    while (st == GISA_OK && *i < h->nrec && h->rec[*i].level > level) {
        const record *r = &h->rec[*i];
        if (r->level == level + 1 && r->tag == TAG_TABLE && !begun) {
            if (r->size < 8) {
                st = gisa_fail(h->err, GISA_ERR_INPUT, "%s: %s: a table record of %zu bytes",
                               h->o->label, h->stream, r->size);
                break;
            }
            st = office_table_begin(h->o, &t, le16(r->data + 4), le16(r->data + 6), h->err);
            begun = st == GISA_OK;
            (*i)++;
        } else if (r->level == level + 1 && r->tag == TAG_LIST_HEADER && begun) {
            size_t row = t.cols ? next_cell / t.cols : 0, col = t.cols ? next_cell % t.cols : 0;
            if (r->size >= 12) {
                col = le16(r->data + 8);
                row = le16(r->data + 10);
            }
            office_table_cell(h->o, &t, row, col);
            next_cell++;
            (*i)++;
        } else {
            st = step(h, i);
        }
    }
    if (begun)
        office_table_end(h->o, &t);
    office_leave(h->o);
    return st;
}

static gisa_status step(hwp *h, size_t *i)
{
    const record *r = &h->rec[*i];
    if (r->tag == TAG_PARA_HEADER)
        return paragraph(h, i);
    if (r->tag == TAG_CTRL_HEADER && r->size >= 4 && le32(r->data) == CTRL_TABLE)
        return table(h, i);
    (*i)++;
    return GISA_OK;
}

static gisa_status read_section(hwp *h, GsfInput *in, int compressed)
{
    buf raw = BUF_INIT, plain = BUF_INIT;
    gisa_status st = read_stream(h->o, in, h->stream, &raw, h->err);
    if (st == GISA_OK && compressed && raw.len) {
        st = inflate_stream(h->o, h->stream, &raw, &plain, h->err);
        buf_free(&raw);
        raw = plain;
    }
    if (st == GISA_OK)
        st = split_records(h, &raw);
    size_t i = 0;
    while (st == GISA_OK && i < h->nrec)
        st = step(h, &i);
    free(h->rec);
    h->rec = NULL;
    buf_free(&raw);
    return st;
}

/* ---------------------------------------------------------- properties */

static const char *meta_string(office_out *o, GsfDocMetaData *md, const char *name)
{
    GsfDocProp *p = GS(gsf_doc_meta_data_lookup)(md, name);
    const GValue *v = p ? GS(gsf_doc_prop_get_val)(p) : NULL;
    if (!v || !GS(g_type_check_value_holds)(v, G_TYPE_STRING) || !GS(g_value_get_string)(v))
        return NULL;
    const char *s = GS(g_value_get_string)(v);
    char *clean = text_clean_dup(&o->d->mem, s, strlen(s), 0);
    return clean && *clean ? clean : NULL;
}

static const char *meta_date(office_out *o, GsfDocMetaData *md, const char *name)
{
    GsfDocProp *p = GS(gsf_doc_meta_data_lookup)(md, name);
    const GValue *v = p ? GS(gsf_doc_prop_get_val)(p) : NULL;
    if (!v || !GS(g_type_check_value_holds)(v, GS(gsf_timestamp_get_type)()))
        return NULL;
    GsfTimestamp *ts = GS(g_value_get_boxed)(v);
    if (!ts || ts->timet <= 0)
        return NULL;
    GDateTime *dt = GS(g_date_time_new_from_unix_utc)(ts->timet);
    if (!dt)
        return NULL;
    char day[16];
    snprintf(day, sizeof day, "%04d-%02d-%02d", GS(g_date_time_get_year)(dt),
             GS(g_date_time_get_month)(dt), GS(g_date_time_get_day_of_month)(dt));
    GS(g_date_time_unref)(dt);
    return arena_strdup(&o->d->mem, day);
}

/* HwpSummaryInformation has the layout of an OLE SummaryInformation set
 * under a format id of its own; libgsf names the properties of known ids
 * only (and dumps unknown sections to standard output), so the copy it
 * reads carries the standard id. */
static const unsigned char HWP_SUMMARY_FMTID[16] = {
    0x60, 0xb6, 0xa2, 0x9f, 0x61, 0x10, 0xd4, 0x11,
    0xb4, 0xc6, 0x00, 0x60, 0x97, 0xc0, 0x9d, 0x8c};
static const unsigned char SUMMARY_FMTID[16] = {
    0xe0, 0x85, 0x9f, 0xf2, 0xf9, 0x4f, 0x68, 0x10,
    0xab, 0x91, 0x08, 0x00, 0x2b, 0x27, 0xb3, 0xd9};
#define FMTID_AT 28 /* byte order, version, OS, class id, section count */

/* The properties wanted, from the (small) property set in `set`; a
 * damaged set only loses the fallbacks, never the document. */
static void read_properties(office_out *o, buf *set)
{
    if (set->len < FMTID_AT + 16 || memcmp(set->ptr + FMTID_AT, HWP_SUMMARY_FMTID, 16))
        return;
    memcpy(set->ptr + FMTID_AT, SUMMARY_FMTID, 16);
    GsfInput *in = GS(gsf_input_memory_new)((const guint8 *)set->ptr, (gsf_off_t)set->len, FALSE);
    if (!in)
        return;
    GsfDocMetaData *md = GS(gsf_doc_meta_data_new)();
    GError *e = GS(gsf_doc_meta_data_read_from_msole)(md, in);
    if (!e) {
        o->props.title = meta_string(o, md, GSF_META_NAME_TITLE);
        o->props.author = meta_string(o, md, GSF_META_NAME_CREATOR);
        o->props.subject = meta_string(o, md, GSF_META_NAME_SUBJECT);
        o->props.date = meta_date(o, md, GSF_META_NAME_DATE_CREATED);
    } else {
        GS(g_error_free)(e);
    }
    GS(g_object_unref)(md);
    GS(g_object_unref)(in);
}

#define MAX_SUMMARY ((gsf_off_t)1 << 20) /* a real one is a few hundred bytes */

static void read_summary(office_out *o, GsfInfile *ole)
{
    GsfInput *in = GS(gsf_infile_child_by_name)(ole, "\005HwpSummaryInformation");
    if (!in)
        return;
    buf set = BUF_INIT;
    gisa_error ignored;
    if (GS(gsf_input_size)(in) <= MAX_SUMMARY &&
        read_stream(o, in, "HwpSummaryInformation", &set, &ignored) == GISA_OK)
        read_properties(o, &set);
    buf_free(&set);
    GS(g_object_unref)(in);
}

/* ------------------------------------------------------------ document */

static gisa_status check_header(office_out *o, GsfInfile *ole, int *compressed,
                                gisa_error *err)
{
    GsfInput *in = GS(gsf_infile_child_by_name)(ole, "FileHeader");
    if (!in)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: an OLE2 file with no HWP FileHeader",
                         o->label);
    unsigned char head[40];
    int ok = GS(gsf_input_size)(in) >= 40 && GS(gsf_input_read)(in, 40, head) != NULL;
    GS(g_object_unref)(in);
    if (!ok || memcmp(head, "HWP Document File", 17) != 0)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: the HWP FileHeader is damaged", o->label);
    uint32_t version = le32(head + 32), flags = le32(head + 36);
    if (version >> 24 != 5)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: HWP version %u.%u (only HWP 5 is read)",
                         o->label, version >> 24, version >> 16 & 0xFF);
    if (flags & FLAG_PASSWORD)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: the HWP document is encrypted (password-protected)", o->label);
    if (flags & FLAG_DISTRIBUTION)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: a distribution document (배포용 문서): its text is encrypted (DRM)",
                         o->label);
    *compressed = flags & FLAG_COMPRESSED;
    return GISA_OK;
}

static gisa_status read_body(office_out *o, GsfInfile *ole, int compressed, gisa_error *err)
{
    GsfInput *body = GS(gsf_infile_child_by_name)(ole, "BodyText");
    /* (GSF_IS_INFILE, spelled out: gsfapi.h) */
    if (!body ||
        !GS(g_type_check_instance_is_a)((GTypeInstance *)body, GS(gsf_infile_get_type)())) {
        GsfInput *viewtext = GS(gsf_infile_child_by_name)(ole, "ViewText");
        int view = viewtext != NULL;
        if (viewtext)
            GS(g_object_unref)(viewtext);
        if (body)
            GS(g_object_unref)(body);
        return gisa_fail(err, GISA_ERR_INPUT, view
                             ? "%s: a distribution document (배포용 문서): its text is encrypted (DRM)"
                             : "%s: an HWP document with no BodyText",
                         o->label);
    }
    hwp h = {.o = o, .err = err};
    gisa_status st = GISA_OK;
    int nsections = GS(gsf_infile_num_children)((GsfInfile *)body);
    for (int s = 0; s < nsections && st == GISA_OK; s++) {
        char name[32];
        snprintf(name, sizeof name, "Section%d", s);
        GsfInput *in = GS(gsf_infile_child_by_name)((GsfInfile *)body, name);
        if (!in)
            break; /* sections are numbered from 0 without gaps */
        h.stream = name;
        st = read_section(&h, in, compressed);
        GS(g_object_unref)(in);
    }
    buf_free(&h.text);
    GS(g_object_unref)(body);
    return st;
}

/* libgsf reports a damaged compound file with g_critical() and
 * g_warning() on standard error as well as through the GError it
 * returns; the reader reports it once, as the one-line error that names
 * the input, so libgsf's own messages are dropped. Its infile code logs
 * without a domain, so there only its own message is dropped and the
 * rest passes to GLib's default handler. Installed once; the handlers
 * keep no state. */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message,
                  gpointer data)
{
    (void)domain, (void)level, (void)message, (void)data;
}

static void quiet_gsf_infile(const gchar *domain, GLogLevelFlags level,
                             const gchar *message, gpointer data)
{
    if (message && strncmp(message, "Unable to get child", 19) == 0)
        return;
    GS(g_log_default_handler)(domain, level, message, data);
}

static pthread_once_t quiet_once = PTHREAD_ONCE_INIT;

static void quiet_libgsf(void)
{
    GLogLevelFlags levels = G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING |
                            G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG;
    GS(g_log_set_handler)("libgsf", levels, quiet, NULL);
    GS(g_log_set_handler)("libgsf:msole", levels, quiet, NULL);
    GS(g_log_set_handler)(NULL, G_LOG_LEVEL_WARNING, quiet_gsf_infile, NULL);
}

gisa_status extract_hwp(office_out *o, const unsigned char *data, size_t len,
                        gisa_error *err)
{
    const char *why;
    if (!gsf_api_get(&why) || !z_api_get(&why))
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s", o->label, why);
    pthread_once(&quiet_once, quiet_libgsf);
    GsfInput *mem = GS(gsf_input_memory_new)(data, (gsf_off_t)len, FALSE);
    GError *e = NULL;
    GsfInfile *ole = mem ? GS(gsf_infile_msole_new)(mem, &e) : NULL;
    if (!ole) {
        gisa_status st = gisa_fail(err, GISA_ERR_INPUT, "%s: not a readable OLE2 file (HWP): %s",
                                   o->label, e && e->message ? e->message : "damaged");
        if (e)
            GS(g_error_free)(e);
        if (mem)
            GS(g_object_unref)(mem);
        return st;
    }
    int compressed = 0;
    gisa_status st = check_header(o, ole, &compressed, err);
    if (st == GISA_OK)
        st = read_body(o, ole, compressed, err);
    if (st == GISA_OK)
        read_summary(o, ole);
    GS(g_object_unref)(ole);
    GS(g_object_unref)(mem);
    return st;
}
