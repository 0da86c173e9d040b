/* rewrite.h - internals of the rewrite stage (gisa_rewrite, docs/rewrite.md).
 *
 * prompt.c   the template: its three parts, placeholders filled in
 * model.c    gisa_model: one interface over the three kinds of model
 * llm.c      an OpenAI-compatible chat-completions client (libcurl)
 * rewriter.c a program run without a shell, prompt on stdin
 * gate.c     the model's sentences judged against the source
 * rewrite.c  the stage: sections out, answers gated, the post rebuilt
 * report.c   each decision as JSON */
#ifndef GISA_REWRITE_H
#define GISA_REWRITE_H

#include "../compose/compose.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "gisa.h"

/* ---- prompt.c */
typedef struct prompt_template {
    char *system, *section, *retry; /* malloc'd */
    char *title, *excerpt;          /* malloc'd, or NULL: the part is optional */
} prompt_template;

/* Read a template's text; a part missing or an unknown {{placeholder}}
 * is refused (GISA_ERR_USAGE) with a message naming it. */
gisa_status prompt_parse(const char *text, prompt_template *t, gisa_error *err);
void prompt_clear(prompt_template *t);
/* Fill `part`: names[i] is replaced by values[i]; out receives the text. */
void prompt_fill(const char *part, const char *const *names, const char *const *values,
                 size_t n, buf *out);
/* The built-in template (generated from src/rewrite/prompt.txt). */
extern const char rewrite_prompt_text[];
/* What --voice asks of the model, in the prompt's words. */
const char *voice_instruction(gisa_voice v);

/* ---- llm.c, rewriter.c: the model kinds behind gisa_model */
typedef struct llm_client llm_client;
gisa_status llm_new(const gisa_llm_options *o, llm_client **out, gisa_error *err);
gisa_status llm_ask(llm_client *c, const char *system, const char *prompt, char **answer,
                    gisa_error *err);
void llm_free(llm_client *c);
/* choices[0].message.content of a chat-completions response body (JSON,
 * nothing after it); `url` names it in messages. */
gisa_status llm_parse_answer(const char *url, const char *body, size_t len, char **answer,
                             gisa_error *err);

typedef struct rewriter_cmd rewriter_cmd;
gisa_status rewriter_new(const char *command, double timeout, size_t max_answer,
                         rewriter_cmd **out, gisa_error *err);
gisa_status rewriter_ask(rewriter_cmd *r, const char *system, const char *prompt,
                         char **answer, gisa_error *err);
void rewriter_free(rewriter_cmd *r);
/* The name a model goes by in front matter (model.c). */
const char *model_name(const gisa_model *m);
/* The program's name, for front matter. */
const char *rewriter_name(const rewriter_cmd *r);
/* Split a command line into words, shell-like quoting, no expansion:
 * NULL-terminated, malloc'd in one block; NULL on an unclosed quote or
 * OOM (then *why says which). */
char **split_command(const char *command, const char **why);

/* ---- answer.c */
typedef struct answer_sentence {
    const char *text;
    size_t paragraph;
} answer_sentence;
typedef struct answer_text {
    answer_sentence *s;
    size_t n, cap, paragraphs;
} answer_text;
/* The answer's sentences, cleaned of what is not the post's text (a
 * <think> block, fences, headings, bold marks, bullets); in `mem`. */
void answer_parse(const char *raw, arena *mem, answer_text *a);

/* ---- gate.c */
/* A fact the check did not support, as the report shows it. */
typedef struct flag {
    const char *kind, *text, *verdict, *source_text, *source_sentence, *note;
} flag;

typedef struct gate_result {
    flag **flags;   /* per sentence: its flagged facts (arena) */
    size_t *nflags; /* per sentence */
} gate_result;

/* Judge each of sentences[0..n) against the model's source; the flags
 * live in `mem`. */
gisa_status gate_check(const post_model *m, const char *const *sentences, size_t n,
                       arena *mem, gate_result *out, gisa_error *err);
/* The Korean name of a fact kind, for the retry prompt ("인물"). */
const char *fact_kind_label(const char *kind);

/* ---- report.c */
typedef enum decision_kind {
    DECIDE_PUBLISHED, /* passed at the first check */
    DECIDE_RETRIED,   /* failed, sent back, the retry passed */
    DECIDE_REPLACED,  /* failed twice: the source's sentence stands */
    DECIDE_DROPPED,   /* failed twice, no source sentence to stand in: left out */
    DECIDE_KEPT       /* the section's model gave no answer: source kept */
} decision_kind;

typedef struct decision {
    size_t section;
    const char *part;            /* "title", "excerpt", or NULL (the body) */
    decision_kind kind;
    const char *sentence;        /* the model's first sentence */
    const char *retry;           /* the model's second, or NULL */
    const flag *flags;           /* the first check's flags */
    size_t nflags;
    const flag *retry_flags;     /* the second's */
    size_t nretry_flags;
    const char *source_sentence; /* the replacement, or NULL */
    const char *note;            /* DECIDE_KEPT: why */
} decision;

/* The report: model, voice, counts and every decision. */
char *report_json(const char *page, const char *model, gisa_voice voice,
                  const gisa_rewrite_stats *st, const decision *d, size_t n);

#endif
