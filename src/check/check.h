/* check.h - internals of the check stage. */
#ifndef GISA_CHECK_H
#define GISA_CHECK_H

#include <stdint.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "gisa.h"

/* All sources as one normalised text: letters and digits only, lower
 * case, so spacing, particles-free stems, punctuation and number commas do
 * not matter. `starts` maps each source sentence to its offset in it. */
typedef struct haystack {
    buf text;
    size_t *starts;       /* offset of each sentence in text */
    const char **sentences;
    size_t *source_of;    /* which source each sentence came from */
    size_t n, cap;
    uint32_t *table;      /* sentences by the hash of their normal form */
    size_t tabcap;        /* a power of two, or 0 before hay_index() */
} haystack;

/* Append the normalised form of s[0..len) to out. */
void norm_append(buf *out, const char *s, size_t len);
/* Find norm(needle) in the haystack; the sentence index, or -1. */
long hay_find(const haystack *h, const char *needle, size_t len);
/* Index the haystack's sentences by their normal form; 0 on OOM. */
int hay_index(haystack *h);
/* A source sentence that is `sentence` once both are normalised (the
 * rewrite copied it), or -1. */
long hay_sentence(const haystack *h, const char *sentence);

/* stemcache.c: content-word stems kept by the address of their string. */
typedef struct stem_entry {
    const char *key;
    char (*w)[48];
    size_t n;
} stem_entry;
typedef struct stem_cache {
    stem_entry *slots; /* open addressing; cap is a power of two */
    size_t cap, used;
} stem_cache;

/* One source, analysed, and the checker's state. */
typedef struct checker {
    arena mem;
    const gisa_document *derived;
    gisa_analysis *dan;            /* the derived text, analysed */
    gisa_analysis **san;           /* each source, analysed */
    int borrowed;                  /* san came from the caller: not ours to free */
    size_t nsources;
    haystack hay;
    gisa_fact *facts;
    size_t nfacts, cap;
    void *scratch; /* for match callbacks */
    size_t comparisons; /* predicate-to-source-sentence comparisons so far */
    stem_cache kept; /* stems of the analyses' sentences (check_overlap_kept) */
    long *copy_of; /* per derived sentence, hay_sentence() of it: seven
                      checks ask, and normalising a sentence is not cheap */
} checker;

/* Is derived sentence di a source sentence copied (hay_sentence() >= 0)? */
int sentence_copied(const checker *c, size_t di);

/* gisa_check with the sources already analysed (`analyses` may be NULL);
 * the analyses stay the caller's. Compose uses it to check its own post
 * without analysing the page a second time. */
gisa_status check_run(const gisa_document *derived, const gisa_document *const *sources,
                      gisa_analysis *const *analyses, size_t nsources,
                      gisa_check_report **out, gisa_error *err);

gisa_fact *add_fact(checker *c, gisa_fact_kind kind, const char *text, size_t sentence);
void judge_entity(checker *c, gisa_fact *f, const gisa_entity *e);
void judge_text_fact(checker *c, gisa_fact *f);
void judge_agreement(checker *c, gisa_fact *f, const gisa_agreement *a);
void find_text_facts(checker *c);
/* Polarity and modality of the derived text's predicates (predicates.c);
 * 0 when they need more than GISA_CHECK_MAX_COMPARISONS comparisons. */
int find_predicates(checker *c);

/* predicates.c: the verbal noun before a 하다/되다/시키다 ending
 * ("실시하지" -> the 6 bytes of 실시); 0 when w is no such verb. */
size_t check_verbal_stem(const char *w, size_t n);

/* contractions.c: a native verb's stem before a past ending or -기로/
 * -기를, into out (cap bytes): "늘리기로" -> 늘리, "벌였어요" -> 벌이 (the
 * fused syllable undone: *loose is then 1, and a source word matches by
 * check_stem_at's rule); its byte length, 0 when w is no such verb. */
size_t check_native_stem(const char *w, size_t n, char *out, size_t cap, int *loose);
/* Does w[0..n) start with the stem (loose: its last syllable with the
 * same initial and vowel, under any final: 벌이 in 벌일, 벌였다)? */
