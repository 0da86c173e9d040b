/* check.c - gisa_check(): analyse the derived text and every source, list
 * the derived text's facts, and judge each against the sources. */
#include <stdlib.h>
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/error.h"
#include "../util/utf8.h"
#include "check.h"

/* Normalisation state across the code points of one text. */
typedef struct norm_state {
    int after_digit; /* the last character kept was a digit */
    int gap;         /* a space or sign came after a figure */
} norm_state;

static int is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Is the first code point of s[0..len), in its compatibility form, a
 * digit ("４" is 4)? */
static int starts_with_digit(const unsigned char *s, size_t len)
{
    if (!len)
        return 0;
    if (s[0] < 0x80)
        return is_digit(s[0]);
    int32_t folded[4];
    size_t next;
    int32_t cp = utf8_at((const char *)s, len, 0, &next); /* Hangul decoded in place */
    return utf8_compat(cp, folded, 4) >= 1 && is_digit(folded[0]);
}

/* One code point (already in compatibility form) into `out`. */
static void norm_cp(buf *out, norm_state *st, int32_t cp, int next_digit)
{
    int digit = is_digit(cp);
    int letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0xAC00 ||
                 (cp >= 0x3131 && cp <= 0x318E) || (cp >= 0xC0 && cp < 0x2000);
    if (digit || letter || cp == '%' || cp == '$') {
        if (digit && st->gap)
            buf_putc(out, '|'); /* "2020 (-38%)" holds two figures */
        char enc[4];
        if (cp >= 'A' && cp <= 'Z')
            buf_putc(out, (char)(cp + 32));
        else
            buf_append(out, enc, utf8_encode(cp, enc)); /* "%" and "$" are units */
        st->gap = 0;
        st->after_digit = digit;
    } else if (st->after_digit && next_digit && (cp == '.' || cp == ',')) {
        if (cp == '.')
            buf_putc(out, '.'); /* 0.154 keeps its point; 3,200 loses its comma */
    } else {
        st->gap = st->gap || st->after_digit;
        st->after_digit = 0;
    }
}

/* Letters (any script), digits and unit signs survive normalisation; ASCII
 * is lower-cased; spaces and punctuation go. Compatibility characters are
 * read in their NFKC form first ("４８６" is 486, "㎞" is km) and hidden
 * ones (bidi controls, Hangul fillers) are not read at all, so that what
 * looks the same compares the same. Digits keep their shape: a decimal
 * point stays (0.154), a thousands comma goes (3,200 = 3200), and a space
 * or other punctuation between two figures leaves a boundary (0.115~0.154
 * and "2020 (-38%)" are two figures each), while a unit may follow with
 * or without a space (3,200 헥타르 = 3,200헥타르). */
void norm_append(buf *out, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    norm_state st = {0, 0};
    size_t i = 0;
    while (i < len) {
        size_t next, run = i;
        int32_t cp = utf8_at(str, len, i, &next); /* as utf8_decode, Hangul in place */
        /* A run of syllables is kept as it is (norm_cp keeps each letter
         * and clears the figure state), in one append: most of the text. */
        while (utf8_is_hangul(cp)) {
            run = next;
            if (run >= len)
                break;
            cp = utf8_at(str, len, run, &next);
        }
        if (run > i) {
            buf_append(out, str + i, run - i);
            st.gap = st.after_digit = 0;
            i = run;
            continue;
        }
        size_t n = next - i;
        if (cp < 0x80) {
            /* only a point or comma after a figure asks what comes next */
            int next_digit = st.after_digit && (cp == '.' || cp == ',') &&
                             starts_with_digit(s + i + n, len - i - n);
            norm_cp(out, &st, cp, next_digit);
        } else if (!utf8_is_hidden(cp)) {
            int next_digit = starts_with_digit(s + i + n, len - i - n);
            int32_t folded[8];
            size_t k = utf8_compat(cp, folded, 8);
            for (size_t j = 0; j < k; j++)
                if (!utf8_is_hidden(folded[j]))
                    norm_cp(out, &st, folded[j], j + 1 < k ? is_digit(folded[j + 1]) : next_digit);
        }
        i += n;
    }
}

