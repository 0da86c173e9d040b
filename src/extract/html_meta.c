/* html_meta.c - an HTML page's title, date, author, site, URL, language
 * and licence.
 *
 * Evidence is taken strongest first: JSON-LD and Open Graph / article
 * meta tags, then <time> and byline markup, then visible text. A date is
 * only ever a full year-month-day, so a copyright year cannot pass for one. */
#include <json-c/json.h>
#include <libxml/uri.h>
#include <string.h>
#include <strings.h>

#include "../util/utf8.h"
#include "html.h"

const char *attr(doc *d, const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (strcasecmp((const char *)a->name, name) == 0) {
            if (!a->children || !a->children->content)
                return "";
            (void)d;
            return (const char *)a->children->content; /* lives as long as the tree */
        }
    return NULL;
}

const char *resolve_url(doc *d, const char *base, const char *url)
{
    if (!url)
        return NULL;
    while (*url == ' ' || *url == '\t' || *url == '\n')
        url++;
    xmlChar *abs = base ? xmlBuildURI((const xmlChar *)url, (const xmlChar *)base) : NULL;
    const char *r = arena_strdup(&d->mem, abs ? (const char *)abs : url);
    xmlFree(abs);
    return r;
}

static const char *clean(doc *d, const char *s)
{
    if (!s)
        return NULL;
    const char *c = text_clean_dup(&d->mem, s, strlen(s), 0);
    return c && *c ? c : NULL;
}

/* ---------------------------------------------------------- gather */

typedef struct meta {
    const char *og_title, *tw_title, *title_tag, *h1, *ld_headline;
    const char *date_meta, *date_ld, *date_time;
    const char *author_meta, *author_ld, *author_byline;
    const char *site, *canonical, *og_url, *lang, *license_link, *base;
    const char *publisher_ld;
} meta;

static int is_url(const char *s)
{
    return s && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
                 s[0] == '/');
}

static void on_meta_tag(doc *d, meta *m, const xmlNode *n)
{
    const char *key = attr(d, n, "property");
    if (!key)
        key = attr(d, n, "name");
    if (!key)
        key = attr(d, n, "itemprop");
    const char *v = attr(d, n, "content");
    if (!key || !v || !*v)
        return;
    if (!strcasecmp(key, "og:title"))
        m->og_title = m->og_title ? m->og_title : v;
    else if (!strcasecmp(key, "twitter:title"))
        m->tw_title = m->tw_title ? m->tw_title : v;
    else if (!strcasecmp(key, "og:site_name") || !strcasecmp(key, "application-name"))
        m->site = m->site ? m->site : v;
    else if (!strcasecmp(key, "og:url"))
        m->og_url = v;
    else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author") ||
             !strcasecmp(key, "dc.creator") || !strcasecmp(key, "byl") ||
             !strcasecmp(key, "parsely-author") || !strcasecmp(key, "sailthru.author") ||
             !strcasecmp(key, "citation_author") || !strcasecmp(key, "dable:author")) {
        if (!m->author_meta && !is_url(v))
            m->author_meta = v;
    } else if (!strcasecmp(key, "content-language") || !strcasecmp(key, "og:locale")) {
        m->lang = m->lang ? m->lang : v;
    } else {
        static const char *const date_keys[] = {
            "article:published_time", "og:published_time", "og:article:published_time",
            "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
            "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
            "sailthru.date", "parsely-pub-date", "article.published",
            "citation_publication_date", "citation_date", "created", "article_date_original",
            "cxenseparse:recs:publishtime", "date_published", "release_date",
        };
        for (size_t i = 0; i < sizeof date_keys / sizeof *date_keys; i++)
            if (!strcasecmp(key, date_keys[i]) && !m->date_meta) {
                m->date_meta = v;
                break;
            }
    }
}

static const char *ld_string(json_object *o)
{
    if (!o)
        return NULL;
    if (json_object_is_type(o, json_type_string))
        return json_object_get_string(o);
    if (json_object_is_type(o, json_type_array) && json_object_array_length(o) > 0)
        return ld_string(json_object_array_get_idx(o, 0));
    json_object *name;
    if (json_object_is_type(o, json_type_object) &&
        json_object_object_get_ex(o, "name", &name))
        return ld_string(name);
    return NULL;
}

static int ld_is_article(json_object *o)
{
    json_object *type;
    if (!json_object_object_get_ex(o, "@type", &type))
        return 0;
    const char *t = ld_string(type);
    return t && (strstr(t, "Article") || strstr(t, "BlogPosting") ||
                 strstr(t, "Report") || strstr(t, "WebPage") || strstr(t, "Posting"));
}

