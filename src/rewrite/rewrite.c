/* rewrite.c - gisa_rewrite(): the post model of compose, its paragraphs
 * in a model's words, every sentence gated by the check.
 *
 * Rounds, each one check for all sentences at once: the model's answers;
 * then the flagged sentences sent back, one prompt each, and their second
 * answers; then the source's own sentence for what failed twice. Last the
 * whole post is rendered and checked as gisa_compose checks its own, so a
 * sentence that passed alone but not in the post is caught as well. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check/check.h"
#include "../util/error.h"
#include "../util/utf8.h"
#include "rewrite.h"

/* An answer longer than this many times its section is not a rewrite. */
#define MAX_GROWTH 4
/* Final-check repairs before the post falls back to the source's words. */
#define MAX_REPAIRS 3
/* A replacement shares at least this share of the failed sentence's words;
 * a passed sentence sharing COVERED_OVERLAP of a source sentence's says it. */
#define MIN_OVERLAP 0.5
/* A model's title longer than this is not a title. */
#define MAX_TITLE_CHARS 120
#define MAX_EXCERPT_SENTENCES 3
#define COVERED_OVERLAP 0.6

/* A section: a run of the body's paragraphs, blocks [first, first+count). */
typedef struct unit {
    const char *part;        /* "title", "excerpt": not body blocks; NULL */
    size_t first, count;
    buf source;              /* its text, paragraphs apart by blank lines */
    const char **src;        /* its sentences, outline markers dropped */
    size_t nsrc;
    unsigned char *used;     /* src[i] already stands in for a sentence */
    int failed;              /* no usable answer: the source stays */
} unit;

/* One sentence of the post as published, in order. */
typedef struct out_sentence {
    size_t unit, paragraph;
    const char *text;
    size_t decision;         /* index into the decisions */
} out_sentence;

typedef struct stage {
    post_model m;
    const gisa_rewrite_options *o;
    prompt_template t;
    const char *page, *model;
    arena mem;
    unit *units;
    size_t nunits;
    out_sentence *outs;
    size_t nouts, capouts;
    decision *dec;
    size_t ndec, capdec;
    gisa_rewrite_stats st;
    int unreachable;         /* the model cannot be reached: stop asking */
    const char *source_title; /* the release's, before the model's */
    int clean;               /* the first check of the whole post flagged nothing */
    char why_unreachable[512];
    /* Only its stem cache is used (check_overlap_kept): the gate weighs
     * each model sentence against every source sentence of its section,
     * and every string it weighs lives in s->mem or s->m.mem, as long as
     * the stage does. */
    checker stems;
} stage;

static void warn(stage *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(stage *s, const char *fmt, ...)
{
    if (!s->o->on_warning)
        return;
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    s->o->on_warning(s->o->ctx, msg);
}

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 1;
    size_t c = *cap ? *cap * 2 : 32;
    void *q = realloc(*p, c * size);
    if (!q)
        return 0;
    *p = q;
    *cap = c;
    return 1;
}

static size_t new_decision(stage *s, size_t ui, decision_kind kind, const char *sentence)
{
    if (!grow((void **)&s->dec, &s->capdec, s->ndec, sizeof *s->dec))
        return (size_t)-1;
    s->dec[s->ndec] = (decision){.section = ui, .part = s->units[ui].part, .kind = kind,
                                 .sentence = sentence};
    return s->ndec++;
}

static int add_out(stage *s, size_t ui, size_t paragraph, const char *text, size_t dec)
{
    if (!grow((void **)&s->outs, &s->capouts, s->nouts, sizeof *s->outs))
        return 0;
    s->outs[s->nouts++] = (out_sentence){ui, paragraph, text, dec};
    return 1;
}

/* ------------------------------------------------------------ sections */

static int rewritable(const post_model *m, size_t i)
{
    const gisa_block *b = m->blocks[i];
    /* a paragraph right after a photo is its caption: the source's */
    return b->kind == GISA_BLOCK_PARAGRAPH && m->source_index[i] != NO_SOURCE &&
           !(i > 0 && m->blocks[i - 1]->kind == GISA_BLOCK_IMAGE) && b->text && *b->text;
}

/* Split a source paragraph into sentences for the unit, outline marker
 * ("○ ", "- ") off, so a replacement reads as prose. */
