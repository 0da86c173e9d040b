/* api.c - the /api/ handlers: each takes the parsed request and answers
 * JSON. The page uses nothing else (docs/serve.md). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

static void error(api_response *res, unsigned status, const char *msg)
{
    res->status = status;
    res->json = json_object_new_object();
    json_object_object_add(res->json, "error", json_object_new_string(msg));
}

/* The HTTP status for a library failure. */
static unsigned http_status(gisa_status st)
{
    switch (st) {
    case GISA_ERR_USAGE: return 400;
    case GISA_ERR_INPUT: return 422;
    case GISA_ERR_UNSUPPORTED: return 409;
    case GISA_ERR_LICENSE: return 451;
    default: return 500;
    }
}

static void fail(api_response *res, const gisa_error *err)
{
    error(res, http_status(err->status), err->message);
}

static const char *format_name(gisa_post_format f)
{
    return f == GISA_POST_HUGO ? "hugo" : "jekyll";
}

/* Load article `id` and make it a document; 0 after answering. */
static int load(desk_db *d, int64_t id, article_row *row, stored_doc *sd, api_response *res)
{
    gisa_error err;
    int found = db_article(d, id, row, &err);
    if (found < 0) {
        fail(res, &err);
        return 0;
    }
    if (!found) {
        error(res, 404, "no such article");
        return 0;
    }
    if (!stored_doc_make(row, sd)) {
        article_row_clear(row);
        error(res, 500, "out of memory");
        return 0;
    }
    return 1;
}

/* Compose the article's post with `po` (its own check left to the
 * desk, which shows it instead of refusing). Adds "post" to `o`. */
static void add_post(json_object *o, const stored_doc *sd, const gisa_post_options *po,
                     const char *draft, gisa_post *out)
{
    gisa_post_options opts = *po;
    opts.no_check = 1;
    gisa_error err;
    gisa_post post = {NULL, 0, NULL};
    json_object *p = json_object_new_object();
    json_object_object_add(p, "format", json_object_new_string(format_name(po->format)));
    if (gisa_compose(&sd->doc, &opts, &post, &err) != GISA_OK) {
        json_object_object_add(p, "error", json_object_new_string(err.message));
        json_object_object_add(p, "refused_for_licence",
                               json_object_new_boolean(err.status == GISA_ERR_LICENSE));
    } else {
        json_object_object_add(p, "filename", json_object_new_string(post.filename));
    }
    const char *text = draft ? draft : post.text;
    json_object_object_add(p, "text", text ? json_object_new_string(text) : NULL);
    json_object_object_add(p, "draft", json_object_new_boolean(draft != NULL));
    json_object_object_add(o, "post", p);
    if (out)
        *out = post;
    else
        gisa_post_clear(&post);
}

static void add_check(json_object *o, const stored_doc *sd, const char *text)
{
    if (!text)
        return;
    gisa_error err;
    size_t flagged;
    json_object *c = check_json(&sd->doc, text, strlen(text), &flagged, &err);
    if (!c) {
        c = json_object_new_object();
        json_object_object_add(c, "error", json_object_new_string(err.message));
    }
    json_object_object_add(o, "check", c);
}

static void put_str(json_object *o, const char *key, const char *v)
{
    json_object_object_add(o, key, v ? json_object_new_string(v) : NULL);
}

static void get_article(desk *dk, desk_db *d, int64_t id, api_response *res)
{
    article_row row;
    stored_doc sd;
    (void)dk;
    if (!load(d, id, &row, &sd, res))
        return;
    json_object *o = json_object_new_object(), *src = json_object_new_object();
    json_object_object_add(o, "id", json_object_new_int64(id));
    put_str(o, "status", row.status);
    put_str(o, "published_path", row.path);
    put_str(src, "url", row.url);
    put_str(src, "title", row.title);
    put_str(src, "date", row.date);
    put_str(src, "author", row.author);
    put_str(src, "org", row.publisher ? row.publisher : row.site_name);
    put_str(src, "site_name", row.site_name);
    put_str(src, "license", row.license);
    put_str(src, "lang", row.lang);
    put_str(src, "department", row.department);
    put_str(src, "contact", row.contact);
    json_object_object_add(src, "attachments", db_attachments(d, row.page_url));
    if (row.parent_url) { /* an attachment: the page that links it */
        json_object *parent = json_object_new_object();
        int64_t pid = db_page_article(d, row.parent_url);
        put_str(parent, "url", row.parent_url);
        put_str(parent, "document_url", row.page_url);
        json_object_object_add(parent, "id", pid ? json_object_new_int64(pid) : NULL);
        json_object_object_add(src, "attachment_of", parent);
    }
    json_object_object_add(src, "paragraphs", source_sentences(&sd.doc));
    json_object_object_add(o, "source", src);
    json_object_object_add(o, "dups", db_dups(d, id, row.dup_of));
    gisa_post_options po;
    memset(&po, 0, sizeof po);
    if (row.format && !strcmp(row.format, "hugo"))
        po.format = GISA_POST_HUGO;
    gisa_post post;
    add_post(o, &sd, &po, row.draft, &post);
    add_check(o, &sd, row.draft ? row.draft : post.text);
    gisa_post_clear(&post);
    res->status = 200;
    res->json = o;
    stored_doc_free(&sd);
    article_row_clear(&row);
}

