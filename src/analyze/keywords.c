/* keywords.c - keywords and key phrases of one document.
 *
 * In the spirit of KR-WordRank (Kim et al. 2014): no dictionary, only the
 * document. Candidates are stems (eojeols with particles and endings
 * stripped, so compounds such as 국방교류협력 stay whole) that recur or
 * appear in the title, and sub-word units: leading parts shared by several
 * different eojeols (국방 in 국방부, 국방장관). A co-occurrence graph over
 * neighbouring candidates is ranked with PageRank; the rank is weighted by
 * frequency. Adjacent keywords that recur together become key phrases. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/utf8.h"
#include "analysis.h"
#include "hangul.h"

#define WINDOW 3
/* The graph is dense (n^2): the most frequent candidates only. */
#define MAX_CANDIDATES 400

/* Frequent words that carry no topic. */
static const lexeme stopwords[] = {
    LX("이번"), LX("이날"), LX("관련"), LX("통해"), LX("위해"), LX("대한"), LX("대해"), LX("또한"),
    LX("이후"), LX("지난"), LX("올해"), LX("함께"), LX("가장"), LX("때문"), LX("경우"), LX("위한"),
    LX("이라"), LX("있다"), LX("없다"), LX("했다"), LX("한다"), LX("밝혔"), LX("말했"),
    LX("그러나"), LX("하지만"), LX("그리고"), LX("따라"), LX("특히"), LX("이를"), LX("이에"),
    LX("다른"), LX("같은"), LX("많은"), LX("모든"), LX("우리"), LX("여러"), LX("이런"), LX("그런"),
    LX("어떤"), LX("앞서"), LX("최근"), LX("현재"), LX("당시"), LX("한편"), LX("다시"),
    LX("가운데"), LX("이상"), LX("이하"), LX("정도"), LX("이같"), LX("있는"), LX("있으며"),
    LX("있도록"), LX("있을"), LX("없는"), LX("되는"), LX("라고"), LX("이라고"), LX("등을"),
    LX("등의"), LX("것으로"), LX("수도"), LX("것이다"), LX("것을"), LX("것이"), LX("설명했"),
    LX("강조했"), LX("덧붙였"), LX("전했"), LX("보인"), LX("보였"), LX("나가"), LX("같이"),
    LX("상호"), LX("의견"), LX("했습니"), LX("습니"), LX("하는"), LX("있습니"), LX("됩니"),
    LX("입니"), LX("합니"), LX("지금"), LX("하루"), LX("차례"), LX("기준"), LX("확인"), LX("있던"),
    LX("you"), LX("your"), LX("how"), LX("more"), LX("an"), LX("may"), LX("such"), LX("use"),
    LX("can"), LX("will"), LX("not"), LX("but"), LX("all"), LX("have"), LX("has"), LX("had"),
    LX("were"), LX("been"), LX("their"), LX("they"), LX("we"), LX("our"), LX("its"), LX("which"),
    LX("what"), LX("when"), LX("who"), LX("about"), LX("into"), LX("also"), LX("than"), LX("other"),
    LX("some"), LX("any"), LX("these"), LX("those"), LX("there"), LX("here"), LX("if"), LX("so"),
    LX("do"), LX("does"), LX("new"), LX("one"), LX("two"), LX("make"), LX("help"), LX("get"),
    LX("most"), LX("only"), LX("each"), LX("the"), LX("and"), LX("of"), LX("to"), LX("in"),
    LX("for"), LX("on"), LX("with"), LX("is"), LX("was"), LX("that"), LX("this"), LX("by"),
    LX("as"), LX("at"), LX("are"), LX("be"), LX("from"), LX("it"), LX("an"), LX("or"), LX_END};

/* Every word of the vocabulary is looked up: lengths counted at compile
 * time, and the first letter compared before the rest (as strncasecmp
 * would, through tolower). */
static int is_stopword(const char *w, size_t n)
{
    int first = n ? tolower((unsigned char)w[0]) : 0;
    for (const lexeme *s = stopwords; s->s; s++)
        if (s->n == n && tolower((unsigned char)s->s[0]) == first &&
            strncasecmp(w, s->s, n) == 0)
            return 1;
    return 0;
}

/* A word that is a number or a number with a counter (9일, 15년) names no
 * topic. */
static int is_numeric(const char *w, size_t n)
{
    return n > 0 && w[0] >= '0' && w[0] <= '9';
}

/* Hangul-only stems can be verbs left unstripped (밝혔다); skip those that
 * end like predicates. */