static void unit_sentences(stage *s, unit *u, const char *text)
{
    int cls, number;
    text += outline_marker(text, &cls, &number);
    size_t len = strlen(text);
    size_t n = gisa_split_sentences(text, len, NULL, 0);
    gisa_span *sp = arena_alloc(&s->mem, (n + 1) * sizeof *sp);
    const char **grown = arena_alloc(&s->mem, (u->nsrc + n + 1) * sizeof *grown);
    if (!sp || !grown)
        return;
    gisa_split_sentences(text, len, sp, n);
    if (u->nsrc)
        memcpy(grown, u->src, u->nsrc * sizeof *grown);
    for (size_t i = 0; i < n; i++) {
        const char *t = arena_strndup(&s->mem, text + sp[i].start, sp[i].end - sp[i].start);
        if (t)
            grown[u->nsrc++] = t;
    }
    u->src = grown;
}

static int find_units(stage *s)
{
    post_model *m = &s->m;
    /* room for the title and the excerpt after the sections */
    s->units = arena_calloc(&s->mem, m->nblocks + 3, sizeof *s->units);
    if (!s->units)
        return 0;
    for (size_t i = 0; i < m->nblocks;) {
        if (!rewritable(m, i)) {
            i++;
            continue;
        }
        unit *u = &s->units[s->nunits++];
        u->first = i;
        while (i < m->nblocks && rewritable(m, i)) {
            if (u->source.len)
                buf_puts(&u->source, "\n\n");
            buf_puts(&u->source, m->blocks[i]->text);
            unit_sentences(s, u, m->blocks[i]->text);
            i++;
        }
        u->count = i - u->first;
        u->used = arena_calloc(&s->mem, u->nsrc + 1, 1);
        if (u->source.oom || !u->used)
            return 0;
    }
    return 1;
}

/* The section's names, numbers, dates and places, one a line, once each. */
static void unit_facts(const stage *s, const unit *u, buf *out)
{
    const gisa_analysis *an = s->m.an;
    for (size_t e = 0; e < an->nentities; e++) {
        const gisa_entity *x = &an->entities[e];
        size_t para = x->sentence < an->nsentences ? an->sentences[x->sentence].paragraph
                                                   : (size_t)-1;
        int inside = 0;
        for (size_t b = u->first; b < u->first + u->count; b++)
            inside |= s->m.source_index[b] == para;
        if (!inside)
            continue;
        /* the analysis lists each entity once, at its first mention: one
         * mentioned again here is in the section's text, which is enough */
        buf_printf(out, "- %s", x->text);
        if (x->kind == GISA_ENTITY_PERSON && x->title)
            buf_printf(out, " (%s)", x->title);
        buf_putc(out, '\n');
    }
    if (!out->len)
        buf_puts(out, "- (없음)\n");
    buf_rtrim(out);
}

/* ---------------------------------------------------------------- asking */

/* Ask the model; NULL (with a warning naming `what`) when there is no
 * usable answer. */
static char *ask(stage *s, const char *prompt, const char *what, const char **why)
{
    if (s->unreachable) {
        *why = s->why_unreachable;
        return NULL;
    }
    gisa_error e = {0};
    char *answer = NULL;
    gisa_status st = gisa_model_ask(s->o->model, s->t.system, prompt, &answer, &e);
    /* the check reads UTF-8 text only: anything else is no answer */
    int text = answer && utf8_check((const unsigned char *)answer, strlen(answer)).invalid == 0;
    if (st == GISA_OK && text && *answer)
        return answer;
    free(answer);
    if (st == GISA_OK)
        snprintf(e.message, sizeof e.message,
                 text ? "model %s: the answer is empty" : "model %s: the answer is not UTF-8 text",
                 s->model);
    char *note = arena_strdup(&s->mem, e.message);
    *why = note ? note : "no answer";
    if (st == GISA_ERR_IO) { /* unreachable: the next request would fail the same way */
        s->unreachable = 1;
        snprintf(s->why_unreachable, sizeof s->why_unreachable, "%s", e.message);
        warn(s, "%s: %s: %s; the rest of the post keeps the source's sentences", s->page,
             what, e.message);
    } else {
        warn(s, "%s: %s: %s; it keeps the source's sentences", s->page, what, e.message);
    }
    return NULL;
}