static int hay_add(haystack *h, const char *sentence, size_t source)
{
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 64;
        size_t *st = realloc(h->starts, cap * sizeof *st);
        if (st)
            h->starts = st;
        const char **se = realloc(h->sentences, cap * sizeof *se);
        if (se)
            h->sentences = se;
        size_t *so = realloc(h->source_of, cap * sizeof *so);
        if (so)
            h->source_of = so;
        if (!st || !se || !so)
            return 0;
        h->cap = cap;
    }
    h->starts[h->n] = h->text.len;
    h->sentences[h->n] = sentence;
    h->source_of[h->n] = source;
    h->n++;
    norm_append(&h->text, sentence, strlen(sentence));
    buf_putc(&h->text, '|'); /* no match may run across two sentences */
    return !h->text.oom;
}

/* What a source states beyond its prose sentences: headings, table cells,
 * image captions. The analysis leaves them out; the check must not. */
static int hay_add_rest(haystack *h, const gisa_document *d, size_t source)
{
    /* What the page says of itself (its site, publisher, author; the
     * title came with the analysis) is the source's word too: a rewrite
     * that credits them states no new fact. */
    const char *const about[] = {d->site_name, d->publisher, d->author, d->department,
                                 d->contact, d->license_text};
    for (size_t i = 0; i < sizeof about / sizeof *about; i++)
        if (about[i] && *about[i] && !hay_add(h, about[i], source))
            return 0;
    /* A post's credit line ("이 글은 공공누리 제1유형에 따라 국방부의
     * 저작물을 이용하였습니다") is about the post, not a claim of news: its
     * words are no unsupported content (content.c). */
    if (!hay_add(h, "저작물 이용 인용 저작권 출처 원저작자 조건 원문 Used under Quoted in part "
                    "from which reserves all rights "
                    "the Creative Commons licence 크리에이티브 커먼즈 라이선스 따라 "
                    /* and the sentence of a page that states no licence */
                    "원문에는 이용 허락 표시가 없으며 저작권은 에 있습니다 "
                    "The source states no licence its copyright remains with its owner",
                 source))
        return 0;
    /* nor are the labels of a post's own furniture (its summary table,
     * contact line: compose writes them) */
    if (!hay_add(h, "핵심 내용 핵심어 원문 문의 합의 내용 주요 내용 구분 Key points Topic In the "
                    "source's words Source Contact the source", source))
        return 0;
    /* and so are its files' names, which a post lists as links under a
     * label of its own ("첨부 파일": the page offers files, no claim) */
    if (d->nattachments && (!hay_add(h, "첨부 파일", source) || !hay_add(h, "Attachments", source)))
        return 0;
    for (size_t i = 0; i < d->nattachments; i++)
        if (d->attachments[i].name && *d->attachments[i].name &&
            !hay_add(h, d->attachments[i].name, source))
            return 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *b = &d->blocks[i];
        if ((b->kind == GISA_BLOCK_HEADING || b->kind == GISA_BLOCK_IMAGE) && b->text &&
            *b->text && !hay_add(h, b->text, source))
            return 0;
        for (size_t k = 0; b->kind == GISA_BLOCK_TABLE && k < b->nitems; k++)
            if (*b->items[k] && !hay_add(h, b->items[k], source))
                return 0;
    }
    return 1;
}

