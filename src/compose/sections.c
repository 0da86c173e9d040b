/* sections.c - headings for a page that has none of its own.
 *
 * About every SECTION_PARAS paragraphs a section opens under a heading
 * that is a key word or phrase of that section: a whole word of its text
 * (not of an e-mail address or URL in it), said at least twice there, so
 * the heading speaks of what follows. A section never opens on a
 * sub-item ("○ (제주) …", "- …") or a photo's caption: the items of one
 * list stay together under one heading. Where no word qualifies the paragraphs go on
 * without a heading rather than under a wrong one. */
#include <string.h>

#include "../util/utf8.h"
#include "tags.h"

#define SECTION_PARAS 3
/* A heading word must be said this often in its section. */
#define HEADING_MIN_MENTIONS 2

/* Markers that open an item under an earlier line of an outline. */
static const char *const item_markers[] = {
    "○", "ㅇ", "◦", "-", "‐", "–", "·", "•", "※", "*", "▸", "▶", "(", "가.", "나.", "다.",
    "라.", "마.", "①", "②", "③", "④", "⑤", NULL,
};

static int is_sub_item(const gisa_block *b)
{
    const char *s = b->text;
    while (*s == ' ')
        s++;
    for (const char *const *m = item_markers; *m; m++)
        if (!strncmp(s, *m, strlen(*m)))
            return 1;
    return 0;
}

static size_t whole_word_count(const char *text, const char *w)
{
    size_t n = 0, len = strlen(w);
    for (const char *p = strstr(text, w); p; p = strstr(p + len, w))
        n += whole_word_at(text, p, len);
    return n;
}

/* The paragraphs [from, to) as one text, addresses blanked. */
static char *section_text(post_model *m, size_t from, size_t to)
{
    buf b = BUF_INIT;
    for (size_t i = from; i < to; i++)
        if (m->blocks[i]->kind == GISA_BLOCK_PARAGRAPH) {
            append_without_addresses(&b, m->blocks[i]->text);
            buf_putc(&b, '\n');
        }
    char *text = b.ptr ? arena_strndup(&m->mem, b.ptr, b.len) : NULL;
    buf_free(&b);
    return text;
}

/* Body paragraphs that contain w. */
static size_t paragraphs_with(const post_model *m, const char *w)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nblocks; i++)
        n += m->blocks[i]->kind == GISA_BLOCK_PARAGRAPH && strstr(m->blocks[i]->text, w);
    return n;
}

/* The heading of body blocks [from, to): of the keywords said at least
 * HEADING_MIN_MENTIONS times there, the one most their own (in the fewest
 * paragraphs of the whole body; said more often there, then better
 * ranked, on a tie); phrases and compounds of three syllables or more
 * first; never a generic word or one that heads an earlier section. */
static const char *section_keyword(post_model *m, size_t from, size_t to,
                                   const char **used, size_t nused)
{
    const char *text = section_text(m, from, to), *best = NULL;
    size_t best_spread = (size_t)-1, best_count = 0;
    for (int pass = 0; text && pass < 2 && !best; pass++)
        for (size_t k = 0; k < m->an->nkeywords; k++) {
            const char *w = m->an->keywords[k].text;
            if ((pass == 0 && utf8_length(w, strlen(w)) < 3) || is_tag_stop_word(w))
                continue;
            int taken = 0;
            for (size_t u = 0; u < nused; u++)
                taken |= !strcmp(used[u], w);
            size_t count = taken ? 0 : whole_word_count(text, w);
            if (count < HEADING_MIN_MENTIONS)
                continue;
            size_t spread = paragraphs_with(m, w);
            if (spread < best_spread || (spread == best_spread && count > best_count)) {
                best = w;
                best_spread = spread;
                best_count = count;
            }
        }
    return best;
}

static int has_headings(const post_model *m)
{
    for (size_t i = 0; i < m->nblocks; i++)
        if (m->blocks[i]->kind == GISA_BLOCK_HEADING)
            return 1;
    return 0;
}

/* Where the section opening at block i ends: after SECTION_PARAS
 * paragraphs, and past the sub-items that follow them. */
static size_t section_end(const post_model *m, size_t i)
{
    size_t end = i;
    for (size_t p = 0; end < m->nblocks && p < SECTION_PARAS; end++)
        p += m->blocks[end]->kind == GISA_BLOCK_PARAGRAPH;
    while (end < m->nblocks &&
           (m->blocks[end]->kind != GISA_BLOCK_PARAGRAPH || is_sub_item(m->blocks[end])))
        end++;
    return end;
}

void add_sections(post_model *m)
{
    size_t paras = 0;
    for (size_t i = 0; i < m->nblocks; i++)
        paras += m->blocks[i]->kind == GISA_BLOCK_PARAGRAPH;
    if (has_headings(m) || paras < 2 * SECTION_PARAS)
        return;
    size_t n = m->nblocks, out = 0, seen = 0, nused = 0;
    const gisa_block **blocks = arena_alloc(&m->mem, 2 * n * sizeof *blocks);
    size_t *src = arena_alloc(&m->mem, 2 * n * sizeof *src);
    const char **used = arena_alloc(&m->mem, n * sizeof *used);
    if (!blocks || !src || !used)
        return;
    for (size_t i = 0; i < n; i++) {
        int para = m->blocks[i]->kind == GISA_BLOCK_PARAGRAPH;
        /* the lead stands alone; a sub-item stays with its list, a
         * caption with its photo */
        int caption = i > 0 && m->blocks[i - 1]->kind == GISA_BLOCK_IMAGE;
        if (para && seen >= SECTION_PARAS && !is_sub_item(m->blocks[i]) && !caption) {
            const char *w = section_keyword(m, i, section_end(m, i), used, nused);
            gisa_block *h = w ? arena_calloc(&m->mem, 1, sizeof *h) : NULL;
            if (h) {
                h->kind = GISA_BLOCK_HEADING;
                h->level = 2;
                h->text = w;
                used[nused++] = w;
                blocks[out] = h;
                src[out++] = NO_SOURCE;
            }
            seen = 0;
        }
        seen += para;
        blocks[out] = m->blocks[i];
        src[out++] = m->source_index[i];
    }
    m->blocks = blocks;
    m->source_index = src;
    m->nblocks = out;
}