static void keep_source(stage *s, size_t ui, const char *why)
{
    unit *u = &s->units[ui];
    u->failed = 1;
    s->st.failed++;
    size_t d = new_decision(s, ui, DECIDE_KEPT, NULL);
    if (d != (size_t)-1)
        s->dec[d].note = why;
}

static void rewrite_unit(stage *s, size_t ui)
{
    unit *u = &s->units[ui];
    buf facts = BUF_INIT, prompt = BUF_INIT;
    char count[24], what[64];
    snprintf(count, sizeof count, "%zu", u->count);
    snprintf(what, sizeof what, "section %zu", ui + 1);
    unit_facts(s, u, &facts);
    const char *names[] = {"voice", "title", "source", "paragraphs", "facts"};
    const char *values[] = {voice_instruction(s->o->voice), s->m.title, u->source.ptr, count,
                            facts.ptr};
    prompt_fill(s->t.section, names, values, 5, &prompt);
    s->st.sections++;
    const char *why = NULL;
    char *raw = prompt.oom ? NULL : ask(s, prompt.ptr, what, &why);
    buf_free(&facts);
    buf_free(&prompt);
    if (!raw) {
        keep_source(s, ui, why ? why : "out of memory");
        return;
    }
    answer_text a;
    answer_parse(raw, &s->mem, &a);
    size_t rawlen = strlen(raw);
    free(raw);
    if (!a.n || rawlen > MAX_GROWTH * u->source.len + 2000) {
        char *note = arena_strdup(&s->mem, !a.n ? "the model's answer has no sentence"
                                                : "the model's answer is many times longer "
                                                  "than the section");
        warn(s, "%s: %s: %s; it keeps the source's sentences", s->page, what, note);
        keep_source(s, ui, note);
        return;
    }
    for (size_t i = 0; i < a.n; i++) {
        size_t d = new_decision(s, ui, DECIDE_PUBLISHED, a.s[i].text);
        if (d == (size_t)-1 || !add_out(s, ui, a.s[i].paragraph, a.s[i].text, d))
            return;
    }
}

/* The title or the excerpt in the model's words ([title], [excerpt]),
 * gated like the body: a pseudo-section after the real ones, whose source
 * sentences (what a failed sentence falls back to) are the release's
 * title, or the lead section's sentences. */
static void rewrite_extra(stage *s, const char *part, const char *tmpl, size_t ui)
{
    unit *u = &s->units[ui], *lead = &s->units[0];
    u->part = part;
    u->first = u->count = (size_t)-1; /* no body blocks */
    int title = !strcmp(part, "title");
    if (title) {
        u->src = arena_alloc(&s->mem, sizeof *u->src);
        if (!u->src)
            return;
        u->src[0] = s->m.title;
        u->nsrc = 1;
    } else {
        u->src = lead->src;
        u->nsrc = lead->nsrc;
    }
    u->used = arena_calloc(&s->mem, u->nsrc + 1, 1);
    buf_puts(&u->source, lead->source.ptr ? lead->source.ptr : "");
    buf facts = BUF_INIT, prompt = BUF_INIT;
    unit_facts(s, lead, &facts);
    const char *names[] = {"voice", "title", "source", "paragraphs", "facts"};
    const char *values[] = {voice_instruction(s->o->voice), s->m.title, lead->source.ptr, "1",
                            facts.ptr};
    prompt_fill(tmpl, names, values, 5, &prompt);
    const char *why = NULL;
    char *raw = prompt.oom || !u->used ? NULL : ask(s, prompt.ptr, part, &why);
    buf_free(&facts);
    buf_free(&prompt);
    if (!raw)
        return; /* the release's title, the lead's sentences: as gisa post */
    answer_text a;
    answer_parse(raw, &s->mem, &a);
    free(raw);
    buf one = BUF_INIT; /* a title is one line, however the model broke it */
    for (size_t i = 0; title && i < a.n; i++)
        buf_printf(&one, i ? " %s" : "%s", a.s[i].text);
    if (title && (one.oom || !one.len || utf8_length(one.ptr, one.len) > MAX_TITLE_CHARS)) {
        if (one.len)
            warn(s, "%s: title: the model's title is over %d characters; the release's stays",
                 s->page, MAX_TITLE_CHARS);
        buf_free(&one);
        return;
    }
    const char *t = title ? arena_strdup(&s->mem, one.ptr) : NULL;
    buf_free(&one);
    size_t n = title ? (t != NULL) : (a.n < MAX_EXCERPT_SENTENCES ? a.n : MAX_EXCERPT_SENTENCES);
    for (size_t i = 0; i < n; i++) {
        const char *text = title ? t : a.s[i].text;
        size_t d = new_decision(s, ui, DECIDE_PUBLISHED, text);
        if (d == (size_t)-1 || !add_out(s, ui, 0, text, d))
            return;
    }
}