static uint32_t hash_span(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Sentence i's normal form in the haystack, without its '|' end. */
static const char *hay_span(const haystack *h, size_t i, size_t *len)
{
    size_t end = i + 1 < h->n ? h->starts[i + 1] : h->text.len;
    *len = end - h->starts[i] - 1;
    return h->text.ptr + h->starts[i];
}

int hay_index(haystack *h)
{
    size_t cap = 16;
    while (cap < h->n * 2)
        cap *= 2;
    h->table = malloc(cap * sizeof *h->table);
    if (!h->table)
        return 0;
    memset(h->table, 0xFF, cap * sizeof *h->table);
    h->tabcap = cap;
    for (size_t i = 0; i < h->n && i < UINT32_MAX; i++) {
        size_t len;
        const char *s = hay_span(h, i, &len);
        size_t at = hash_span(s, len) & (cap - 1);
        while (h->table[at] != UINT32_MAX)
            at = (at + 1) & (cap - 1);
        h->table[at] = (uint32_t)i;
    }
    return 1;
}

long hay_sentence(const haystack *h, const char *sentence)
{
    if (!h->tabcap)
        return -1;
    buf n = BUF_INIT;
    norm_append(&n, sentence, strlen(sentence));
    long found = -1;
    if (n.ptr && n.len) {
        for (size_t at = hash_span(n.ptr, n.len) & (h->tabcap - 1);
             h->table[at] != UINT32_MAX && found < 0; at = (at + 1) & (h->tabcap - 1)) {
            size_t len;
            const char *s = hay_span(h, h->table[at], &len);
            if (len == n.len && !memcmp(s, n.ptr, len))
                found = h->table[at];
        }
    }
    buf_free(&n);
    return found;
}

long hay_find(const haystack *h, const char *needle, size_t len)
{
    buf n = BUF_INIT;
    norm_append(&n, needle, len);
    long found = -1;
    const char *p = NULL;
    if (n.len && h->text.len) {
        /* A figure matches whole: "50%" is not found inside "150%". */
        int digit = n.ptr[0] >= '0' && n.ptr[0] <= '9';
        for (const char *from = h->text.ptr;
             (p = memmem(from, h->text.len - (size_t)(from - h->text.ptr), n.ptr, n.len));
             from = p + 1)
            if (!digit || p == h->text.ptr || p[-1] < '0' || p[-1] > '9')
                break;
        if (p) {
            size_t off = (size_t)(p - h->text.ptr), lo = 0, hi = h->n;
            while (hi - lo > 1) { /* the sentence whose start is last <= off */
                size_t mid = (lo + hi) / 2;
                if (h->starts[mid] <= off)
                    lo = mid;
                else
                    hi = mid;
            }
            found = (long)lo;
        }
    }
    buf_free(&n);
    return found;
}

gisa_fact *add_fact(checker *c, gisa_fact_kind kind, const char *text, size_t sentence)
{
    if (c->nfacts == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        gisa_fact *nf = arena_alloc(&c->mem, cap * sizeof *nf);
        if (!nf)
            return NULL;
        if (c->nfacts)
            memcpy(nf, c->facts, c->nfacts * sizeof *nf);
        c->facts = nf;
        c->cap = cap;
    }
    gisa_fact *f = &c->facts[c->nfacts++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->text = text;
    f->sentence = sentence;
    f->verdict = GISA_UNSUPPORTED;
    const char *s = sentence < c->dan->nsentences ? c->dan->sentences[sentence].text : NULL;
    const char *at = s && text ? strstr(s, text) : NULL;
    if (at) {
        f->span.start = (size_t)(at - s);
        f->span.end = f->span.start + strlen(text);
    }
    return f;
}

/* Every claim of the derived text: its title and headings too, which the
 * article analysis leaves out but a rewrite asserts like any sentence. */
static void derived_text(const gisa_document *d, buf *out)
{
    if (d->title)
        buf_printf(out, "%s\n\n", d->title);
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *b = &d->blocks[i];
        if (b->text && *b->text && b->kind != GISA_BLOCK_IMAGE && b->kind != GISA_BLOCK_CODE)
            buf_printf(out, "%s\n\n", b->text);
        for (size_t k = 0; k < b->nitems; k++)
            if (*b->items[k])
                buf_printf(out, "%s\n\n", b->items[k]);
    }
}

/* Every derived sentence may be compared with every source sentence, so
 * the work grows with their product; past GISA_CHECK_MAX_PAIRS it is
 * refused by name rather than cut short (a check that stopped half way
 * would pass what it never read). */
static gisa_status within_limit(const checker *c, gisa_error *err)
{
    size_t theirs = 0;
    for (size_t i = 0; i < c->nsources; i++)
        theirs += c->san[i]->nsentences;
    size_t mine = c->dan->nsentences;
    if (mine && theirs > GISA_CHECK_MAX_PAIRS / mine)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: %zu sentences against %zu source sentences is more than the "
                         "check's limit of %zu sentence pairs",
                         input_label(c->derived->source_name), mine, theirs,
                         (size_t)GISA_CHECK_MAX_PAIRS);
    return GISA_OK;
}

/* Which derived sentences copy a source sentence, asked once for all. */
static int mark_copies(checker *c)
{
    size_t n = c->dan->nsentences;
    c->copy_of = arena_alloc(&c->mem, (n ? n : 1) * sizeof *c->copy_of);
    for (size_t i = 0; c->copy_of && i < n; i++)
        c->copy_of[i] = hay_sentence(&c->hay, c->dan->sentences[i].text);
    return c->copy_of != NULL;
}

