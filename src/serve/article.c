/* article.c - an article as the desk shows it: the stored row made a
 * document again (for gisa_compose and gisa_check), the source split into
 * sentences, and a check report as the JSON the page colours with. */
#include <stdlib.h>
#include <string.h>

#include "serve.h"

/* A paragraph of tab-separated lines with the same number of cells is a
 * table as gisa_render's TEXT wrote it: one row a line. */
static size_t table_columns(const char *p)
{
    size_t cols = 0, rows = 0;
    for (const char *line = p; *line; rows++) {
        const char *end = strchr(line, '\n');
        size_t n = 1, len = end ? (size_t)(end - line) : strlen(line);
        for (size_t i = 0; i < len; i++)
            n += line[i] == '\t';
        if (n < 2 || (cols && n != cols))
            return 0;
        cols = n;
        line = end ? end + 1 : line + len;
    }
    return rows >= 2 ? cols : 0;
}

/* Cut a table paragraph into its cells, in place. */
static int make_table(gisa_block *b, char *p, size_t cols)
{
    size_t n = 1;
    for (char *c = p; *c; c++)
        n += *c == '\t' || *c == '\n';
    const char **cells = malloc(n * sizeof *cells);
    if (!cells)
        return 0;
    size_t k = 0;
    cells[k++] = p;
    for (char *c = p; *c; c++)
        if (*c == '\t' || *c == '\n') {
            *c = '\0';
            cells[k++] = c + 1;
        }
    b->kind = GISA_BLOCK_TABLE;
    b->level = 1;
    b->items = cells;
    b->nitems = k;
    b->ncols = cols;
    b->text = "";
    return 1;
}

int stored_doc_make(const article_row *row, stored_doc *sd)
{
    memset(sd, 0, sizeof *sd);
    size_t len = strlen(row->text ? row->text : "");
    if (!(sd->text = malloc(len + 1)))
        return 0;
    memcpy(sd->text, row->text ? row->text : "", len + 1);
    size_t cap = 1;
    for (const char *p = sd->text; (p = strstr(p, "\n\n")); p += 2)
        cap++;
    if (!(sd->blocks = calloc(cap, sizeof *sd->blocks))) {
        stored_doc_free(sd);
        return 0;
    }
    size_t n = 0;
    for (char *p = sd->text; p && *p;) {
        char *end = strstr(p, "\n\n");
        if (end)
            *end = '\0';
        while (*p == '\n')
            p++;
        if (*p) {
            gisa_block *b = &sd->blocks[n++];
            size_t cols = table_columns(p);
            b->kind = GISA_BLOCK_PARAGRAPH;
            b->text = p;
            if (cols && !make_table(b, p, cols)) {
                stored_doc_free(sd);
                return 0;
            }
        }
        p = end ? end + 2 : NULL;
    }
    gisa_document *d = &sd->doc;
    d->source_name = row->url;
    d->url = row->url;
    d->title = row->title;
    d->date = row->date;
    d->author = row->author;
    d->publisher = row->publisher;
    d->site_name = row->site_name;
    d->lang = row->lang;
    d->license = row->license;
    d->input = GISA_INPUT_HTML;
    d->blocks = sd->blocks;
    d->nblocks = n;
    return 1;
}

void stored_doc_free(stored_doc *sd)
{
    for (size_t i = 0; sd->blocks && i < sd->doc.nblocks; i++)
        if (sd->blocks[i].kind == GISA_BLOCK_TABLE)
            free((void *)sd->blocks[i].items);
    free(sd->blocks);
    free(sd->text);
    memset(sd, 0, sizeof *sd);
}

json_object *source_sentences(const gisa_document *doc)
{
    json_object *list = json_object_new_array();
    for (size_t i = 0; i < doc->nblocks; i++) {
        const gisa_block *b = &doc->blocks[i];
        json_object *p = json_object_new_object(), *s = json_object_new_array();
        if (b->kind == GISA_BLOCK_TABLE) {
            json_object *cells = json_object_new_array();
            for (size_t k = 0; k < b->nitems; k++)
                json_object_array_add(cells, json_object_new_string(b->items[k]));
            json_object_object_add(p, "table", cells);
            json_object_object_add(p, "cols", json_object_new_int((int)b->ncols));
        } else if (b->text) {
            size_t len = strlen(b->text), cap = 64;
            gisa_span spans[64];
            size_t n = gisa_split_sentences(b->text, len, spans, cap);
            if (n > cap) { /* a long paragraph: one sentence, unsplit */
                n = 1;
                spans[0].start = 0;
                spans[0].end = len;
            }
            for (size_t k = 0; k < n; k++)
                json_object_array_add(s, json_object_new_string_len(
                                             b->text + spans[k].start,
                                             (int)(spans[k].end - spans[k].start)));
        }
        json_object_object_add(p, "sentences", s);
        json_object_array_add(list, p);
    }
    return list;
}

