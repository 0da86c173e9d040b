/* add.c - POST /api/add: a page into the store, from a URL (fetched by
 * gisa_ingest, politely: robots.txt, delays, limits; private addresses
 * refused unless --allow-private) or from an uploaded file (kept beside
 * the store in DB.uploads/, then ingested like any file). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "serve.h"

typedef struct add_errors {
    char first[512];
} add_errors;

static void on_error(void *ctx, const gisa_error *e)
{
    add_errors *a = ctx;
    if (!a->first[0])
        snprintf(a->first, sizeof a->first, "%s", e->message);
}

static void answer(api_response *res, unsigned status, const char *key, const char *msg)
{
    res->status = status;
    res->json = json_object_new_object();
    json_object_object_add(res->json, key, json_object_new_string(msg));
}

/* Ingest one input into the store and answer with the article it gave
 * (stored under `key`: the URL, or "file://" and a file's real path). */
static void ingest_one(const desk_config *cfg, desk_db *d, const char *input,
                       const char *key, const char *shown, api_response *res)
{
    gisa_error err;
    gisa_corpus *c;
    add_errors errs = {""};
    gisa_ingest_options io;
    gisa_ingest_stats stats;
    memset(&io, 0, sizeof io);
    io.threads = 1;
    io.timeout = 20;
    io.allow_private = cfg->allow_private;
    io.on_error = on_error;
    io.ctx = &errs;
    if (gisa_corpus_open(cfg->db, &c, &err) != GISA_OK) {
        answer(res, 500, "error", err.message);
        return;
    }
    const char *inputs[1] = {input};
    gisa_status st = gisa_ingest(c, inputs, 1, &io, &stats, &err);
    gisa_corpus_close(c);
    if (st != GISA_OK) {
        answer(res, 500, "error", err.message);
        return;
    }
    int64_t id = db_article_of(d, key);
    size_t in = strlen(input);
    if (!id && shown && !strncmp(errs.first, input, in)) {
        /* name the file as the editor gave it, not as it is kept */
        char msg[sizeof errs.first];
        snprintf(msg, sizeof msg, "%.200s%s", shown, errs.first + in);
        memcpy(errs.first, msg, sizeof msg);
    }
    if (!id) {
        answer(res, stats.failed_by[GISA_FAIL_PRIVATE] ? 403 : 422, "error",
               errs.first[0] ? errs.first : "no article could be extracted from it");
        return;
    }
    res->status = 200;
    res->json = json_object_new_object();
    json_object_object_add(res->json, "id", json_object_new_int64(id));
    json_object_object_add(res->json, "new", json_object_new_boolean(stats.stored > 0));
}

/* FNV-1a, 64 bits: a short name part that keeps two uploads of the same
 * name apart (not a security measure). */
static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static const char *kind_ext(gisa_input_kind k)
{
    return k == GISA_INPUT_PDF ? ".pdf" : k == GISA_INPUT_HWPX ? ".hwpx" : ".hwp";
}

/* The name an upload is kept under. A document is judged by its bytes
 * (gisa_document_kind, as gisa_extract reads it), whatever it is called:
 * it keeps the extension of its format. Anything else must be named as a
 * page; a file named as a document whose bytes are none is refused here,
 * with its name, rather than read as a page. 0 with `res` set when
 * refused. */
static int upload_kept_name(const api_request *req, char *name, size_t cap,
                            api_response *res)
{
    gisa_input_kind k = gisa_document_kind((const unsigned char *)req->body, req->len);
    char msg[400];
    if (k != GISA_INPUT_AUTO) {
        if (upload_doc_name(req->upload_name, kind_ext(k), name, cap))
            return 1;
        answer(res, 415, "error", "upload: a file name of 1 to 200 bytes of UTF-8 is needed");
        return 0;
    }
    const char *dot = strrchr(req->upload_name, '.');
    int doc_named = dot && (!strcasecmp(dot, ".pdf") || !strcasecmp(dot, ".hwp") ||
                            !strcasecmp(dot, ".hwpx"));
    if (doc_named) {
        snprintf(msg, sizeof msg,
                 "upload: %.200s is not %s document (its first bytes are not one; "
                 "a damaged or renamed file?)",
                 req->upload_name, !strcasecmp(dot, ".pdf") ? "a PDF" :
                 !strcasecmp(dot, ".hwpx") ? "an HWPX" : "an HWP");
        answer(res, 415, "error", msg);
        return 0;
    }
    if (upload_name(req->upload_name, name, cap))
        return 1;
    answer(res, 415, "error",
           "upload: the file must be a page (.html, .htm, .xhtml) or an HWP, HWPX or PDF document");
    return 0;
}

static void add_upload(const desk_config *cfg, desk_db *d, const api_request *req,
                       api_response *res)
{
    char name[256], dir[4096], path[4600];
    gisa_error err;
    if (!req->len) {
        answer(res, 400, "error", "upload: the file is empty");
        return;
    }
    if (!upload_kept_name(req, name, sizeof name, res))
        return;
    snprintf(dir, sizeof dir, "%s.uploads", cfg->db);
    snprintf(path, sizeof path, "%s/%016llx-%s", dir,
             (unsigned long long)fnv(req->body, req->len), name);
    if (gisa_make_dirs(dir, &err) != GISA_OK ||
        gisa_write_file(path, req->body, req->len, &err) != GISA_OK) {
        answer(res, 500, "error", err.message);
        return;
    }
    char real[PATH_MAX], key[PATH_MAX + 8];
    if (!realpath(path, real)) {
        answer(res, 500, "error", "upload: the file kept cannot be found again");
        return;
    }
    snprintf(key, sizeof key, "file://%s", real);
    ingest_one(cfg, d, path, key, req->upload_name, res);
}

void api_add(desk *dk, desk_db *d, const api_request *req, api_response *res)
{
    const desk_config *cfg = desk_cfg(dk);
    if (req->upload_name) {
        add_upload(cfg, d, req, res);
        return;
    }
    req_post rp;
    char why[200];
    if (!req_parse(req->body, req->len, &rp, why, sizeof why)) {
        answer(res, 400, "error", why);
        return;
    }
    if (!rp.url || (strncmp(rp.url, "http://", 7) && strncmp(rp.url, "https://", 8)) ||
        strlen(rp.url) > 2000 || strpbrk(rp.url, " \t\r\n"))
        answer(res, 400, "error", "add needs \"url\": an http or https address");
    else
        ingest_one(cfg, d, rp.url, rp.url, NULL, res);
    req_clear(&rp);
}