static void ld_take(doc *d, meta *m, json_object *o, int depth)
{
    if (!o || depth > 6)
        return;
    if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++)
            ld_take(d, m, json_object_array_get_idx(o, i), depth + 1);
        return;
    }
    if (!json_object_is_type(o, json_type_object))
        return;
    json_object *v;
    if (json_object_object_get_ex(o, "@graph", &v))
        ld_take(d, m, v, depth + 1);
    if (!ld_is_article(o))
        return;
    /* Copies: the JSON object dies before the document does. */
    if (!m->ld_headline && json_object_object_get_ex(o, "headline", &v))
        m->ld_headline = arena_strdup(&d->mem, ld_string(v));
    if (!m->date_ld && json_object_object_get_ex(o, "datePublished", &v))
        m->date_ld = arena_strdup(&d->mem, ld_string(v));
    if (!m->author_ld && json_object_object_get_ex(o, "author", &v)) {
        const char *a = ld_string(v);
        if (a && !is_url(a))
            m->author_ld = arena_strdup(&d->mem, a);
    }
    if (!m->publisher_ld && json_object_object_get_ex(o, "publisher", &v))
        m->publisher_ld = arena_strdup(&d->mem, ld_string(v));
}

static void on_json_ld(doc *d, meta *m, const xmlNode *n)
{
    const xmlNode *c = n->children;
    if (!c || !c->content)
        return;
    json_tokener *tok = json_tokener_new_ex(32);
    if (!tok)
        return;
    const char *s = (const char *)c->content;
    json_object *o = json_tokener_parse_ex(tok, s, (int)strlen(s));
    json_tokener_free(tok);
    if (o) {
        ld_take(d, m, o, 0);
        json_object_put(o);
    }
}

/* Text of an element, whitespace collapsed, or NULL. */
static const char *text_of(doc *d, xmlNode *n)
{
    xmlChar *s = xmlNodeGetContent(n);
    const char *r = s ? clean(d, (const char *)s) : NULL;
    xmlFree(s);
    return r;
}

static int byline_like(doc *d, const xmlNode *n)
{
    const char *rel = attr(d, n, "rel"), *ip = attr(d, n, "itemprop");
    if ((rel && !strcmp(rel, "author")) || (ip && !strcmp(ip, "author")))
        return 1;
    const char *cls = attr(d, n, "class");
    return cls && (strstr(cls, "byline") || strstr(cls, "author-name") ||
                   strstr(cls, "author_name") || !strcmp(cls, "author") ||
                   strstr(cls, "writer") || strstr(cls, "reporter"));
}

static void gather(doc *d, meta *m, xmlNode *n, int depth)
{
    if (depth > 400)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        if (!strcmp(name, "meta")) {
            on_meta_tag(d, m, c);
        } else if (!strcmp(name, "title")) {
            if (!m->title_tag)
                m->title_tag = text_of(d, c);
        } else if (!strcmp(name, "link")) {
            const char *rel = attr(d, c, "rel"), *href = attr(d, c, "href");
            if (rel && href && !strcasecmp(rel, "canonical"))
                m->canonical = href;
            else if (rel && href && !strcasecmp(rel, "license"))
                m->license_link = href;
        } else if (!strcmp(name, "base")) {
            m->base = attr(d, c, "href");
        } else if (!strcmp(name, "script")) {
            const char *type = attr(d, c, "type");
            if (type && !strcasecmp(type, "application/ld+json"))
                on_json_ld(d, m, c);
            continue;
        } else if (!strcmp(name, "style")) {
            continue;
        } else if (!strcmp(name, "h1")) {
            if (!m->h1)
                m->h1 = text_of(d, c);
        } else if (!strcmp(name, "time")) {
            const char *dt = attr(d, c, "datetime");
            if (dt && !m->date_time)
                m->date_time = dt;
        } else if (!m->author_byline && byline_like(d, c)) {
            const char *a = text_of(d, c);
            if (a && utf8_length(a, strlen(a)) <= 60)
                m->author_byline = a;
        }
        if (!strcmp(name, "a")) {
            const char *rel = attr(d, c, "rel"), *href = attr(d, c, "href");
            if (rel && href && strstr(rel, "license") && !m->license_link)
                m->license_link = href;
        }
        gather(d, m, c, depth + 1);
    }
}

/* ---------------------------------------------------------- decide */

