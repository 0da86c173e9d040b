/* analysis.h - the analysis under construction, shared by the files of the
 * analyze stage. Everything lives in the analysis's arena. */
#ifndef GISA_ANALYSIS_H
#define GISA_ANALYSIS_H

#include <stdint.h>

#include "gisa.h"
#include "../util/arena.h"

/* One eojeol of a sentence and its stem, by byte offsets into the
 * sentence text. */
typedef struct token {
    size_t start;    /* first byte of the word, leading punctuation skipped */
    size_t len;      /* bytes of the word, trailing punctuation included */
    size_t stem_len; /* bytes of its stem */
    uint32_t id;     /* the stem's id in the vocabulary */
} token;

typedef struct sent_tokens {
    token *tok;
    size_t n;
} sent_tokens;

/* A growable array inside an arena (old storage is left to the arena). */
typedef struct vec {
    void *data;
    size_t n, cap, size;
} vec;

typedef struct analysis {
    gisa_analysis pub; /* first, so a gisa_analysis * is an analysis * */
    arena mem;
    int oom;
    vec sents;     /* gisa_sentence */
    sent_tokens *toks; /* parallel to sents once tokenised */
    /* vocabulary of stems: open addressing over ids */
    const char **words;
    size_t *word_len;
    size_t *tf;    /* occurrences */
    size_t *sf;    /* sentences containing it */
    size_t *last_sentence; /* 1 + the last sentence it was counted in */
    unsigned char *content; /* 1 if the stem has two characters or more */
    size_t nwords, capwords;
    uint32_t *table;
    size_t tabcap;
    int year, month, day; /* document date, 0 when unknown */
    size_t max_keywords;
    int facts_only;    /* skip ranking and keywords (gisa_analyze_options) */
    vec keywords;   /* gisa_keyword */
    vec entities;   /* gisa_entity */
    /* entities by (kind, text) and by (kind, value), for dedupe without
     * a scan of every entity so far: chains through ent_next */
    uint32_t *ent_by_text, *ent_by_value; /* heads, ent_buckets each */
    uint32_t *ent_next;                   /* 2 per entity: text, value */
    size_t ent_buckets;
    vec agreements; /* gisa_agreement */
} analysis;

/* Letters and digits; punctuation, quotes and brackets split a word. */
int is_word_char(int32_t cp);
/* The next run of word characters in s[*pos..len): sets [*start, *end),
 * moves *pos past it; 0 at the end. */
int next_piece(const char *s, size_t len, size_t *pos, size_t *start, size_t *end);

/* Append one element (copied from elem); returns it, NULL on OOM. */
void *vec_push(analysis *an, vec *v, const void *elem);

/* PageRank (damping 0.85, 30 iterations) over the dense weighted graph
 * w (n x n, symmetric) whose rows sum to out_sum; fills r. 0 on OOM. */
int graph_rank(const double *w, const double *out_sum, size_t n, double *r);

/* The stages after sentence splitting and tokenising, each filling its
 * own part of the analysis. */
void rank_sentences(analysis *an);
void find_keywords(analysis *an);
void find_entities(analysis *an);
void find_agreements(analysis *an);

#endif
