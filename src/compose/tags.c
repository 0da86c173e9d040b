/* tags.c - a post's tags: what a reader would search the post by.
 *
 * In order: the page's own hashtags (#미세먼지), its people and the
 * organisations it is about, then its key phrases and keywords. Every tag
 * is a whole word of the page (it ends at a space, punctuation or a
 * particle: never 초전 of 초전도), found outside e-mail addresses and URLs,
 * whose parts (hanbit, daily, example) are no topic; generic words
 * (tag_words.c) are left out. */
#include <string.h>

#include "../util/utf8.h"
#include "tags.h"

/* Organisations named once are asides; two mentions make one a topic. */
#define ORG_MIN_MENTIONS 2
#define ORGS_MAX 2

static int is_word_char(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z') || c == '_';
}

/* Does what follows a match end the word: a boundary, or a particle
 * and then one? */
static int ends_word(const char *rest)
{
    if (!is_word_char((unsigned char)*rest))
        return 1;
    for (const char *const *p = tag_particles; *p; p++) {
        size_t n = strlen(*p);
        if (!strncmp(rest, *p, n) && !is_word_char((unsigned char)rest[n]))
            return 1;
    }
    return 0;
}

int whole_word_at(const char *text, const char *p, size_t len)
{
    return (p == text || !is_word_char((unsigned char)p[-1])) && ends_word(p + len);
}

static int whole_word_in(const char *text, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = strstr(text, w); p; p = strstr(p + 1, w))
        if (whole_word_at(text, p, n))
            return 1;
    return 0;
}

/* Is the token s[0..n) an e-mail address or a URL, or does it hold one?
 * Prose glues them to words and brackets: "rtings(https://www.rtings.com/)"
 * must not give the heading "https". */
static int is_address(const char *s, size_t n)
{
    if (memchr(s, '@', n) || memmem(s, n, "://", 3))
        return 1;
    while (n > 0 && (*s == '(' || *s == '[' || *s == '<' || *s == '"' || *s == '\''))
        s++, n--;
    return (n >= 4 && !strncmp(s, "http", 4)) || (n >= 4 && !strncmp(s, "www.", 4));
}

void append_without_addresses(buf *out, const char *s)
{
    while (*s) {
        size_t n = strcspn(s, " \n\t");
        int address = is_address(s, n);
        if (!address)
            buf_append(out, s, n);
        s += n;
        if (*s)
            buf_putc(out, *s++);
    }
}

/* The text tags are looked for in: the title and the body's words. */
static char *tag_text(post_model *m)
{
    buf b = BUF_INIT;
    append_without_addresses(&b, m->title);
    for (size_t i = 0; i < m->doc->nblocks; i++) {
        const gisa_block *blk = &m->doc->blocks[i];
        buf_putc(&b, '\n');
        if (blk->kind != GISA_BLOCK_IMAGE && blk->text)
            append_without_addresses(&b, blk->text);
        for (size_t k = 0; k < blk->nitems; k++) {
            buf_putc(&b, '\n');
            append_without_addresses(&b, blk->items[k]);
        }
    }
    char *text = b.ptr ? arena_strndup(&m->mem, b.ptr, b.len) : NULL;
    buf_free(&b);
    return text;
}

int is_tag_stop_word(const char *w)
{
    for (const char *const *s = tag_stop_words; *s; s++)
        if (!strcmp(w, *s))
            return 1;
    return 0;
}

/* Add w unless it is generic, not a whole word, or already said: a word
 * inside a tag is dropped, and a phrase takes the place of the tag it
 * contains (대한민국 -> 대한민국 국방부장관). */
static void add_tag(post_model *m, const char *text, const char *w)
{
    if (!w || m->ntags >= TAGS_MAX || utf8_length(w, strlen(w)) < 2 ||
        (*w >= '0' && *w <= '9') || is_tag_stop_word(w) || !whole_word_in(text, w))
        return;
    for (size_t i = 0; i < m->ntags; i++) {
        if (strstr(m->tags[i], w))
            return;
        if (strstr(w, m->tags[i])) {
            m->tags[i] = w;
            return;
        }
    }
    m->tags[m->ntags++] = w;
}

/* "#미세먼지 #환경부": the tags the page gives itself. */
static void add_hashtags(post_model *m, const char *text)
{
    for (const char *p = strchr(text, '#'); p && m->ntags < TAGS_MAX; p = strchr(p + 1, '#')) {
        if (p > text && is_word_char((unsigned char)p[-1]))
            continue;
        size_t n = 0;
        while (is_word_char((unsigned char)p[1 + n]))
            n++;
        if (n > 0)
            add_tag(m, text, arena_strndup(&m->mem, p + 1, n));
    }
}

static void add_entities(post_model *m, const char *text)
{
    const gisa_analysis *a = m->an;
    for (size_t i = 0; i < a->nentities; i++)
        if (a->entities[i].kind == GISA_ENTITY_PERSON)
            add_tag(m, text, a->entities[i].value ? a->entities[i].value : a->entities[i].text);
    size_t orgs = 0;
    for (size_t i = 0; i < a->nentities && orgs < ORGS_MAX; i++) {
        const gisa_entity *e = &a->entities[i];
        if (e->kind == GISA_ENTITY_ORG &&
            (e->count >= ORG_MIN_MENTIONS || strstr(m->title, e->text))) {
            size_t before = m->ntags;
            add_tag(m, text, e->text);
            orgs += m->ntags > before;
        }
    }
}

void pick_tags(post_model *m)
{
    m->tags = arena_alloc(&m->mem, TAGS_MAX * sizeof *m->tags);
    const char *text = m->tags ? tag_text(m) : NULL;
    if (!text)
        return;
    add_hashtags(m, text);
    add_entities(m, text);
    for (size_t k = 0; k < m->an->nkeywords && m->ntags < TAGS_MAX; k++)
        add_tag(m, text, m->an->keywords[k].text);
}