/* "Headline | Site" -> "Headline": drop the part that names the site. */
static const char *strip_site(doc *d, const char *title, const char *site)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ",
                                       " : ", " « ", " » ", " ｜ ", " < "};
    if (!title)
        return NULL;
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        const char *p = strstr(title, seps[i]);
        if (!p)
            continue;
        const char *last = p;
        for (const char *q = p; (q = strstr(q + 1, seps[i]));)
            last = q;
        size_t head = (size_t)(p - title);
        const char *tail = last + strlen(seps[i]);
        size_t tail_len = strlen(tail);
        int site_is_tail = site ? strstr(tail, site) != NULL || strstr(site, tail) != NULL
                                : tail_len < head;
        int site_is_head = site && (strstr(site, "") && strncmp(title, site, head) == 0);
        if (site_is_tail && head > best_len && head >= 8) {
            best = title;
            best_len = head;
        } else if (site_is_head && tail_len > best_len) {
            best = tail;
            best_len = tail_len;
        }
    }
    return best ? arena_strndup(&d->mem, best, best_len) : title;
}

static const char *pick_title(doc *d, const meta *m)
{
    const char *site = clean(d, m->site);
    const char *cands[] = {m->og_title, m->ld_headline, m->tw_title};
    for (size_t i = 0; i < 3; i++) {
        const char *c = clean(d, cands[i]);
        if (c)
            return strip_site(d, c, site);
    }
    const char *t = clean(d, m->title_tag);
    if (m->h1 && t && strstr(t, m->h1))
        return m->h1; /* the <title> is the headline plus decoration */
    if (t)
        return strip_site(d, t, site);
    return m->h1;
}

static const char *iso_date(doc *d, const char *s)
{
    char out[11];
    if (s && find_visible_date(s, strlen(s), out))
        return arena_strdup(&d->mem, out);
    return NULL;
}

static const char *pick_date(doc *d, const meta *m, const decoded_text *t,
                             const char *url)
{
    const char *cands[] = {m->date_ld, m->date_meta, m->date_time};
    for (size_t i = 0; i < 3; i++) {
        const char *v = iso_date(d, cands[i]);
        if (v)
            return v;
    }
    const char *v = iso_date(d, url); /* /2024/05/12/ style paths */
    if (v)
        return v;
    (void)t;
    return NULL;
}

static const char *pick_author(doc *d, const meta *m)
{
    const char *cands[] = {m->author_ld, m->author_meta, m->author_byline};
    for (size_t i = 0; i < 3; i++) {
        const char *a = clean(d, cands[i]);
        if (!a)
            continue;
        if (!strncasecmp(a, "by ", 3))
            a += 3;
        return a;
    }
    return NULL;
}

/* Text nodes that state the issuing ministry or the licence. */
static void scan_notices(doc *d, xmlNode *n, int depth)
{
    if (depth > 400)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            const char *s = (const char *)c->content;
            size_t len = strlen(s);
            if (!d->pub.publisher)
                d->pub.publisher = find_issuing_org(&d->mem, s, len);
            if (!d->pub.license && memmem(s, len, "공공누리", strlen("공공누리")))
                find_license(&d->mem, s, len, &d->pub.license, &d->pub.license_text);
        } else if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "script") &&
                   strcmp((const char *)c->name, "style")) {
            scan_notices(d, c, depth + 1);
        }
    }
}

void html_metadata(doc *d, xmlDoc *x, const decoded_text *t, const gisa_source *src)
{
    meta m;
    memset(&m, 0, sizeof m);
    xmlNode *root = xmlDocGetRootElement(x);
    if (!root)
        return;
    m.lang = attr(d, root, "lang");
    gather(d, &m, root, 0);
    const char *url = m.canonical ? m.canonical : m.og_url ? m.og_url : src->url;
    d->pub.url = url ? resolve_url(d, src->url, url) : NULL;
    d->pub.title = pick_title(d, &m);
    d->pub.date = pick_date(d, &m, t, d->pub.url);
    d->pub.author = pick_author(d, &m);
    d->pub.site_name = clean(d, m.site ? m.site : m.publisher_ld);
    d->pub.lang = clean(d, m.lang);
    if (m.license_link)
        find_license(&d->mem, m.license_link, strlen(m.license_link), &d->pub.license,
                     &d->pub.license_text);
    scan_notices(d, root, 0);
    if (!d->pub.author && d->pub.publisher)
        d->pub.author = d->pub.publisher;
    /* Base for relative links: <base href>, else the page's own URL. */
    d->base_url = m.base ? resolve_url(d, d->pub.url ? d->pub.url : src->url, m.base)
                         : d->pub.url;
}