int sentence_copied(const checker *c, size_t di)
{
    return c->copy_of[di] >= 0;
}

static gisa_status analyse_all(checker *c, const gisa_document *const *sources,
                               gisa_error *err)
{
    buf raw = BUF_INIT, text = BUF_INIT;
    derived_text(c->derived, &raw);
    /* The derived text is read as it looks: "４８６억" is 486억, and a bidi
     * override or a Hangul filler cannot hide a figure or a name. */
    text_fold_compat(&text, raw.ptr ? raw.ptr : "", raw.len);
    int oom = raw.oom || text.oom;
    buf_free(&raw);
    if (oom) {
        buf_free(&text);
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    }
    gisa_analyze_options facts = {0, 1}; /* no ranking or keywords needed */
    gisa_status st = gisa_analyze_text(NULL, c->derived->date, text.ptr ? text.ptr : "",
                                       text.len, &facts, &c->dan, err);
    buf_free(&text);
    for (size_t i = 0; st == GISA_OK && i < c->nsources; i++) {
        if (!c->borrowed)
            st = gisa_analyze(sources[i], &facts, &c->san[i], err);
        if (st != GISA_OK)
            break;
        const gisa_analysis *a = c->san[i];
        if (a->title && !hay_add(&c->hay, a->title, i))
            st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
        for (size_t k = 0; st == GISA_OK && k < a->nsentences; k++)
            if (!hay_add(&c->hay, a->sentences[k].text, i))
                st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
        if (st == GISA_OK && !hay_add_rest(&c->hay, sources[i], i))
            st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    }
    if (st == GISA_OK && (!hay_index(&c->hay) || !mark_copies(c)))
        st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    return st == GISA_OK ? within_limit(c, err) : st;
}

static gisa_fact_kind fact_kind(gisa_entity_kind k)
{
    switch (k) {
    case GISA_ENTITY_PERSON: return GISA_FACT_PERSON;
    case GISA_ENTITY_ORG: return GISA_FACT_ORG;
    case GISA_ENTITY_PLACE: return GISA_FACT_PLACE;
    case GISA_ENTITY_DATE: return GISA_FACT_DATE;
    case GISA_ENTITY_NUMBER: return GISA_FACT_NUMBER;
    }
    return GISA_FACT_ORG;
}

static gisa_status judge_all(checker *c, gisa_error *err)
{
    const gisa_analysis *d = c->dan;
    for (size_t i = 0; i < d->nentities; i++) {
        const gisa_entity *e = &d->entities[i];
        gisa_fact *f = add_fact(c, fact_kind(e->kind), e->text, e->sentence);
        if (f)
            judge_entity(c, f, e);
    }
    find_text_facts(c);
    find_quantities(c);
    find_roles(c);
    find_agents(c);
    find_order(c);
    find_tense(c);
    find_claims(c);
    if (!find_predicates(c))
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: its predicates need more than the check's limit of %zu "
                         "comparisons with source sentences",
                         input_label(c->derived->source_name),
                         (size_t)GISA_CHECK_MAX_COMPARISONS);
    for (size_t i = 0; i < d->nagreements; i++) {
        const gisa_agreement *a = &d->agreements[i];
        gisa_fact *f = add_fact(c, GISA_FACT_AGREEMENT, a->what, a->sentence);
        if (f)
            judge_agreement(c, f, a);
    }
    return GISA_OK;
}

static int by_position(const void *a, const void *b)
{
    const gisa_fact *x = a, *y = b;
    if (x->sentence != y->sentence)
        return x->sentence < y->sentence ? -1 : 1;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    return x->kind < y->kind ? -1 : x->kind > y->kind;
}

static void free_checker(checker *c)
{
    gisa_analysis_free(c->dan);
    for (size_t i = 0; c->san && !c->borrowed && i < c->nsources; i++)
        gisa_analysis_free(c->san[i]);
    if (!c->borrowed)
        free(c->san);
    buf_free(&c->hay.text);
    free(c->hay.starts);
    free(c->hay.sentences);
    free(c->hay.source_of);
    free(c->hay.table);
    stem_cache_free(&c->kept);
}

