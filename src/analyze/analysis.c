/* analysis.c - build an analysis: paragraphs -> sentences -> tokens, then
 * hand over to ranking, keywords, entities and agreements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "hangul.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/utf8.h"

void *vec_push(analysis *an, vec *v, const void *elem)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *data = arena_alloc(&an->mem, cap * v->size);
        if (!data) {
            an->oom = 1;
            return NULL;
        }
        if (v->n)
            memcpy(data, v->data, v->n * v->size);
        v->data = data;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->n * v->size;
    memcpy(slot, elem, v->size);
    v->n++;
    return slot;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int grow_vocab(analysis *an)
{
    size_t cap = an->capwords ? an->capwords * 2 : 256;
    const char **words = arena_alloc(&an->mem, cap * sizeof *words);
    size_t *lens = arena_alloc(&an->mem, cap * sizeof *lens);
    size_t *tf = arena_calloc(&an->mem, cap, sizeof *tf);
    size_t *sf = arena_calloc(&an->mem, cap, sizeof *sf);
    size_t *last = arena_calloc(&an->mem, cap, sizeof *last);
    uint32_t *table = arena_alloc(&an->mem, cap * 2 * sizeof *table);
    if (!words || !lens || !tf || !sf || !last || !table)
        return 0;
    if (an->nwords) {
        memcpy(words, an->words, an->nwords * sizeof *words);
        memcpy(lens, an->word_len, an->nwords * sizeof *lens);
        memcpy(tf, an->tf, an->nwords * sizeof *tf);
        memcpy(sf, an->sf, an->nwords * sizeof *sf);
        memcpy(last, an->last_sentence, an->nwords * sizeof *last);
    }
    memset(table, 0xFF, cap * 2 * sizeof *table);
    for (uint32_t id = 0; id < an->nwords; id++) {
        size_t h = hash_bytes(words[id], lens[id]) & (cap * 2 - 1);
        while (table[h] != UINT32_MAX)
            h = (h + 1) & (cap * 2 - 1);
        table[h] = id;
    }
    an->words = words;
    an->word_len = lens;
    an->tf = tf;
    an->sf = sf;
    an->last_sentence = last;
    an->table = table;
    an->tabcap = cap * 2;
    an->capwords = cap;
    return 1;
}

/* The id of the stem s[0..n), added when new; UINT32_MAX on OOM. */
static uint32_t intern(analysis *an, const char *s, size_t n)
{
    if (an->nwords == an->capwords && !grow_vocab(an))
        return UINT32_MAX;
    size_t h = hash_bytes(s, n) & (an->tabcap - 1);
    while (an->table[h] != UINT32_MAX) {
        uint32_t id = an->table[h];
        if (an->word_len[id] == n && memcmp(an->words[id], s, n) == 0)
            return id;
        h = (h + 1) & (an->tabcap - 1);
    }
    char *copy = arena_strndup(&an->mem, s, n);
    if (!copy)
        return UINT32_MAX;
    uint32_t id = (uint32_t)an->nwords++;
    an->words[id] = copy;
    an->word_len[id] = n;
    an->table[h] = id;
    return id;
}

int is_word_char(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= 'a' && cp <= 'z') || cp == '%';
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || cp == 0x00B7 ||
        (cp >= 0x2190 && cp <= 0x27BF) || (cp >= 0x25A0 && cp <= 0x25FF) || cp == 0x00A0)
        return 0;
    return 1;
}

int next_piece(const char *s, size_t len, size_t *pos, size_t *start, size_t *end)
{
    size_t i = *pos, next;
    while (i < len && !is_word_char(utf8_at(s, len, i, &next)))
        i = next;
    if (i >= len)
        return 0;
    *start = i;
    while (i < len && is_word_char(utf8_at(s, len, i, &next)))
        i = next;
    *end = *pos = i;
    return 1;
}

/* Count the word pieces of s (runs of word characters). */
static size_t count_pieces(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0, next; i < len; i = next) {
        int w = is_word_char(utf8_at(s, len, i, &next));
        if (w && !in)
            n++;
        in = w;
    }
    return n;
}

/* Split a sentence into tokens (runs of letters and digits: eojeols cut at
 * punctuation, so 보름달(4월 gives 보름달 and 4월) with their stems. */
static void tokenize(analysis *an, size_t si)
{
    const char *s = ((gisa_sentence *)an->sents.data)[si].text;
    size_t len = strlen(s);
    size_t count = count_pieces(s, len);
    token *tok = arena_alloc(&an->mem, (count ? count : 1) * sizeof *tok);
    if (!tok) {
        an->oom = 1;
        return;
    }
    size_t n = 0, i = 0, a, b;
    while (next_piece(s, len, &i, &a, &b)) {
        size_t stem = gisa_stem(s + a, b - a);
        if (stem == 0 || n >= count)
            continue;
        uint32_t id = intern(an, s + a, stem);
        if (id == UINT32_MAX) {
            an->oom = 1;
            return;
        }
        tok[n++] = (token){a, b - a, stem, id};
        an->tf[id]++;
        /* its first time in this sentence: one pass, where a scan of the
         * tokens before made a sentence of 100,000 words quadratic */
        if (an->last_sentence[id] != si + 1) {
            an->last_sentence[id] = si + 1;
            an->sf[id]++;
        }
    }
    an->toks[si].tok = tok;
    an->toks[si].n = n;
}