/* ------------------------------------------------------------ the gate */

/* The section's source sentence nearest to `text`, not yet standing in
 * for another nor said by a sentence that passed, and near enough
 * (MIN_OVERLAP of its words); else NULL: the sentence is dropped (an
 * invented claim has no counterpart, and what it restates is in the post
 * already). */
static const char *source_for(stage *s, unit *u, const char *text)
{
    double best = MIN_OVERLAP;
    size_t pick = u->nsrc;
    for (size_t i = 0; i < u->nsrc; i++) {
        double o = u->used[i] ? -1 : check_overlap_kept(&s->stems, text, u->src[i]);
        if (o >= best) {
            best = o;
            pick = i;
        }
    }
    if (pick == u->nsrc)
        return NULL;
    u->used[pick] = 1;
    return u->src[pick];
}

/* A sentence that passed says what its nearest source sentence says:
 * that one is not brought in again as a replacement. */
static void mark_covered(stage *s, unit *u, const char *text)
{
    double best = COVERED_OVERLAP;
    size_t pick = u->nsrc;
    for (size_t i = 0; i < u->nsrc; i++) {
        double o = check_overlap_kept(&s->stems, text, u->src[i]);
        if (o >= best) {
            best = o;
            pick = i;
        }
    }
    if (pick < u->nsrc)
        u->used[pick] = 1;
}

static void problems_text(const flag *f, size_t n, buf *out)
{
    for (size_t i = 0; i < n; i++) {
        buf_printf(out, "- %s \"%s\": ", fact_kind_label(f[i].kind), f[i].text);
        if (f[i].source_text)
            buf_printf(out, "원문은 \"%s\"", f[i].source_text);
        else
            buf_puts(out, "원문에 없음");
        buf_putc(out, '\n');
    }
    buf_rtrim(out);
}

static gisa_status strict_refusal(stage *s, const decision *d, gisa_error *err)
{
    const flag *f = d->nretry_flags ? d->retry_flags : d->flags;
    return gisa_fail(err, GISA_ERR_UNSUPPORTED,
                     "%s: --strict: the model's sentence \"%s\" states %s %s \"%s\" the source "
                     "does not support, twice; the post is refused",
                     s->page, d->retry ? d->retry : d->sentence, f[0].verdict, f[0].kind,
                     f[0].text);
}

/* The sentence failed twice: the source's own stands (or, strict, the
 * post is refused). */
static gisa_status replace(stage *s, out_sentence *o, gisa_error *err)
{
    decision *d = &s->dec[o->decision];
    if (s->o->strict)
        return strict_refusal(s, d, err);
    d->source_sentence = source_for(s, &s->units[o->unit], d->sentence);
    d->kind = d->source_sentence ? DECIDE_REPLACED : DECIDE_DROPPED;
    o->text = d->source_sentence; /* NULL: dropped */
    s->st.replaced++;
    return GISA_OK;
}

