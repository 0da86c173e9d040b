/* summary.c - summary mode: the source's best sentences, each a
 * paragraph of its own, in document order.
 *
 * A sentence that does not end as one (subtitle lines run together: "…
 * 쉬워져 임대인 … 의무화") is passed over for the next best; one that
 * opens by pointing back ("이를 위해 …") comes with the sentence before
 * it, which it needs to be understood. */
#include <string.h>

#include "compose.h"

static void push_sentence(post_model *m, size_t si)
{
    const gisa_sentence *s = &m->an->sentences[si];
    gisa_block *b = arena_calloc(&m->mem, 1, sizeof *b);
    if (!b)
        return;
    b->kind = m->quoted ? GISA_BLOCK_QUOTE : GISA_BLOCK_PARAGRAPH; /* an unlicensed page's */
    b->text = arena_strdup(&m->mem, s->text);
    b->offset = s->paragraph < m->doc->nblocks ? m->doc->blocks[s->paragraph].offset : 0;
    m->blocks[m->nblocks] = b;
    m->source_index[m->nblocks++] = s->paragraph;
}

void keep_summary(post_model *m)
{
    const gisa_analysis *a = m->an;
    size_t k = m->opt.summary_sentences ? m->opt.summary_sentences : 3;
    size_t want = 2 * k + 2; /* room to pass over sentences that are not whole */
    size_t *picks = arena_alloc(&m->mem, (want + 1) * sizeof *picks);
    char *keep = arena_calloc(&m->mem, a->nsentences + 1, 1);
    if (!picks || !keep)
        return;
    size_t n = gisa_summary(a, want, picks);
    for (size_t kept = 0; kept < k;) { /* the k best-ranked whole sentences */
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!keep[picks[i]] && ends_as_sentence(a->sentences[picks[i]].text) &&
                (best == n || a->sentences[picks[i]].rank < a->sentences[picks[best]].rank))
                best = i;
        if (best == n)
            break;
        keep[picks[best]] = 1;
        kept++;
    }
    for (size_t si = 0; si < a->nsentences; si++) {
        if (!keep[si])
            continue;
        if (si > 0 && !keep[si - 1] && refers_back(a->sentences[si].text) &&
            a->sentences[si - 1].paragraph == a->sentences[si].paragraph)
            push_sentence(m, si - 1);
        push_sentence(m, si);
    }
}