static int looks_predicate(const char *w, size_t n)
{
    static const lexeme endings[] = {
        LX("다"), LX("고"), LX("며"), LX("면"), LX("서"), LX("요"), LX("지만"), LX("는데"),
        LX("습니"), LX("던"), LX("었"), LX("았"), LX("였"), LX("했"), LX("겠"), LX("됐"), LX("해"),
        LX_END};
    return ends_with_lexeme(w, n, endings) != NULL;
}

/* A one-syllable noun with its particle (섬에, 섬이) is kept whole by the
 * stemmer's two-syllable floor; as a keyword it would be a duplicate. */
static int noun_with_particle(const char *w, size_t n)
{
    static const lexeme particles[] = {
        LX("에"), LX("이"), LX("가"), LX("을"), LX("를"), LX("은"), LX("는"), LX("의"), LX("도"),
        LX("로"), LX("와"), LX("과"), LX("만"), LX_END};
    return utf8_length(w, n) == 2 && ends_with_lexeme(w, n, particles) != NULL;
}

static int good_candidate(const analysis *an, uint32_t id)
{
    const char *w = an->words[id];
    size_t n = an->word_len[id];
    return utf8_length(w, n) >= 2 && !is_numeric(w, n) && !is_stopword(w, n) &&
           !looks_predicate(w, n) && !noun_with_particle(w, n);
}

typedef struct cand {
    uint32_t id;
    double score;
} cand;

