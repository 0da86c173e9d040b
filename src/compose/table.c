/* table.c - the table closing a post: what a release says was decided
 * or agreed ("합의 내용" / "주요 내용"), else its key sentences.
 *
 * A row must read as a whole clause of the source. The analysis gives
 * what was agreed as the text before the predicate, which may end inside
 * a word ("…함께 정" of "정하기로 했다"); a row is therefore rebuilt from
 * the sentence: the topic as written, the clause, and the predicate with
 * its ending turned into the nominal one a summary table uses ("…하기로
 * 함", "…을 환영함"). Rows that cannot be made whole are left out. */
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/utf8.h"
#include "compose.h"

#define TABLE_ROWS_MAX 10
#define AGREEMENT_MIN_CHARS 8

/* Openers that tie a sentence to the one before ("이를 위해", "그
 * 일환으로"): dropped from a row's start, which stands alone. */
static const char *const back_references[] = {
    "이를 위해서", "이를 위해", "이를 통해", "이를 바탕으로", "그 일환으로", "이의 일환으로",
    "이에 따라", "이에", "이와 함께", "이와 관련해", "이와 관련하여", "이와 더불어",
    "이 밖에도", "이 밖에", "또한", "아울러", "한편", "특히", "이어", "이날", "이번에", NULL,
};

/* Words that still point back after that: a row opening with one is
 * left out. */
static const char *const pointers[] = {
    "이를", "이에", "이와", "이는", "이같은", "이 같은", "이러한", "이 밖에", "그", "그런", "해당",
    NULL,
};

/* Predicate endings and the nominal ending each becomes. */
static const struct {
    const char *tail, *nominal;
} nominal_endings[] = {
    {"하였", "함"}, {"했", "함"},   {"한다", "함"},   {"하고", "함"},   {"하며", "함"},
    {"해", "함"},   {"되었", "됨"}, {"됐", "됨"},     {"된다", "됨"},   {"되고", "됨"},
    {"되어", "됨"}, {"모았", "모음"}, {"이뤘", "이룸"}, {"이루었", "이룸"}, {"이르렀", "이름"},
};

static int word_starts(const char *s, const char *const *list, size_t *len)
{
    for (const char *const *w = list; *w; w++) {
        size_t n = strlen(*w);
        if (!strncmp(s, *w, n) && (s[n] == ' ' || s[n] == ',' || s[n] == '\0')) {
            *len = n;
            return 1;
        }
    }
    return 0;
}

int refers_back(const char *s)
{
    size_t n;
    return word_starts(s, pointers, &n); /* 이를 위해, 이에 따라, 그 일환으로 */
}

/* Outline markers a release opens its lines with: not part of a row. */
static const char *const outline_markers[] = {
    "○", "□", "◇", "◆", "ㅇ", "-", "·", "•", "*", "▶", "▸", "※", NULL,
};

/* The clause without outline markers and the openers that refer back;
 * NULL when what is left still opens with a pointer. */
static const char *without_back_reference(const char *s)
{
    size_t n;
    while (word_starts(s, outline_markers, &n) || word_starts(s, back_references, &n)) {
        s += n;
        while (*s == ' ' || *s == ',')
            s++;
    }
    return word_starts(s, pointers, &n) ? NULL : s;
}

/* Append the predicate as written up to its ending, then the nominal
 * ending ("하기로 했다" -> "하기로 함"); 0 when it has none known. The
 * ending is looked for after "기로"/"키로", whose own 하 is the verb's. */
static int nominal_predicate(buf *out, const char *verb)
{
    const char *from = verb, *p;
    if ((p = strstr(verb, "기로")) || (p = strstr(verb, "키로")))
        from = p + strlen("기로");
    const char *best = NULL, *nominal = NULL;
    for (size_t i = 0; i < sizeof nominal_endings / sizeof *nominal_endings; i++) {
        const char *at = strstr(from, nominal_endings[i].tail);
        if (at && (!best || at < best)) {
            best = at;
            nominal = nominal_endings[i].nominal;
        }
    }
    if (!best && !strncmp(verb, "환영", strlen("환영"))) { /* 환영의 뜻을 밝혔다 */
        best = verb + strlen("환영");
        nominal = "함";
    }
    if (!best)
        return 0;
    buf_append(out, verb, (size_t)(best - verb));
    buf_puts(out, nominal);
    return 1;
}