int check_stem_at(const char *w, size_t n, const char *stem, size_t len, int loose);

/* Share of the content words of `a` that `b` has too (stemmed). */
double check_overlap(const char *a, const char *b);
/* How many content words (stemmed, two syllables or more) s has. */
size_t check_content_words(const char *s);
/* The content-word stems of s as check_overlap reads them, malloc'd (the
 * caller frees), their number in *n; NULL when out of memory. */
char (*check_stem_words(const char *s, size_t *n))[48];
/* check_overlap of two stem lists. */
double check_overlap_stems(const char (*sa)[48], size_t na, const char (*sb)[48], size_t nb);
/* check_overlap(a, b) for strings that live as long as the check (the
 * sentences of its analyses, never a temporary): each string's stems are
 * made once and kept. */
double check_overlap_kept(checker *c, const char *a, const char *b);
void stem_cache_free(stem_cache *k);

/* numerals.c: one quantity of a sentence, however written ("일곱 달여",
 * "3만 2천여 대", "두 번째", "절반"), as a value in a canonical unit. */
typedef struct quantity {
    double value;
    const char *unit;   /* "개월", "년", "회", "번째" (ordinal), "배", "%",
                           "%p", or the counter ("기", "척", "명") */
    size_t start, end;  /* bytes of the sentence */
    int words;          /* written in words, which the entity check cannot read */
} quantity;
/* The quantities of s in order, at most cap. */
size_t scan_quantities(const char *s, quantity *out, size_t cap);
/* quantities.c: judge every quantity of the derived text. */
void find_quantities(checker *c);

/* quotes.c: judge quote fact f of derived `sentence`, whose opening mark
 * ends at byte `open`: the source's words, near-verbatim, and its speaker. */
void judge_quote(checker *c, gisa_fact *f, const char *sentence, size_t open);

/* content.c: clauses whose content words no source states (GISA_FACT_CLAIM). */
void find_claims(checker *c);
/* synonyms.c: the words a source may state `word` (a normalised stem) by,
 * NULL-terminated; NULL when the table has none. */
const char *const *synonyms_of(const char *word);

/* quotes.c: the title word w[0..n) ends with ("장관", "과장", "씨"), or NULL. */
const char *check_title_end(const char *w, size_t n);
/* roles.c: each person's title and organisation against the sources'. */
void find_roles(checker *c);

/* events.c: a predicate whose participants are facts (a visit, an event
 * someone ran, a pact or talks), as a rewrite writes its start. */
typedef struct event_word {
    const char *start;  /* "방문", "찾아", "맺고" */
    int group;          /* entries of one group say the same act */
    int together;       /* done by two parties with each other */
} event_word;
/* The entry word w[0..n) starts with, or NULL. */
const event_word *event_word_at(const char *w, size_t n);
/* Does s hold any entry of `group`? */
int event_group_in(const char *s, int group);
/* agents.c: who visited, ran or agreed, against the source's. */
void find_agents(checker *c);

/* order.c: events a sentence chains forward (먼저, 이어, 뒤, 거쳐) in
 * another order than the source sentence it comes from. */
void find_order(checker *c);

/* tense.c: a future adnominal (이어질 교류) for what the source says took
 * place (실시된 교류). */
void find_tense(checker *c);

/* antonyms.c: the words of one side (0 or 1) of opposition cls,
 * NULL-terminated. */
const char *const *antonym_words(int cls, int side);
/* The opposition whose longest word w[0..n) starts with, its side and
 * that word's length; -1 when none. */
int antonym_prefix(const char *w, size_t n, int *side, size_t *len);

/* The words of one sentence: byte ranges split at spaces, punctuation
 * around them kept. */
typedef struct word_spans {
    size_t (*w)[2];
    size_t n;
} word_spans;
/* predicates.c: ws->w is malloc'd (the caller frees it); 0 when out of
 * memory. */
int split_words(const char *s, word_spans *ws);

/* "person", "number", ..., "claim": the kind's name in reports (report.c). */
const char *fact_kind_name(gisa_fact_kind kind);

#endif