static int by_score_desc(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Sub-word units: a candidate that other words of the text extend
 * (국방 in 국방부, 국방장관, 국방교류) names a topic those words share, as
 * the left sub-words of KR-WordRank do; it is weighted up. */
static void boost_subwords(const analysis *an, const uint32_t *ids, size_t nn, double *weight)
{
    for (size_t c = 0; c < nn; c++) {
        uint32_t id = ids[c];
        const char *w = an->words[id];
        size_t n = an->word_len[id], shared = 0;
        for (uint32_t o = 0; o < an->nwords && shared < 2; o++)
            if (o != id && an->word_len[o] > n && memcmp(an->words[o], w, n) == 0)
                shared++;
        if (shared >= 2)
            weight[id] *= 1.5;
    }
}

typedef struct phrase {
    uint32_t a, b;
    size_t count;
} phrase;

static int by_keyword_score(const void *x, const void *y)
{
    const gisa_keyword *p = x, *q = y;
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    return strcmp(p->text, q->text);
}

/* Key phrases: two candidates side by side, the first a bare noun (no
 * particle: 유전자 가위, 국방 협력), seen at least twice. `score` holds
 * each node's keyword score. The phrases join the keywords, best first. */
static void add_phrases(analysis *an, const int32_t *node, const double *score)
{
    /* distinct pairs are at most the tokens; a hash over them, twice as big */
    size_t ntok = 0;
    for (size_t si = 0; si < an->sents.n; si++)
        ntok += an->toks[si].n;
    size_t cap = 64;
    while (cap < 2 * ntok + 2)
        cap *= 2;
    size_t n = 0;
    phrase *ph = malloc(cap * sizeof *ph);
    uint32_t *slot = malloc(cap * sizeof *slot);
    if (!ph || !slot) {
        free(ph);
        free(slot);
        an->oom = 1;
        return;
    }
    memset(slot, 0xFF, cap * sizeof *slot);
    for (size_t si = 0; si < an->sents.n; si++) {
        const sent_tokens *st = &an->toks[si];
        const char *text = ((const gisa_sentence *)an->sents.data)[si].text;
        for (size_t i = 0; i + 1 < st->n; i++) {
            const token *x = &st->tok[i], *y = &st->tok[i + 1];
            if (node[x->id] < 0 || node[y->id] < 0 || x->id == y->id ||
                x->stem_len != x->len || x->start + x->len + 1 != y->start ||
                text[x->start + x->len] != ' ')
                continue;
            size_t h = ((size_t)x->id * 2654435761u ^ (size_t)y->id * 40503u) & (cap - 1);
            while (slot[h] != UINT32_MAX && !(ph[slot[h]].a == x->id && ph[slot[h]].b == y->id))
                h = (h + 1) & (cap - 1);
            if (slot[h] != UINT32_MAX) {
                ph[slot[h]].count++;
                continue;
            }
            slot[h] = (uint32_t)n;
            ph[n++] = (phrase){x->id, y->id, 1};
        }
    }
    free(slot);
    for (size_t k = 0; k < n; k++) {
        if (ph[k].count < 2)
            continue;
        char *t = arena_alloc(&an->mem, an->word_len[ph[k].a] + an->word_len[ph[k].b] + 2);
        if (!t) {
            an->oom = 1;
            break;
        }
        memcpy(t, an->words[ph[k].a], an->word_len[ph[k].a]);
        t[an->word_len[ph[k].a]] = ' ';
        memcpy(t + an->word_len[ph[k].a] + 1, an->words[ph[k].b], an->word_len[ph[k].b]);
        t[an->word_len[ph[k].a] + 1 + an->word_len[ph[k].b]] = '\0';
        gisa_keyword kw = {t, (score[node[ph[k].a]] + score[node[ph[k].b]]) / 2.0, ph[k].count};
        vec_push(an, &an->keywords, &kw);
    }
    free(ph);
    qsort(an->keywords.data, an->keywords.n, sizeof(gisa_keyword), by_keyword_score);
    if (an->keywords.n > an->max_keywords)
        an->keywords.n = an->max_keywords;
}

static int by_tf_desc(const void *a, const void *b, void *ctx)
{
    const size_t *tf = ctx;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (tf[x] != tf[y])
        return tf[x] > tf[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* Candidates, most frequent first when there are too many: recurring
 * stems, and long compounds even when said once. Fills ids and the
 * vocabulary-to-node map; returns how many. */
static size_t pick_candidates(const analysis *an, int32_t *node, uint32_t *ids)
{
    size_t nn = 0;
    for (uint32_t id = 0; id < an->nwords; id++) {
        node[id] = -1;
        if (good_candidate(an, id) &&
            (an->tf[id] >= 2 || an->sents.n < 4 || utf8_length(an->words[id], an->word_len[id]) >= 5))
            ids[nn++] = id;
    }
    if (nn > MAX_CANDIDATES) {
        qsort_r(ids, nn, sizeof *ids, by_tf_desc, an->tf);
        nn = MAX_CANDIDATES;
    }
    for (size_t i = 0; i < nn; i++)
        node[ids[i]] = (int32_t)i;
    return nn;
}

/* Co-occurrence of candidates within a window of tokens: w (nn x nn) and
 * each node's total weight in out. */
static void cooccurrence(const analysis *an, const int32_t *node, size_t nn, double *w,
                         double *out)
{
    for (size_t si = 0; si < an->sents.n; si++) {
        const sent_tokens *st = &an->toks[si];
        for (size_t i = 0; i < st->n; i++) {
            int32_t a = node[st->tok[i].id];
            if (a < 0)
                continue;
            for (size_t j = i + 1; j < st->n && j <= i + WINDOW; j++) {
                int32_t b = node[st->tok[j].id];
                if (b < 0 || b == a)
                    continue;
                w[(size_t)a * nn + (size_t)b] += 1.0;
                w[(size_t)b * nn + (size_t)a] += 1.0;
                out[a] += 1.0;
                out[b] += 1.0;
            }
        }
    }
}

void find_keywords(analysis *an)
{
    size_t nw = an->nwords;
    if (!nw)
        return;
    int32_t *node = malloc(nw * sizeof *node); /* vocab id -> node or -1 */
    uint32_t *ids = malloc(nw * sizeof *ids);
    double *weight = malloc(nw * sizeof *weight);
    double *w = NULL, *out = NULL, *r = NULL;
    cand *c = NULL;
    if (!node || !ids || !weight)
        goto oom;
    for (size_t i = 0; i < nw; i++)
        weight[i] = 1.0;
    size_t nn = pick_candidates(an, node, ids);
    if (!nn)
        goto done;
    boost_subwords(an, ids, nn, weight);
    w = calloc(nn * nn, sizeof *w);
    out = calloc(nn, sizeof *out);
    r = malloc(nn * sizeof *r);
    c = malloc(nn * sizeof *c);
    if (!w || !out || !r || !c)
        goto oom;
    cooccurrence(an, node, nn, w, out);
    if (!graph_rank(w, out, nn, r))
        goto oom;
    for (size_t i = 0; i < nn; i++) {
        c[i].id = ids[i];
        c[i].score = r[i] * (double)nn * log(1.0 + (double)an->tf[ids[i]]) * weight[ids[i]];
    }
    qsort(c, nn, sizeof *c, by_score_desc);
    double top = c[0].score > 0.0 ? c[0].score : 1.0;
    for (size_t i = 0; i < nn && an->keywords.n < an->max_keywords; i++) {
        gisa_keyword k = {an->words[c[i].id], c[i].score / top, an->tf[c[i].id]};
        vec_push(an, &an->keywords, &k);
    }
    /* each node's keyword score, for the phrases */
    for (size_t i = 0; i < nn; i++)
        r[node[c[i].id]] = c[i].score / top;
    add_phrases(an, node, r);
    goto done;
oom:
    an->oom = 1;
done:
    free(w), free(out), free(r), free(c);
    free(node), free(ids), free(weight);
}