/* The word holding `who` with its topic or subject particle as written
 * ("양 장관은", not "양 장관의"), in sentence si or, for a topic carried
 * over, the closest sentence before it in the same paragraph; sets *in to
 * the sentence it was found in. */
static const char *topic_as_written(const gisa_analysis *a, size_t si, const char *who,
                                    size_t *len, size_t *in)
{
    static const char *const particles[] = {"께서", "은", "는", "이", "가", NULL};
    size_t para = a->sentences[si].paragraph, n = strlen(who);
    for (size_t k = si + 1; k-- > 0 && a->sentences[k].paragraph == para;) {
        for (const char *p = strstr(a->sentences[k].text, who); p; p = strstr(p + 1, who)) {
            size_t plen;
            for (const char *const *q = particles; *q; q++) {
                plen = strlen(*q);
                if (!strncmp(p + n, *q, plen) && (p[n + plen] == ' ' || p[n + plen] == ',')) {
                    *len = n + plen;
                    *in = k;
                    return p;
                }
            }
        }
    }
    return NULL;
}

/* One agreement as a whole clause with a nominal ending, or NULL. */
static const char *agreement_row(post_model *m, const gisa_agreement *g)
{
    const gisa_analysis *a = m->an;
    const char *sentence = a->sentences[g->sentence].text;
    const char *what = strstr(sentence, g->what);
    const char *verb = what ? strstr(what + strlen(g->what), g->verb) : NULL;
    const char *clause = what ? without_back_reference(what) : NULL;
    if (!verb || !clause || clause >= verb ||
        utf8_length(clause, (size_t)(verb - clause)) < AGREEMENT_MIN_CHARS)
        return NULL;
    buf row = BUF_INIT;
    size_t n = 0, in = 0;
    const char *topic = g->who && !strstr(g->what, g->who)
                            ? topic_as_written(a, g->sentence, g->who, &n, &in) : NULL;
    for (size_t skip; topic && word_starts(topic, outline_markers, &skip);) {
        topic += skip + 1; /* "○ 양 장관은": the topic is 양 장관 */
        n = n > skip + 1 ? n - skip - 1 : 0;
    }
    if (topic && n && (in != g->sentence || topic < clause)) {
        buf_append(&row, topic, n);
        buf_putc(&row, ' ');
    }
    buf_append(&row, clause, (size_t)(verb - clause));
    const char *result = NULL;
    if (nominal_predicate(&row, g->verb) && row.ptr)
        result = arena_strndup(&m->mem, row.ptr, row.len);
    buf_free(&row);
    return result;
}

static const char *agreement_label(const char *kind)
{
    static const char *const names[][2] = {
        {"decision", "결정"}, {"agreement", "합의"}, {"consensus", "공감"},
        {"welcome", "환영"},  {"commitment", "약속"},
    };
    for (size_t i = 0; kind && i < sizeof names / sizeof *names; i++)
        if (!strcmp(kind, names[i][0]))
            return names[i][1];
    return "합의";
}

/* The best keyword a sentence contains that no earlier row took. */
static const char *subject_of(const gisa_analysis *a, const char *sentence,
                              const char **taken, size_t ntaken)
{
    for (size_t k = 0; k < a->nkeywords; k++) {
        const char *w = a->keywords[k].text;
        int used = 0;
        for (size_t t = 0; t < ntaken; t++)
            used |= !strcmp(taken[t], w);
        if (!used && strstr(sentence, w))
            return w;
    }
    return NULL;
}

static void push_table(post_model *m, const char *heading, const char **cells, size_t rows)
{
    gisa_block *head = arena_calloc(&m->mem, 1, sizeof *head);
    gisa_block *table = arena_calloc(&m->mem, 1, sizeof *table);
    if (!head || !table)
        return;
    head->kind = GISA_BLOCK_HEADING;
    head->level = 2;
    head->text = heading;
    table->kind = GISA_BLOCK_TABLE;
    table->level = 1;
    table->items = cells;
    table->nitems = 2 * rows;
    table->ncols = 2;
    m->blocks[m->nblocks] = head;
    m->source_index[m->nblocks++] = NO_SOURCE;
    m->blocks[m->nblocks] = table;
    m->source_index[m->nblocks++] = NO_SOURCE;
}