/* Send back each flagged sentence once; check the second answers. */
static gisa_status retry_round(stage *s, size_t *flagged, size_t nflagged, gisa_error *err)
{
    const char **again = calloc(nflagged + 1, sizeof *again);
    if (!again)
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    for (size_t k = 0; k < nflagged; k++) {
        out_sentence *o = &s->outs[flagged[k]];
        decision *d = &s->dec[o->decision];
        buf problems = BUF_INIT, prompt = BUF_INIT;
        problems_text(d->flags, d->nflags, &problems);
        const char *names[] = {"voice", "title", "source", "sentence", "problems"};
        const char *values[] = {voice_instruction(s->o->voice), s->m.title,
                                s->units[o->unit].source.ptr, d->sentence, problems.ptr};
        prompt_fill(s->t.retry, names, values, 5, &prompt);
        char what[64];
        snprintf(what, sizeof what, "section %zu, a sentence sent back", o->unit + 1);
        const char *why = NULL;
        char *raw = prompt.oom ? NULL : ask(s, prompt.ptr, what, &why);
        s->st.retried++;
        d->kind = DECIDE_RETRIED;
        if (raw) {
            answer_text a;
            answer_parse(raw, &s->mem, &a);
            buf joined = BUF_INIT;
            for (size_t i = 0; i < a.n; i++)
                buf_printf(&joined, i ? " %s" : "%s", a.s[i].text);
            again[k] = joined.len ? arena_strdup(&s->mem, joined.ptr) : NULL;
            buf_free(&joined);
            free(raw);
        }
        buf_free(&problems);
        buf_free(&prompt);
    }
    /* one check for every second answer */
    const char **texts = calloc(nflagged + 1, sizeof *texts);
    size_t *which = calloc(nflagged + 1, sizeof *which), n = 0;
    gisa_status st = texts && which ? GISA_OK : gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    for (size_t k = 0; st == GISA_OK && k < nflagged; k++)
        if (again[k]) {
            texts[n] = again[k];
            which[n++] = k;
        }
    gate_result g;
    if (st == GISA_OK)
        st = gate_check(&s->m, texts, n, &s->mem, &g, err);
    for (size_t i = 0; st == GISA_OK && i < n; i++) {
        decision *d = &s->dec[s->outs[flagged[which[i]]].decision];
        d->retry = texts[i];
        d->retry_flags = g.flags[i];
        d->nretry_flags = g.nflags[i];
        if (!g.nflags[i]) {
            out_sentence *o = &s->outs[flagged[which[i]]];
            o->text = texts[i];
            mark_covered(s, &s->units[o->unit], texts[i]);
        }
    }
    for (size_t k = 0; st == GISA_OK && k < nflagged; k++) {
        out_sentence *o = &s->outs[flagged[k]];
        decision *d = &s->dec[o->decision];
        if (!d->retry || d->nretry_flags)
            st = replace(s, o, err);
    }
    free(again);
    free(texts);
    free(which);
    return st;
}

static int rebuild(stage *s);
static gisa_status final_check(stage *s, gisa_check_report **out, gisa_error *err);
static out_sentence *holder(stage *s, const char *rs);
static void flag_of(stage *s, const gisa_fact *f, flag *out);

static int has_flag(const decision *d, const flag *f)
{
    for (size_t k = 0; k < d->nflags; k++)
        if (!strcmp(d->flags[k].text, f->text) && !strcmp(d->flags[k].kind, f->kind))
            return 1;
    return 0;
}

static int add_flag(stage *s, decision *d, const flag *f)
{
    if (has_flag(d, f))
        return 1;
    flag *grown = arena_alloc(&s->mem, (d->nflags + 1) * sizeof *grown);
    if (!grown)
        return 0;
    if (d->nflags)
        memcpy(grown, d->flags, d->nflags * sizeof *grown);
    grown[d->nflags++] = *f;
    d->flags = grown;
    return 1;
}

/* The first round: the post with every answer in it, checked whole, as
 * gisa_compose checks its own (one check, the same one that will stand
 * for the published post when nothing is flagged). Each flagged fact is
 * pinned on the model's sentence holding it, and on every other that
 * repeats words the source never writes (the analysis lists an entity at
 * its first mention only). *clean: nothing at all was flagged. */