/* The result handed out: the public report first, then the arena that
 * holds everything it points to. */
typedef struct check_result {
    gisa_check_report pub;
    arena mem;
} check_result;

/* At most this many sentence comparisons find the nearest source
 * sentences of unsupported facts: a report's aid, not a verdict, so past
 * it the rest go without one rather than slow a huge check down. */
#define NEAREST_BUDGET 200000

/* The source sentence sharing most content words with what fact f says
 * (its text when that is a clause, else its whole sentence). */
static void find_nearest(checker *c, gisa_fact *f, size_t *budget)
{
    const char *mine = check_content_words(f->text ? f->text : "") >= 2
                           ? f->text
                           : (f->sentence < c->dan->nsentences ? c->dan->sentences[f->sentence].text
                                                               : NULL);
    double best = 0;
    for (size_t i = 0; mine && i < c->hay.n && *budget > 0; i++, (*budget)--) {
        double o = check_overlap_kept(c, mine, c->hay.sentences[i]);
        if (o > best) {
            best = o;
            f->nearest = c->hay.sentences[i];
        }
    }
}

/* Fill r with copies of what it shows: the analyses are freed after. */
static int make_report(checker *c, gisa_check_report *r)
{
    const gisa_analysis *d = c->dan;
    const char **sent = arena_alloc(&c->mem, (d->nsentences + 1) * sizeof *sent);
    if (!sent)
        return 0;
    for (size_t i = 0; i < d->nsentences; i++)
        sent[i] = arena_strdup(&c->mem, d->sentences[i].text);
    size_t budget = NEAREST_BUDGET;
    for (size_t i = 0; i < c->nfacts; i++) {
        gisa_fact *f = &c->facts[i];
        if (f->verdict != GISA_SUPPORTED && !f->source_sentence)
            find_nearest(c, f, &budget);
        f->nearest = arena_strdup(&c->mem, f->nearest);
        f->text = arena_strdup(&c->mem, f->text);
        f->source_text = arena_strdup(&c->mem, f->source_text);
        f->source_sentence = arena_strdup(&c->mem, f->source_sentence);
        f->note = arena_strdup(&c->mem, f->note);
        r->supported += f->verdict == GISA_SUPPORTED;
        r->unsupported += f->verdict == GISA_UNSUPPORTED;
        r->contradicted += f->verdict == GISA_CONTRADICTED;
    }
    if (c->nfacts)
        qsort(c->facts, c->nfacts, sizeof *c->facts, by_position);
    r->sentences = sent;
    r->nsentences = d->nsentences;
    r->facts = c->facts;
    r->nfacts = c->nfacts;
    return 1;
}

gisa_status gisa_check(const gisa_document *derived, const gisa_document *const *sources,
                       size_t nsources, gisa_check_report **out, gisa_error *err)
{
    return check_run(derived, sources, NULL, nsources, out, err);
}

gisa_status check_run(const gisa_document *derived, const gisa_document *const *sources,
                      gisa_analysis *const *analyses, size_t nsources,
                      gisa_check_report **out, gisa_error *err)
{
    *out = NULL;
    if (!derived || !sources || nsources == 0)
        return gisa_fail(err, GISA_ERR_USAGE, "gisa_check: a derived text and a source are needed");
    checker c;
    memset(&c, 0, sizeof c);
    arena_init(&c.mem);
    c.derived = derived;
    c.nsources = nsources;
    c.borrowed = analyses != NULL;
    c.san = analyses ? (gisa_analysis **)analyses : calloc(nsources, sizeof *c.san);
    check_result *res = calloc(1, sizeof *res);
    gisa_status st = c.san && res ? analyse_all(&c, sources, err)
                                  : gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    if (st == GISA_OK)
        st = judge_all(&c, err);
    if (st == GISA_OK) {
        if (make_report(&c, &res->pub)) {
            res->mem = c.mem; /* the result owns the arena from here */
            arena_init(&c.mem);
            *out = &res->pub;
            res = NULL;
        } else {
            st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory while checking");
        }
    }
    free(res);
    free_checker(&c);
    arena_free(&c.mem);
    return st;
}

void gisa_check_free(gisa_check_report *r)
{
    if (!r)
        return;
    check_result *res = (check_result *)r;
    arena_free(&res->mem);
    free(res);
}
