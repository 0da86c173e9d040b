/* extract.h - internals shared by the files of the extract stage. */
#ifndef GISA_EXTRACT_H
#define GISA_EXTRACT_H

#include <stdint.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "gisa.h"

/* The source as UTF-8: either the caller's bytes or a converted copy. */
typedef struct decoded_text {
    const char *text;
    size_t len;
    char encoding[64];
    buf conv; /* owns the converted text, if any */
} decoded_text;

gisa_status decode_utf8(const gisa_source *src, decoded_text *out, gisa_error *err);

/* mojibake.c: is there UTF-8 decoded as Windows-1252 and encoded again
 * in the text, and put it back in place (returns the new length). */
int mojibake_likely(const char *text, size_t len);
size_t mojibake_repair(char *text, size_t len);

/* A document under construction. `pub` comes first so a gisa_document*
 * handed out can be turned back into the doc that owns it. */
typedef struct doc {
    gisa_document pub;
    arena mem;
    gisa_block *blocks;
    size_t cap;
    uint64_t *seen; /* open-addressed set of hashes of prose kept */
    size_t nseen, seen_cap;
    const char *base_url; /* for resolving relative links */
    size_t max_nodes, max_line; /* limits in force (defaults applied) */
    unsigned max_depth;
    int keep_empty;   /* gisa_extract_options.keep_empty */
    int keep_repeats; /* a document's own repeats are its text, not a
                         page's second copy: doc_add_text keeps them */
    int article_page; /* the page says it is one article (og:type, JSON-LD):
                         what follows the article's end is not content */
} doc;

doc *doc_new(void);
void doc_free(doc *d);
/* Append a zeroed block; NULL when out of memory. */
gisa_block *doc_add_block(doc *d, gisa_block_kind kind);
/* Clean `len` bytes of text and append them as a block, unless the text is
 * empty or (for prose) repeats a block already kept. Returns the block, or
 * NULL when nothing was added. */
gisa_block *doc_add_text(doc *d, gisa_block_kind kind, int level,
                         const char *text, size_t len, size_t offset);
/* doc_add_text for text text_clean() made already with newlines kept, of
 * a paragraph, quote or code block: kept as it is, not cleaned again. */
gisa_block *doc_add_clean_text(doc *d, gisa_block_kind kind, int level, const char *clean,
                               size_t offset);
/* Has this prose been kept already? Records it if not. */
int doc_is_repeat(doc *d, const char *text);
/* Remove the last block (for a caller that decides it was noise). */
void doc_drop_last(doc *d);
/* boilerplate.c: take out end markers ("<끝>", "끝.", "///"), attachment
 * lines ("붙임 … 1부."), bylines, "관련기사" links, licence and copyright
 * notices and date lines; contact lines ("문의 :",
 * "담당 부서 :") become the document's contact. */
void doc_drop_boilerplate(doc *d);

/* Does the text start like markup (a tag within its first bytes)? */
int looks_like_html(const char *s, size_t len);

/* htmlparse.c: parse UTF-8 HTML with gisa's HTML5 parser into *out
 * (dom.h), refusing a page over d's node or depth limit; err set on
 * failure, when *out holds nothing to free. */
struct dom_tree;
gisa_status html_parse(doc *d, const char *text, size_t len, struct dom_tree *out,
                       gisa_error *err);

/* Stage entry points, one per kind of input. */
gisa_status extract_html(doc *d, const decoded_text *t, const gisa_source *src,
                         gisa_error *err);
gisa_status extract_textdump(doc *d, const decoded_text *t, gisa_error *err);
/* A post: YAML front matter, then a Markdown (or HTML) body. */
int looks_like_post(const char *s, size_t len);
gisa_status extract_post(doc *d, const decoded_text *t, gisa_error *err);
/* Every block of an HTML fragment, no content selection (html.c). */
gisa_status extract_html_whole(doc *d, const char *html, size_t len, gisa_error *err);

/* Metadata found in visible text (both kinds of input use these). */
/* First date in s written as "2026년 1월 30일", "2026.01.30." or
 * "2026-01-30"; written to out as "YYYY-MM-DD". Returns 1 if found. */
int find_visible_date(const char *s, size_t len, char out[11]);
/* Does s hold something like a year (19xx, 20xx)? A cheap pre-check. */
int has_year(const char *s, size_t len);
/* "이 자료는 국방부의 보도자료를 전재하여" -> "국방부" */
const char *find_issuing_org(arena *a, const char *s, size_t len);
/* 공공누리 type or Creative Commons licence named in s; sets code and the
 * sentence that states it. Returns 1 if found. */
int find_license(arena *a, const char *s, size_t len, const char **code,
                 const char **notice);
/* An all-rights-reserved notice in s ("무단 전재 및 재배포 금지",
 * "저작권자 ©", "All rights reserved", "AI 학습 이용 금지"): sets code to
 * GISA_LICENSE_RESERVED and notice to the line that states it. Returns 1 if
 * found. Callers look for it only where no open licence was found. */
int find_reserved_notice(arena *a, const char *s, size_t len, const char **code,
                         const char **notice);

#endif