static gisa_status gate(stage *s, int *clean, gisa_error *err)
{
    *clean = 0;
    if (!rebuild(s))
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    gisa_check_report *r;
    gisa_status st = final_check(s, &r, err);
    if (st != GISA_OK)
        return st;
    size_t bad = 0;
    for (size_t i = 0; i < r->nfacts; i++) {
        const gisa_fact *f = &r->facts[i];
        if (f->verdict == GISA_SUPPORTED)
            continue;
        bad++;
        flag fl;
        flag_of(s, f, &fl);
        out_sentence *o = holder(s, r->sentences[f->sentence]);
        if (o && !add_flag(s, &s->dec[o->decision], &fl))
            st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
        if (!fl.text || !*fl.text || gate_in_source(&s->m, fl.text))
            continue;
        for (size_t k = 0; st == GISA_OK && k < s->nouts; k++)
            if (s->outs[k].text && strstr(s->outs[k].text, fl.text) &&
                !add_flag(s, &s->dec[s->outs[k].decision], &fl))
                st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    }
    gisa_check_free(r);
    size_t *flagged = calloc(s->nouts + 1, sizeof *flagged), nflagged = 0;
    if (st == GISA_OK && !flagged)
        st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    for (size_t i = 0; st == GISA_OK && i < s->nouts; i++) {
        if (s->dec[s->outs[i].decision].nflags)
            flagged[nflagged++] = i;
        else
            mark_covered(s, &s->units[s->outs[i].unit], s->outs[i].text);
    }
    if (st == GISA_OK && nflagged)
        st = retry_round(s, flagged, nflagged, err);
    free(flagged);
    *clean = st == GISA_OK && !bad;
    return st;
}

/* ------------------------------------------------------ the post rebuilt */

/* The model's title and excerpt (among outs from index o on), where
 * they passed: else the release's title and the lead's first sentences. */
static int take_extras(stage *s, size_t o)
{
    buf title = BUF_INIT, excerpt = BUF_INIT;
    for (; o < s->nouts; o++) {
        const out_sentence *x = &s->outs[o];
        const char *part = s->units[x->unit].part;
        decision_kind k = s->dec[x->decision].kind;
        if (!part || !x->text || k == DECIDE_REPLACED || k == DECIDE_DROPPED)
            continue; /* a failed title or excerpt sentence: the release's stands */
        buf *b = !strcmp(part, "title") ? &title : &excerpt;
        buf_printf(b, b->len ? " %s" : "%s", x->text);
    }
    int ok = !title.oom && !excerpt.oom;
    if (title.len && ok)
        ok = (s->m.title = arena_strdup(&s->m.mem, title.ptr)) != NULL;
    if (excerpt.len && ok)
        ok = (s->m.excerpt = arena_strdup(&s->m.mem, excerpt.ptr)) != NULL;
    buf_free(&title);
    buf_free(&excerpt);
    return ok;
}

/* The body with each answered section's paragraphs in the new words. */
static int rebuild(stage *s)
{
    post_model *m = &s->m;
    size_t cap = m->nblocks + s->nouts + 1;
    const gisa_block **blocks = arena_alloc(&m->mem, cap * sizeof *blocks);
    size_t *index = arena_alloc(&m->mem, cap * sizeof *index), n = 0, o = 0;
    if (!blocks || !index)
        return 0;
    for (size_t i = 0, ui = 0; i < m->nblocks;) {
        while (ui < s->nunits && s->units[ui].first < i)
            ui++;
        unit *u = ui < s->nunits && s->units[ui].first == i && !s->units[ui].failed
                      ? &s->units[ui] : NULL;
        if (!u) {
            blocks[n] = m->blocks[i];
            index[n++] = m->source_index[i++];
            continue;
        }
        while (o < s->nouts && s->outs[o].unit < ui)
            o++;
        while (o < s->nouts && s->outs[o].unit == ui) {
            size_t para = s->outs[o].paragraph;
            buf text = BUF_INIT;
            for (; o < s->nouts && s->outs[o].unit == ui && s->outs[o].paragraph == para; o++)
                if (s->outs[o].text)
                    buf_printf(&text, text.len ? " %s" : "%s", s->outs[o].text);
            if (!text.len)
                continue;
            gisa_block *b = arena_calloc(&m->mem, 1, sizeof *b);
            if (!b || text.oom || !(b->text = arena_strdup(&m->mem, text.ptr))) {
                buf_free(&text);
                return 0;
            }
            buf_free(&text);
            b->kind = GISA_BLOCK_PARAGRAPH;
            b->offset = m->blocks[u->first]->offset;
            blocks[n] = b;
            index[n++] = m->source_index[u->first];
        }
        i = u->first + u->count;
    }
    m->blocks = blocks;
    m->source_index = index;
    m->nblocks = n;
    m->title = s->source_title;
    m->excerpt = make_excerpt(m);
    return take_extras(s, 0);
}