/* Add the sentences of one paragraph. */
static void add_paragraph(analysis *an, const char *text, size_t len, size_t para)
{
    gisa_span local[64];
    gisa_span *spans = local;
    size_t n = gisa_split_sentences(text, len, local, 64);
    if (n > 64) {
        spans = arena_alloc(&an->mem, n * sizeof *spans);
        if (!spans) {
            an->oom = 1;
            return;
        }
        gisa_split_sentences(text, len, spans, n);
    }
    for (size_t i = 0; i < n; i++) {
        char *t = text_clean_dup(&an->mem, text + spans[i].start,
                                 spans[i].end - spans[i].start, 0);
        if (!t) {
            an->oom = 1;
            return;
        }
        gisa_sentence s = {t, para, 0.0, 0};
        vec_push(an, &an->sents, &s);
    }
}

static void parse_date(analysis *an, const char *date)
{
    int y, m, d;
    if (date && sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 &&
        d >= 1 && d <= 31) {
        an->year = y;
        an->month = m;
        an->day = d;
    }
}

static analysis *analysis_new(const char *title, const char *date,
                              const gisa_analyze_options *opts)
{
    analysis *an = calloc(1, sizeof *an);
    if (!an)
        return NULL;
    arena_init(&an->mem);
    an->sents.size = sizeof(gisa_sentence);
    an->keywords.size = sizeof(gisa_keyword);
    an->entities.size = sizeof(gisa_entity);
    an->agreements.size = sizeof(gisa_agreement);
    an->max_keywords = opts && opts->max_keywords ? opts->max_keywords : 20;
    an->facts_only = opts && opts->facts_only;
    if (title)
        an->pub.title = text_clean_dup(&an->mem, title, strlen(title), 0);
    if (date) {
        parse_date(an, date);
        if (an->year)
            an->pub.date = arena_strndup(&an->mem, date, 10);
    }
    return an;
}

/* Korean when Hangul syllables outnumber Latin letters. */
static const char *guess_lang(const analysis *an)
{
    size_t ko = 0, en = 0;
    const gisa_sentence *s = an->sents.data;
    for (size_t i = 0; i < an->sents.n && ko + en < 20000; i++)
        for (size_t j = 0, len = strlen(s[i].text), next; j < len; j = next) {
            int32_t cp = utf8_at(s[i].text, len, j, &next);
            if (is_syllable(cp))
                ko++;
            else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
                en++;
        }
    return ko * 3 >= en ? "ko" : "en";
}

/* Tokenise, then run the stages; returns the status. */
static gisa_status finish(analysis *an, gisa_analysis **out, gisa_error *err,
                          const char *name)
{
    if (!an->oom) {
        an->toks = arena_calloc(&an->mem, an->sents.n ? an->sents.n : 1, sizeof *an->toks);
        if (!an->toks)
            an->oom = 1;
    }
    for (size_t i = 0; i < an->sents.n && !an->oom; i++)
        tokenize(an, i);
    if (!an->oom) {
        an->pub.lang = guess_lang(an);
        if (!an->facts_only) {
            rank_sentences(an);
            find_keywords(an);
        }
        find_entities(an);
        find_agreements(an);
    }
    if (an->oom) {
        gisa_analysis_free(&an->pub);
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory while analysing",
                         input_label(name));
    }
    an->pub.sentences = an->sents.data;
    an->pub.nsentences = an->sents.n;
    an->pub.keywords = an->keywords.data;
    an->pub.nkeywords = an->keywords.n;
    an->pub.entities = an->entities.data;
    an->pub.nentities = an->entities.n;
    an->pub.agreements = an->agreements.data;
    an->pub.nagreements = an->agreements.n;
    *out = &an->pub;
    return GISA_OK;
}

gisa_status gisa_analyze_text(const char *title, const char *date, const char *text,
                              size_t len, const gisa_analyze_options *opts,
                              gisa_analysis **out, gisa_error *err)
{
    *out = NULL;
    if (!text && len)
        return gisa_fail(err, GISA_ERR_USAGE, "gisa_analyze_text: no text given");
    analysis *an = analysis_new(title, date, opts);
    if (!an)
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    /* paragraphs are separated by blank lines */
    size_t start = 0, i = 0, nparas = 0;
    while (i <= len && !an->oom) {
        size_t eol = i;
        while (eol < len && text[eol] != '\n')
            eol++;
        int blank = 1;
        for (size_t j = i; j < eol; j++)
            if (text[j] != ' ' && text[j] != '\t' && text[j] != '\r')
                blank = 0;
        if (blank || eol >= len) {
            size_t end = blank ? i : eol;
            if (end > start)
                add_paragraph(an, text + start, end - start, nparas++);
            start = eol + 1;
        }
        i = eol + 1;
    }
    return finish(an, out, err, "text");
}

gisa_status gisa_analyze(const gisa_document *doc, const gisa_analyze_options *opts,
                         gisa_analysis **out, gisa_error *err)
{
    *out = NULL;
    if (!doc)
        return gisa_fail(err, GISA_ERR_USAGE, "gisa_analyze: no document given");
    analysis *an = analysis_new(doc->title, doc->date, opts);
    if (!an)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory",
                         input_label(doc->source_name));
    for (size_t b = 0; b < doc->nblocks && !an->oom; b++) {
        const gisa_block *bl = &doc->blocks[b];
        switch (bl->kind) {
        case GISA_BLOCK_PARAGRAPH:
        case GISA_BLOCK_QUOTE:
            if (bl->text)
                add_paragraph(an, bl->text, strlen(bl->text), b);
            break;
        case GISA_BLOCK_LIST:
            for (size_t k = 0; k < bl->nitems; k++)
                if (bl->items[k])
                    add_paragraph(an, bl->items[k], strlen(bl->items[k]), b);
            break;
        default:
            break; /* headings, tables, images and code carry no prose */
        }
    }
    return finish(an, out, err, doc->source_name);
}

void gisa_analysis_free(gisa_analysis *analysis_pub)
{
    if (!analysis_pub)
        return;
    analysis *an = (analysis *)analysis_pub;
    arena_free(&an->mem);
    free(an);
}
