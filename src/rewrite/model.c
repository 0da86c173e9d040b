/* model.c - gisa_model: one interface over a chat-completions server, a
 * program and a function, so the rewrite stage need not know which. */
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "rewrite.h"

typedef enum model_kind { MODEL_LLM, MODEL_COMMAND, MODEL_FUNCTION } model_kind;

struct gisa_model {
    model_kind kind;
    llm_client *llm;
    rewriter_cmd *cmd;
    gisa_model_fn fn;
    void *ctx;
    char *name;
};

static gisa_status new_model(model_kind kind, const char *name, gisa_model **out,
                             gisa_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out || !((*out)->name = strdup(name ? name : "model"))) {
        free(*out);
        *out = NULL;
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    }
    (*out)->kind = kind;
    return GISA_OK;
}

gisa_status gisa_model_llm(const gisa_llm_options *o, gisa_model **out, gisa_error *err)
{
    *out = NULL;
    if (!o || !o->url || !*o->url || !o->model || !*o->model)
        return gisa_fail(err, GISA_ERR_USAGE, "a model server needs a URL and a model name");
    llm_client *c;
    gisa_status st = llm_new(o, &c, err);
    if (st != GISA_OK)
        return st;
    if ((st = new_model(MODEL_LLM, o->model, out, err)) != GISA_OK) {
        llm_free(c);
        return st;
    }
    (*out)->llm = c;
    return GISA_OK;
}

gisa_status gisa_model_command(const char *command, double timeout, size_t max_answer,
                               gisa_model **out, gisa_error *err)
{
    *out = NULL;
    rewriter_cmd *r;
    gisa_status st = rewriter_new(command, timeout, max_answer, &r, err);
    if (st != GISA_OK)
        return st;
    if ((st = new_model(MODEL_COMMAND, rewriter_name(r), out, err)) != GISA_OK) {
        rewriter_free(r);
        return st;
    }
    (*out)->cmd = r;
    return GISA_OK;
}

gisa_status gisa_model_function(gisa_model_fn fn, void *ctx, const char *name,
                                gisa_model **out, gisa_error *err)
{
    *out = NULL;
    if (!fn)
        return gisa_fail(err, GISA_ERR_USAGE, "gisa_model_function: no function given");
    gisa_status st = new_model(MODEL_FUNCTION, name, out, err);
    if (st == GISA_OK) {
        (*out)->fn = fn;
        (*out)->ctx = ctx;
    }
    return st;
}

gisa_status gisa_model_ask(gisa_model *m, const char *system, const char *prompt,
                           char **answer, gisa_error *err)
{
    *answer = NULL;
    switch (m->kind) {
    case MODEL_LLM: return llm_ask(m->llm, system, prompt, answer, err);
    case MODEL_COMMAND: return rewriter_ask(m->cmd, system, prompt, answer, err);
    case MODEL_FUNCTION: return m->fn(m->ctx, system, prompt, answer, err);
    }
    return gisa_fail(err, GISA_ERR_USAGE, "unknown model");
}

const char *model_name(const gisa_model *m)
{
    return m->name;
}

void gisa_model_free(gisa_model *m)
{
    if (!m)
        return;
    llm_free(m->llm);
    rewriter_free(m->cmd);
    free(m->name);
    free(m);
}