/* The post as published, checked as gisa_compose checks its own: the
 * flagged report sentences, or NULL when every fact is supported. */
static gisa_status final_check(stage *s, gisa_check_report **out, gisa_error *err)
{
    *out = NULL;
    buf text = BUF_INIT;
    render_jekyll(&s->m, &text);
    if (text.oom) {
        buf_free(&text);
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    }
    gisa_source src = {"rewritten post", (const unsigned char *)text.ptr, text.len,
                       NULL, NULL, NULL, NULL};
    gisa_extract_options eo = {.kind = GISA_INPUT_POST};
    gisa_document *back;
    gisa_status st = gisa_extract(&src, &eo, &back, err);
    if (st == GISA_OK) {
        const gisa_document *srcs[] = {s->m.doc};
        gisa_analysis *const an[] = {s->m.an};
        st = check_run(back, srcs, an, 1, out, err);
        gisa_document_free(back);
    }
    buf_free(&text);
    return st;
}

/* Which published sentence of the model's holds report sentence rs. */
static out_sentence *holder(stage *s, const char *rs)
{
    for (size_t i = 0; i < s->nouts; i++) {
        out_sentence *o = &s->outs[i];
        decision_kind k = s->dec[o->decision].kind;
        if (o->text && k != DECIDE_REPLACED && k != DECIDE_DROPPED &&
            (strstr(o->text, rs) || strstr(rs, o->text)))
            return o;
    }
    return NULL;
}

/* A fact of the check's report as the report file shows it, in s->mem. */
static void flag_of(stage *s, const gisa_fact *f, flag *out)
{
    static const char *const verdicts[] = {"supported", "unsupported", "contradicted"};
    arena *a = &s->mem;
    *out = (flag){fact_kind_name(f->kind), f->text ? arena_strdup(a, f->text) : NULL,
                  verdicts[f->verdict], f->source_text ? arena_strdup(a, f->source_text) : NULL,
                  f->source_sentence ? arena_strdup(a, f->source_sentence) : NULL,
                  f->note ? arena_strdup(a, f->note) : NULL};
    if (!out->text)
        out->text = "";
}

/* Every fact of the whole post supported, or the offending sentences
 * replaced; a flag no model sentence explains (which compose's own post
 * would not have) returns every section to the source's words. */
static gisa_status repair(stage *s, gisa_error *err)
{
    for (int round = 0; round < MAX_REPAIRS; round++) {
        gisa_check_report *r;
        gisa_status st = final_check(s, &r, err);
        if (st != GISA_OK)
            return st;
        size_t fixed = 0, bad = 0;
        for (size_t i = 0; st == GISA_OK && i < r->nfacts; i++) {
            const gisa_fact *f = &r->facts[i];
            if (f->verdict == GISA_SUPPORTED)
                continue;
            bad++;
            out_sentence *o = holder(s, r->sentences[f->sentence]);
            if (!o)
                continue;
            decision *d = &s->dec[o->decision];
            if (!d->nflags && !d->nretry_flags) { /* flagged in the post only */
                flag fl;
                flag_of(s, f, &fl);
                add_flag(s, d, &fl);
            }
            st = replace(s, o, err);
            fixed++;
        }
        gisa_check_free(r);
        if (st != GISA_OK)
            return st;
        if (!bad)
            return GISA_OK;
        if (!fixed || !rebuild(s))
            break;
    }
    warn(s, "%s: the rewritten post does not pass its check as a whole; it keeps the "
            "source's sentences", s->page);
    return GISA_ERR_UNSUPPORTED;
}

/* --------------------------------------------------------------- the API */

static gisa_status refuse_licence(const gisa_document *d, gisa_error *err)
{
    const char *l = d->license, *name = input_label(d->source_name);
    if (l && !strcmp(l, GISA_LICENSE_RESERVED))
        return gisa_fail(err, GISA_ERR_LICENSE,
                         "%s: the page reserves all rights: a rewrite is a derivative work, "
                         "not made", name);
    if (l && (!strcmp(l, "KOGL-3") || !strcmp(l, "KOGL-4") ||
              (!strncmp(l, "CC-", 3) && strstr(l, "ND"))))
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: licence %s allows only verbatim use: a rewrite is a derivative "
                         "work, not made; gisa post makes the verbatim post", name, l);
    return GISA_OK;
}

