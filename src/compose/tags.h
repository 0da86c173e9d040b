/* tags.h - a post's tags (tags.c), the word lists they use
 * (tag_words.c), and the word tests headings share (sections.c). */
#ifndef GISA_TAGS_H
#define GISA_TAGS_H

#include "compose.h"

/* NULL-terminated lists: generic words never made tags, and the particles
 * that may follow a tag in the text. */
extern const char *const tag_stop_words[];
extern const char *const tag_particles[];

/* Is the match p[0..len) of text a whole word: after a boundary, and
 * before one or before a particle that ends at one? */
int whole_word_at(const char *text, const char *p, size_t len);
/* Append s to out with every e-mail address and URL left out. */
void append_without_addresses(buf *out, const char *s);
/* Is w one of tag_stop_words? */
int is_tag_stop_word(const char *w);

/* Choose m->tags (at most TAGS_MAX): the page's own hashtags, then its
 * people and organisations, then its key phrases and keywords; each a
 * whole word of the text outside e-mail addresses and URLs. */
void pick_tags(post_model *m);

#define TAGS_MAX 8

#endif