static int parse_body(const api_request *req, req_post *rp, api_response *res)
{
    char why[200];
    if (!req_parse(req->body, req->len, rp, why, sizeof why)) {
        error(res, 400, why);
        return 0;
    }
    return 1;
}

/* POST /api/post/ID: the post composed again with other choices. */
static void recompose(desk_db *d, const api_request *req, api_response *res)
{
    req_post rp;
    article_row row;
    stored_doc sd;
    if (!parse_body(req, &rp, res))
        return;
    if (load(d, req->rt->article, &row, &sd, res)) {
        json_object *o = json_object_new_object();
        gisa_post post;
        add_post(o, &sd, &rp.po, NULL, &post);
        add_check(o, &sd, post.text);
        gisa_post_clear(&post);
        res->status = 200;
        res->json = o;
        stored_doc_free(&sd);
        article_row_clear(&row);
    }
    req_clear(&rp);
}

/* POST /api/check {id, text}: the verdicts of an edited post. */
static void check(desk_db *d, const api_request *req, api_response *res)
{
    req_post rp;
    article_row row;
    stored_doc sd;
    if (!parse_body(req, &rp, res))
        return;
    if (!rp.id || !rp.text) {
        error(res, 400, "check needs \"id\" (the article) and \"text\" (the post)");
    } else if (load(d, rp.id, &row, &sd, res)) {
        gisa_error err;
        size_t flagged;
        json_object *c = check_json(&sd.doc, rp.text, strlen(rp.text), &flagged, &err);
        if (c) {
            res->status = 200;
            res->json = c;
        } else {
            fail(res, &err);
        }
        stored_doc_free(&sd);
        article_row_clear(&row);
    }
    req_clear(&rp);
}

static void ok(api_response *res, const char *status, const char *path)
{
    res->status = 200;
    res->json = json_object_new_object();
    put_str(res->json, "status", status);
    if (path)
        put_str(res->json, "path", path);
}

/* POST /api/draft/ID {text}: keep the edited post. */
static void draft(desk_db *d, const api_request *req, api_response *res)
{
    req_post rp;
    gisa_error err;
    if (!parse_body(req, &rp, res))
        return;
    if (!rp.text)
        error(res, 400, "draft needs \"text\"");
    else if (db_set(d, req->rt->article, "drafted", rp.text, NULL,
                    rp.has_format ? format_name(rp.po.format) : NULL, &err) != GISA_OK)
        fail(res, &err);
    else
        ok(res, "drafted", NULL);
    req_clear(&rp);
}

/* POST /api/status/ID {status}: new, drafted or refused (published is
 * what Publish alone sets). */
static void set_status(desk_db *d, const api_request *req, api_response *res)
{
    req_post rp;
    gisa_error err;
    article_row row;
    if (!parse_body(req, &rp, res))
        return;
    int found = db_article(d, req->rt->article, &row, &err);
    article_row_clear(&row);
    if (!rp.status || (strcmp(rp.status, "new") && strcmp(rp.status, "drafted") &&
                       strcmp(rp.status, "refused")))
        error(res, 400, "status must be new, drafted or refused");
    else if (found <= 0)
        error(res, found < 0 ? 500 : 404, found < 0 ? err.message : "no such article");
    else if (db_set(d, req->rt->article, rp.status, NULL, NULL, NULL, &err) != GISA_OK)
        fail(res, &err);
    else
        ok(res, rp.status, NULL);
    req_clear(&rp);
}

/* Is `dir` (existing) inside `root`? Both resolved: a symbolic link in
 * the site pointing elsewhere does not take a post out of it. */
static int inside(const char *root, const char *dir)
{
    char r[PATH_MAX], p[PATH_MAX];
    if (!realpath(root, r) || !realpath(dir, p))
        return 0;
    size_t n = strlen(r);
    return !strncmp(r, p, n) && (p[n] == '/' || p[n] == '\0');
}