static void count(stage *s)
{
    s->st.rewritten = 0;
    for (size_t i = 0; i < s->nouts; i++)
        s->st.rewritten += s->outs[i].text && s->dec[s->outs[i].decision].kind != DECIDE_REPLACED;
    /* (a dropped sentence has no text) */
}

static gisa_status run(stage *s, gisa_error *err)
{
    if (!find_units(s))
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    for (size_t ui = 0; ui < s->nunits; ui++)
        rewrite_unit(s, ui);
    /* the title and excerpt, when the template asks for them and the
     * model answered the lead */
    if (s->nunits && !s->units[0].failed && s->t.title)
        rewrite_extra(s, "title", s->t.title, s->nunits);
    if (s->nunits && !s->units[0].failed && s->t.excerpt)
        rewrite_extra(s, "excerpt", s->t.excerpt, s->nunits + 1);
    gisa_status st = gate(s, &s->clean, err);
    if (st != GISA_OK)
        return st;
    if (!s->clean && !rebuild(s))
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    count(s);
    return GISA_OK;
}

gisa_status gisa_rewrite(const gisa_document *doc, const gisa_post_options *popts,
                         const gisa_rewrite_options *ro, gisa_post *out,
                         gisa_rewrite_stats *stats, char **report, gisa_error *err)
{
    memset(out, 0, sizeof *out);
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (report)
        *report = NULL;
    if (!ro || !ro->model)
        return gisa_fail(err, GISA_ERR_USAGE, "gisa_rewrite: no model given");
    gisa_status st = compose_refuse_style(popts, err);
    if (st == GISA_OK)
        st = refuse_licence(doc, err);
    if (st != GISA_OK)
        return st;
    stage s;
    memset(&s, 0, sizeof s);
    s.o = ro;
    s.page = input_label(doc->source_name);
    s.model = ro->model_name ? ro->model_name : model_name(ro->model);
    arena_init(&s.mem);
    st = prompt_parse(ro->prompt ? ro->prompt : rewrite_prompt_text, &s.t, err);
    if (st == GISA_OK)
        st = post_model_build(&s.m, doc, popts, err);
    rewrite_note note = {s.model, gisa_voice_name(ro->voice), 0, 0, 0};
    if (st == GISA_OK) {
        s.m.rewrite = &note;
        s.source_title = s.m.title;
        st = run(&s, err);
    }
    if (st == GISA_OK) {
        count(&s);
        note.rewritten = s.st.rewritten, note.retried = s.st.retried, note.replaced = s.st.replaced;
        st = s.clean ? GISA_OK : repair(&s, err); /* clean: that check was of this post */
        count(&s);
        note.rewritten = s.st.rewritten, note.retried = s.st.retried, note.replaced = s.st.replaced;
        if (st == GISA_ERR_UNSUPPORTED && !ro->strict) {
            /* back to the source's words, as gisa_compose would make it */
            post_model_free(&s.m);
            st = post_model_build(&s.m, doc, popts, err);
            s.m.rewrite = &note;
            note.rewritten = 0;
        } else if (st == GISA_OK) {
            s.m.opt.no_check = 1; /* repair() has just checked this very post */
        }
    }
    if (st == GISA_OK)
        st = compose_finish(&s.m, out, err);
    /* a refused post's report says why */
    if ((st == GISA_OK || st == GISA_ERR_UNSUPPORTED) && report && s.o) {
        *report = report_json(s.page, s.model, ro->voice, &s.st, s.dec, s.ndec);
        if (!*report && st == GISA_OK) {
            gisa_post_clear(out);
            st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
        }
    }
    if (stats)
        *stats = s.st;
    for (size_t i = 0; s.units && i < s.nunits + 2; i++)
        buf_free(&s.units[i].source);
    free(s.outs);
    free(s.dec);
    prompt_clear(&s.t);
    post_model_free(&s.m);
    arena_free(&s.mem);
    stem_cache_free(&s.stems.kept);
    return st;
}