/* Does a sentence end as one ("…다.", "…요?", "…했다”")? Subtitle lines
 * run together ("…쉬워져 임대인 … 의무화") do not, and make no row. */
int ends_as_sentence(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && strchr(" \"')]", s[n - 1]))
        n--;
    while (n >= 3 && (ends_with(s, n, "”") || ends_with(s, n, "’") || ends_with(s, n, "」")))
        n -= 3;
    if (n > 0 && strchr(".!?", s[n - 1]))
        return 1;
    return ends_with(s, n, "다") || ends_with(s, n, "요");
}

/* Without agreements, the key sentences make the table: the keyword each
 * is about | the sentence, verbatim. */
static void add_key_points_table(post_model *m, size_t most)
{
    const char **cells = arena_alloc(&m->mem, (m->nkey + 1) * 2 * sizeof *cells);
    if (!cells || m->nkey == 0)
        return;
    cells[0] = m->korean ? "핵심어" : "Topic";
    cells[1] = m->korean ? "원문" : "In the source's words";
    size_t n = 1;
    for (size_t i = 0; i < m->nkey && n <= most; i++) {
        const char *taken[8];
        size_t ntaken = 0;
        for (size_t r = 1; r < n && ntaken < 8; r++)
            taken[ntaken++] = cells[2 * r];
        const char *subject = subject_of(m->an, m->key[i]->text, taken, ntaken);
        if (!subject || !ends_as_sentence(m->key[i]->text))
            continue;
        int cls, number; /* an outline item's marker is list structure, not words */
        cells[2 * n] = subject;
        cells[2 * n + 1] = m->key[i]->text + outline_marker(m->key[i]->text, &cls, &number);
        n++;
    }
    if (n > 1)
        push_table(m, m->korean ? "핵심 내용" : "Key points", cells, n);
}

/* A release: issued by an organisation (a ministry, an agency) or under
 * 공공누리, as opposed to a newspaper's story. */
static int is_release(const gisa_document *d)
{
    return d->publisher || (d->license && !strncmp(d->license, "KOGL", 4));
}

/* What a Korean release says was decided or agreed: kind | clause. */
static size_t add_agreements_table(post_model *m, size_t most)
{
    const gisa_analysis *a = m->an;
    const char **cells = arena_alloc(&m->mem, (most + 1) * 2 * sizeof *cells);
    if (!cells)
        return 0;
    cells[0] = "구분";
    cells[1] = "내용";
    size_t n = 1;
    int agreed = 0;
    for (size_t i = 0; i < a->nagreements && n <= most; i++) {
        const gisa_agreement *g = &a->agreements[i];
        const char *row = g->what && g->verb ? agreement_row(m, g) : NULL;
        int seen = 0;
        for (size_t r = 1; r < n && row; r++)
            seen |= !strcmp(cells[2 * r + 1], row);
        if (!row || seen)
            continue;
        agreed |= !strcmp(g->kind, "agreement") || !strcmp(g->kind, "consensus");
        cells[2 * n] = agreement_label(g->kind);
        cells[2 * n + 1] = row;
        n++;
    }
    if (n > 1)
        push_table(m, agreed ? "합의 내용" : "주요 내용", cells, n);
    return n - 1;
}

void add_summary_table(post_model *m)
{
    size_t most = TABLE_ROWS_MAX;
    if (m->opt.mode == GISA_MODE_SUMMARY) /* the table follows -n */
        most = m->opt.summary_sentences ? m->opt.summary_sentences : 3;
    /* Agreement clauses are read the Korean way ("…하기로 했다"); in
     * other languages, and in stories, the key points serve better. */
    if (m->korean && is_release(m->doc) && add_agreements_table(m, most) > 0)
        return;
    add_key_points_table(m, most);
}