static const char *const fact_kinds[] = {"person", "org", "place", "date", "number",
                                         "duration", "quote", "agreement", "polarity",
                                         "modality", "claim"};
static const char *const verdicts[] = {"supported", "unsupported", "contradicted"};

static json_object *str_or_null(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

static json_object *fact_json(const gisa_fact *f)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "kind", json_object_new_string(
        (size_t)f->kind < sizeof fact_kinds / sizeof *fact_kinds ? fact_kinds[f->kind] : "?"));
    json_object_object_add(o, "text", str_or_null(f->text));
    json_object_object_add(o, "sentence", json_object_new_int64((int64_t)f->sentence));
    json_object_object_add(o, "start", json_object_new_int64((int64_t)f->span.start));
    json_object_object_add(o, "end", json_object_new_int64((int64_t)f->span.end));
    json_object_object_add(o, "verdict", json_object_new_string(verdicts[f->verdict]));
    json_object_object_add(o, "note", str_or_null(f->note));
    json_object_object_add(o, "source_text", str_or_null(f->source_text));
    json_object_object_add(o, "source_sentence", str_or_null(f->source_sentence));
    return o;
}

/* The report as sentences, each with its facts and its worst verdict
 * ("none" when it states no fact the check knows). */
static json_object *report_json(const gisa_check_report *r)
{
    json_object *o = json_object_new_object(), *sents = json_object_new_array();
    for (size_t i = 0; i < r->nsentences; i++) {
        json_object *s = json_object_new_object(), *facts = json_object_new_array();
        int worst = -1;
        const char *source = NULL;
        for (size_t k = 0; k < r->nfacts; k++) {
            const gisa_fact *f = &r->facts[k];
            if (f->sentence != i)
                continue;
            json_object_array_add(facts, fact_json(f));
            int rank = f->verdict == GISA_CONTRADICTED ? 2 : f->verdict == GISA_UNSUPPORTED;
            if (rank > worst)
                worst = rank;
            if (!source && f->verdict == GISA_SUPPORTED)
                source = f->source_sentence;
        }
        json_object_object_add(s, "text", json_object_new_string(r->sentences[i]));
        json_object_object_add(s, "verdict", json_object_new_string(
            worst < 0 ? "none" : worst == 0 ? "supported" : worst == 1 ? "unsupported"
                                                                        : "contradicted"));
        json_object_object_add(s, "source_sentence", str_or_null(source));
        json_object_object_add(s, "facts", facts);
        json_object_array_add(sents, s);
    }
    json_object_object_add(o, "sentences", sents);
    json_object_object_add(o, "supported", json_object_new_int64((int64_t)r->supported));
    json_object_object_add(o, "unsupported", json_object_new_int64((int64_t)r->unsupported));
    json_object_object_add(o, "contradicted", json_object_new_int64((int64_t)r->contradicted));
    return o;
}

json_object *check_json(const gisa_document *src, const char *text, size_t len,
                        size_t *flagged, gisa_error *err)
{
    gisa_source in = {"the post", (const unsigned char *)text, len, NULL, NULL, NULL, NULL};
    gisa_document *derived = NULL;
    gisa_check_report *rep = NULL;
    *flagged = 0;
    if (gisa_extract(&in, NULL, &derived, err) != GISA_OK)
        return NULL;
    const gisa_document *sources[1] = {src};
    json_object *o = NULL;
    if (gisa_check(derived, sources, 1, &rep, err) == GISA_OK) {
        o = report_json(rep);
        *flagged = rep->unsupported + rep->contradicted;
        gisa_check_free(rep);
    }
    gisa_document_free(derived);
    return o;
}