/* A post's file name as composed: relative, no "..", no empty part. */
static int safe_name(const char *name)
{
    if (!name || !*name || name[0] == '/')
        return 0;
    for (const char *p = name; *p;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && !strncmp(p, "..", 2)))
            return 0;
        p += n + (slash != NULL);
    }
    return 1;
}

static void publish_post(const desk_config *cfg, desk_db *d, int64_t id, const char *text,
                         const gisa_post_options *po, gisa_post *post, api_response *res)
{
    char dir[PATH_MAX];
    gisa_error err;
    gisa_site *site = NULL;
    char *path = NULL;
    snprintf(dir, sizeof dir, "%s/%s", cfg->site,
             po->format == GISA_POST_HUGO ? "content/posts" : "_posts");
    if (!safe_name(post->filename)) {
        error(res, 500, "the post's file name would leave the site directory");
        return;
    }
    /* the site's lock, as gisa site takes it: two publishers write once */
    if (gisa_site_open(cfg->site, po, &site, &err) != GISA_OK ||
        gisa_make_dirs(dir, &err) != GISA_OK) {
        gisa_site_close(site);
        fail(res, &err);
        return;
    }
    if (!inside(cfg->site, dir)) {
        gisa_site_close(site);
        error(res, 403, "the site's posts directory lies outside the site directory");
        return;
    }
    gisa_post edited = {(char *)text, strlen(text), post->filename};
    gisa_status st = gisa_post_save(dir, &edited, &path, &err);
    gisa_site_close(site);
    if (st != GISA_OK) {
        fail(res, &err);
        return;
    }
    const char *rel = path + strlen(cfg->site);
    while (*rel == '/')
        rel++;
    if (db_set(d, id, "published", text, rel, format_name(po->format), &err) != GISA_OK)
        fail(res, &err);
    else
        ok(res, "published", rel);
    gisa_free(path);
}

/* POST /api/publish/ID {text, format, style, mode}: the edited post into
 * the site, where gisa site would write it; refused while any fact is
 * flagged. */
static void publish(desk *dk, desk_db *d, const api_request *req, api_response *res)
{
    const desk_config *cfg = desk_cfg(dk);
    req_post rp;
    article_row row;
    stored_doc sd;
    if (!cfg->site) {
        error(res, 409, "this desk has no site: start gisa serve with --site DIR");
        return;
    }
    if (!parse_body(req, &rp, res))
        return;
    if (!rp.text) {
        error(res, 400, "publish needs \"text\" (the post)");
    } else if (load(d, req->rt->article, &row, &sd, res)) {
        gisa_error err;
        size_t flagged = 0;
        json_object *c = check_json(&sd.doc, rp.text, strlen(rp.text), &flagged, &err);
        gisa_post post = {NULL, 0, NULL};
        gisa_post_options po = rp.po;
        po.no_check = 1;
        if (!c) {
            fail(res, &err);
        } else if (flagged) {
            char msg[160];
            snprintf(msg, sizeof msg, "not published: %zu fact%s the source does not support",
                     flagged, flagged == 1 ? "" : "s");
            error(res, 409, msg);
            json_object_object_add(res->json, "check", json_object_get(c));
        } else if (gisa_compose(&sd.doc, &po, &post, &err) != GISA_OK) {
            fail(res, &err);
        } else {
            publish_post(cfg, d, row.id, rp.text, &po, &post, res);
        }
        json_object_put(c);
        gisa_post_clear(&post);
        stored_doc_free(&sd);
        article_row_clear(&row);
    }
    req_clear(&rp);
}

void api_handle(desk *dk, desk_db *d, const api_request *req, api_response *res)
{
    gisa_error err;
    res->status = 500;
    res->json = NULL;
    switch (req->rt->id) {
    case ROUTE_ARTICLES:
        if (db_inbox(d, &req->iq, &res->json, &err) != GISA_OK)
            fail(res, &err);
        else
            res->status = 200;
        break;
    case ROUTE_FACETS:
        db_facets(d, &res->json, &err);
        res->status = 200;
        break;
    case ROUTE_ARTICLE: get_article(dk, d, req->rt->article, res); break;
    case ROUTE_POST: recompose(d, req, res); break;
    case ROUTE_CHECK: check(d, req, res); break;
    case ROUTE_DRAFT: draft(d, req, res); break;
    case ROUTE_STATUS: set_status(d, req, res); break;
    case ROUTE_PUBLISH: publish(dk, d, req, res); break;
    case ROUTE_ADD: api_add(dk, d, req, res); break;
    default: error(res, 404, "no such API"); break;
    }
}
