/* html_meta.c - an HTML page's title, date, author, site, URL, language
 * and licence.
 *
 * Evidence is taken strongest first: JSON-LD and Open Graph / article
 * meta tags, then <time> and byline markup, then visible text. A date is
 * only ever a full year-month-day, so a copyright year cannot pass for one. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../html/tree.h"
#include "../util/jsonapi.h"
#include "../util/url.h"
#include "../util/utf8.h"
#include "html.h"
#include "title.h"

const char *attr(doc *d, const dom_node *n, const char *name)
{
    /* the first letters compared first, folded as strcasecmp folds them:
     * most attributes differ there, and this runs for every element */
    for (const dom_attr *a = n->attrs; a; a = a->next)
        if ((a->name[0] | 0x20) == (name[0] | 0x20) &&
            strcasecmp(a->name, name) == 0) {
            (void)d;
            return a->value; /* lives as long as the tree */
        }
    return NULL;
}

const char *resolve_url(doc *d, const char *base, const char *url)
{
    if (!url)
        return NULL;
    /* (url_resolve trims the reference as browsers do; without a base it
     * only cleans it) */
    char *abs = url_resolve(base, url);
    const char *r = abs ? arena_strdup(&d->mem, abs) : NULL;
    free(abs);
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
    title_evidence t;         /* what the headline is chosen from */
    const char *date_meta, *date_ld, *date_time, *date_modified;
    char date_seen[11];       /* first date in visible text */
    char date_after_h1[11];   /* first date in visible text after an <h1> */
    const char *author_meta, *author_ld, *author_byline, *author_org;
    const char *ld_person;    /* a Person node's name, for authors given by @id */
    const char *author_label; /* twitter:data1 when twitter:label1 says "Written by" */
    int label_is_author;      /* twitter:label1 said so */
    int by_pending;           /* the last text was "By" / "Written by": a name follows */
    gisa_attachment *files;   /* as written: hrefs not yet resolved; in d->mem */
    size_t nfiles, cap_files;
    const char *site, *canonical, *og_url, *lang, *license_link, *base;
    const char *press;        /* og:article:author: portals name the newspaper there */
    const char *publisher_ld;
} meta;

static int is_url(const char *s)
{
    return s && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
                 s[0] == '/');
}

static void on_meta_tag(doc *d, meta *m, const dom_node *n)
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
        m->t.og_title = m->t.og_title ? m->t.og_title : v;
    else if (!strcasecmp(key, "og:article:author"))
        m->press = m->press ? m->press : v;
    else if (!strcasecmp(key, "twitter:label1"))
        m->label_is_author = !strcasecmp(v, "written by") || !strcasecmp(v, "author");
    else if (!strcasecmp(key, "twitter:data1") && m->label_is_author)
        m->author_label = v;
    else if (!strcasecmp(key, "twitter:title"))
        m->t.tw_title = m->t.tw_title ? m->t.tw_title : v;
    else if (!strcasecmp(key, "og:site_name") || !strcasecmp(key, "application-name"))
        m->site = m->site ? m->site : v;
    else if (!strcasecmp(key, "og:url"))
        m->og_url = v;
    else if (!strcasecmp(key, "og:type"))
        d->article_page |= !strcasecmp(v, "article");
    else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author") ||
             !strcasecmp(key, "dc.creator") || !strcasecmp(key, "byl") ||
             !strcasecmp(key, "parsely-author") || !strcasecmp(key, "sailthru.author") ||
             !strcasecmp(key, "citation_author") || !strcasecmp(key, "dable:author")) {
        if (!m->author_meta && !is_url(v))
            m->author_meta = v;
    } else if (!strcasecmp(key, "article:modified_time") || !strcasecmp(key, "og:updated_time") ||
               !strcasecmp(key, "datemodified") || !strcasecmp(key, "last-modified") ||
               !strcasecmp(key, "dc.date.modified")) {
        m->date_modified = m->date_modified ? m->date_modified : v;
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
            "published", "article:published", "publication_date", "pub_date",
            "dcterms.issued", "datecreated",
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

static int ld_type_has(json_object *o, const char *what)
{
    json_object *type;
    if (!json_object_object_get_ex(o, "@type", &type))
        return 0;
    const char *t = ld_string(type);
    return t && strstr(t, what) != NULL;
}

static int ld_is_article(json_object *o)
{
    static const char *const kinds[] = {"Article", "BlogPosting", "Report", "WebPage",
                                        "Posting", "Review", "Recipe", "HowTo"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (ld_type_has(o, kinds[i]))
            return 1;
    return 0;
}

/* The names in an author value (a string, an object, or an array of
 * either), joined as "A, B and C". Sets *org when every one is an
 * organisation rather than a person. */
static const char *ld_names(doc *d, json_object *v, int *org)
{
    buf b = BUF_INIT;
    size_t n = json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 1;
    size_t kept = 0;
    *org = 1;
    for (size_t i = 0; i < n && i < 12; i++) {
        json_object *e = json_object_is_type(v, json_type_array)
                             ? json_object_array_get_idx(v, i) : v;
        const char *name = ld_string(e);
        if (!name || !*name || is_url(name))
            continue;
        if (!(json_object_is_type(e, json_type_object) && ld_type_has(e, "Organization")))
            *org = 0;
        if (kept)
            buf_puts(&b, i + 1 == n ? " and " : ", ");
        buf_puts(&b, name);
        kept++;
    }
    const char *r = kept && b.ptr && !b.oom ? arena_strndup(&d->mem, b.ptr, b.len) : NULL;
    buf_free(&b);
    return r;
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
    if (!m->ld_person && ld_type_has(o, "Person") && json_object_object_get_ex(o, "name", &v))
        m->ld_person = arena_strdup(&d->mem, ld_string(v));
    if (!ld_is_article(o) && !json_object_object_get_ex(o, "datePublished", &v))
        return;
    /* a news or blog article, not a forum posting, product or review */
    d->article_page |= ld_type_has(o, "Article") || ld_type_has(o, "BlogPosting");
    /* Copies: the JSON object dies before the document does. */
    if (!m->t.ld_headline && json_object_object_get_ex(o, "headline", &v))
        m->t.ld_headline = arena_strdup(&d->mem, ld_string(v));
    if (!m->date_ld && json_object_object_get_ex(o, "datePublished", &v))
        m->date_ld = arena_strdup(&d->mem, ld_string(v));
    if (!m->date_modified && json_object_object_get_ex(o, "dateModified", &v))
        m->date_modified = arena_strdup(&d->mem, ld_string(v));
    if (!m->author_ld && !m->author_org && json_object_object_get_ex(o, "author", &v)) {
        int org;
        const char *a = ld_names(d, v, &org);
        if (a && org)
            m->author_org = a;
        else
            m->author_ld = a;
    }
    if (!m->publisher_ld && json_object_object_get_ex(o, "publisher", &v))
        m->publisher_ld = arena_strdup(&d->mem, ld_string(v));
}

static void on_json_ld(doc *d, meta *m, const dom_node *n)
{
    const dom_node *c = n->children;
    if (!c || !c->content)
        return;
    json_tokener *tok = json_tokener_new_ex(32);
    if (!tok)
        return;
    const char *s = c->content;
    json_object *o = json_tokener_parse_ex(tok, s, (int)strlen(s));
    json_tokener_free(tok);
    if (o) {
        ld_take(d, m, o, 0);
        json_object_put(o);
    }
}

static int hidden(const dom_node *n)
{
    const node_info *i = info_of(n);
    return i && i->hidden;
}

/* Visible text below n into b: no scripts, styles or buttons, and a
 * space where a <br> or a block boundary separates words. */
static void collect_text(const dom_node *n, buf *b, int depth)
{
    if (depth > 64 || b->len > 4096)
        return;
    for (const dom_node *c = n->children; c; c = c->next) {
        if (c->type == DOM_TEXT && c->content) {
            buf_puts(b, c->content);
        } else if (c->type == DOM_ELEMENT) {
            tag t = tag_of(c);
            if (tag_is_junk(t) || t == T_BUTTON || t == T_SVG || hidden(c))
                continue;
            int inl = tag_is_inline(c, t);
            if (!inl || t == T_BR)
                buf_putc(b, ' ');
            collect_text(c, b, depth + 1);
            if (!inl)
                buf_putc(b, ' ');
        }
    }
}

/* Text of an element, whitespace collapsed, or NULL. */
static const char *text_of(doc *d, dom_node *n)
{
    buf b = BUF_INIT;
    collect_text(n, &b, 0);
    const char *r = b.ptr && !b.oom ? clean(d, b.ptr) : NULL;
    buf_free(&b);
    return r;
}

/* The attributes the metadata walk reads of most elements, found in one
 * look at the element's attributes, not one per name: as attr() finds
 * them (the first of each name, in any case), NULL when absent. */
typedef struct some_attrs {
    const char *cls, *id, *rel, *itemprop;
} some_attrs;

/* strcasecmp(name, lit) == 0 for a lower-case lit, inline: this runs
 * for each attribute of every element. */
static int same_name(const char *name, const char *lit)
{
    for (; *lit; name++, lit++)
        if ((*name >= 'A' && *name <= 'Z' ? *name + 32 : *name) != *lit)
            return 0;
    return *name == '\0';
}

static void read_some_attrs(const dom_node *n, some_attrs *sa)
{
    memset(sa, 0, sizeof *sa);
    for (const dom_attr *a = n->attrs; a; a = a->next) {
        const char *name = a->name, **slot;
        switch (name[0] | 0x20) {
        case 'c': slot = &sa->cls; name = same_name(name, "class") ? name : NULL; break;
        case 'i':
            slot = &sa->id;
            if (same_name(name, "id"))
                break;
            slot = &sa->itemprop;
            name = same_name(name, "itemprop") ? name : NULL;
            break;
        case 'r': slot = &sa->rel; name = same_name(name, "rel") ? name : NULL; break;
        default: name = NULL; slot = NULL; break;
        }
        if (!name || *slot)
            continue;
        *slot = a->value;
    }
}

/* The CF_* bits of n's class and id: the measuring pass found them for
 * the elements it measured. */
static unsigned facts_of(const dom_node *n, const some_attrs *sa)
{
    const node_info *ni = info_of(n);
    return ni ? ni->facts : class_facts(sa->cls, sa->id);
}

static int byline_like(const some_attrs *sa, unsigned facts)
{
    if ((sa->rel && !strcmp(sa->rel, "author")) ||
        (sa->itemprop && !strcmp(sa->itemprop, "author")))
        return 1;
    return (facts & CF_BYLINE) != 0;
}

/* "윤서진 기자(sjyoon@example.kr)" -> "윤서진": a Korean byline's name
 * without the e-mail address and the role after it. */
static const char *strip_role(doc *d, const char *a)
{
    static const char *const roles[] = {" 선임기자", " 인턴기자", " 객원기자", " 기자",
                                        " 특파원", " 논설위원", " 선임연구원", "기자"};
    const char *at = strchr(a, '@');
    if (!at && !strstr(a, "기자"))
        return a; /* "hackermondev (Daniel)" stays whole */
    size_t n = strcspn(a, "(<[");
    if (at && (size_t)(at - a) < n) /* "윤서진 sjyoon@..." */
        for (n = (size_t)(at - a); n && a[n - 1] != ' '; n--)
            ;
    while (n && a[n - 1] == ' ')
        n--;
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
        size_t r = strlen(roles[i]);
        if (n > r && !memcmp(a + n - r, roles[i], r)) {
            n -= r;
            break;
        }
    }
    while (n && a[n - 1] == ' ')
        n--;
    return n && n < strlen(a) ? arena_strndup(&d->mem, a, n) : a;
}

/* "By Jane Doe" / "Written by: Jane Doe" -> "Jane Doe"; NULL when what is
 * left is not a plausible name (empty, a label, too long, a date). */
static const char *byline_name(doc *d, const char *a)
{
    static const char *const lead[] = {"written by", "posted by", "published by",
                                       "reviewed by", "author", "by", "from"};
    if (!a)
        return NULL;
    for (int again = 1; again;) {
        again = 0;
        for (size_t i = 0; i < sizeof lead / sizeof *lead; i++) {
            size_t n = strlen(lead[i]);
            if (!strncasecmp(a, lead[i], n) && (a[n] == ' ' || a[n] == ':' || !a[n])) {
                a += n;
                while (*a == ' ' || *a == ':')
                    a++;
                again = 1;
            }
        }
    }
    a = strip_role(d, a);
    size_t chars = utf8_length(a, strlen(a));
    if (chars < 2 || chars > 60 || has_year(a, strlen(a)))
        return NULL;
    (void)d;
    return a;
}

/* One of " \t\r\n": inline, not strchr() on each byte of every text
 * node, most of which are only the spaces between tags. (c is never NUL:
 * the callers stay within the string's length.) */
static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Visible text nodes: remember the first date seen, and the first after
 * the first <h1> (where an article's dateline usually sits). */
/* Is s (trimmed) only a byline label: "By", "Written by:", "Article by"? */
static int by_label(const char *s, size_t len)
{
    static const char *const labels[] = {"by", "written by", "posted by", "article by",
                                         "words by", "author", "authors", "posted by:"};
    while (len && (is_space(s[len - 1]) || s[len - 1] == ':'))
        len--;
    while (len && is_space(*s))
        s++, len--;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (len == strlen(labels[i]) && !strncasecmp(s, labels[i], len))
            return 1;
    return 0;
}

/* Bylines in plain text: "By Jane Doe", or "By" then the name in the next
 * element (often a link to the author's page). */
static void on_byline_text(doc *d, meta *m, const char *s, size_t len)
{
    if (m->author_byline || len > 200)
        return;
    while (len && is_space(*s))
        s++, len--;
    if (!len)
        return;
    if (by_label(s, len)) {
        m->by_pending = 1;
        return;
    }
    /* Clean only the few texts that can be bylines: cleaning allocates. */
    if (m->by_pending) {
        m->by_pending = 0;
        m->author_byline = byline_name(d, clean(d, s));
    } else if (len > 4 && !strncasecmp(s, "by ", 3) && s[3] >= 'A' && s[3] <= 'Z') {
        m->author_byline = byline_name(d, clean(d, s));
    }
}

static void on_text(doc *d, meta *m, const dom_node *c)
{
    const char *s = c->content;
    if (!s)
        return;
    size_t len = strlen(s);
    on_byline_text(d, m, s, len);
    if (m->date_seen[0] && (m->date_after_h1[0] || !m->t.nh1))
        return;
    if (len > 400 || !has_year(s, len))
        return;
    char date[11];
    if (!find_visible_date(s, len, date))
        return;
    if (!m->date_seen[0])
        memcpy(m->date_seen, date, sizeof date);
    if (m->t.nh1 && !m->date_after_h1[0])
        memcpy(m->date_after_h1, date, sizeof date);
}

/* Does the name (a path or a file name) end in a document extension? */
static int document_name(const char *s, size_t len)
{
    static const char *const exts[] = {".hwp", ".hwpx", ".pdf", ".doc", ".docx", ".odt",
                                       ".xls", ".xlsx", ".ppt", ".pptx", ".zip"};
    while (len && (is_space(s[len - 1]) || s[len - 1] == ')' || s[len - 1] == ']'))
        len--;
    /* every extension is a dot and three or four letters: most names
     * have no dot there, and need no look at each */
    if (!(len > 4 && s[len - 4] == '.') && !(len > 5 && s[len - 5] == '.'))
        return 0;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t n = strlen(exts[i]);
        if (len > n && !strncasecmp(s + len - n, exts[i], n))
            return 1;
    }
    return 0;
}

/* The last non-blank text below n, as it stands in the tree. */
static const char *last_text(const dom_node *n, int depth)
{
    if (depth > 16)
        return NULL;
    for (const dom_node *c = n->last; c; c = c->prev) {
        if (c->type == DOM_TEXT && c->content) {
            const char *t = c->content;
            if (t[strspn(t, " \t\r\n")])
                return t;
        } else if (c->type == DOM_ELEMENT) {
            const char *t = last_text(c, depth + 1);
            if (t)
                return t;
        }
    }
    return NULL;
}

/* A link to a file for download: by the URL's path, or by its text (press
 * releases link "보도자료.hwpx" to a download.do?fileId=... URL). */
static void on_link(doc *d, meta *m, dom_node *a, const char *href)
{
    if (!href || !*href || !strncasecmp(href, "javascript:", 11))
        return;
    size_t path_len = strcspn(href, "?#");
    if (!document_name(href, path_len)) {
        /* Most links are not files: test the raw text before cleaning it. */
        const char *raw = last_text(a, 0);
        if (!raw || !document_name(raw, strlen(raw)))
            return;
    }
    if (m->nfiles == m->cap_files) {
        /* Every file link is kept (no cap: the node limit bounds them);
         * the old array stays in the arena, which doubling keeps at most
         * as large again as the last one. */
        size_t cap = m->cap_files ? 2 * m->cap_files : 8;
        gisa_attachment *f = arena_alloc(&d->mem, cap * sizeof *f);
        if (!f)
            return;
        if (m->nfiles)
            memcpy(f, m->files, m->nfiles * sizeof *f);
        m->files = f;
        m->cap_files = cap;
    }
    const char *text = text_of(d, a);
    m->files[m->nfiles].url = href;
    m->files[m->nfiles++].name = text ? text : "";
}

/* The tag id of n's name (src/html/tree.h), a foreign element's too: the
 * rules here go by name, and an <svg>'s <title>, <a> or <script> is
 * named as HTML's is. The parser's id when it has one: most elements. */
static unsigned name_tag(const dom_node *n)
{
    return n->tag != HTML_TAG_UNKNOWN ? n->tag : html_tag_of(n->name, strlen(n->name));
}

/* `where` says what the walk is inside of (H1_* bits), for the <h1>s. */
/* A heading, or a block holding text and inline markup only: a
 * headline, not a box around one (<div class="tit_area"><h4>…). */
static int headline_element(const dom_node *n)
{
    unsigned id = name_tag(n);
    if (id >= HTML_TAG_h2 && id <= HTML_TAG_h6)
        return 1;
    if (id != HTML_TAG_div && id != HTML_TAG_p && id != HTML_TAG_strong && id != HTML_TAG_span)
        return 0;
    for (const dom_node *c = n->children; c; c = c->next)
        if (c->type == DOM_ELEMENT && (id = name_tag(c)) != HTML_TAG_span &&
            id != HTML_TAG_em && id != HTML_TAG_b && id != HTML_TAG_strong)
            return 0;
    return 1;
}

static void gather(doc *d, meta *m, dom_node *n, int depth, unsigned where)
{
    if (depth > 400)
        return;
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type == DOM_TEXT) {
            on_text(d, m, c);
            continue;
        }
        if (c->type != DOM_ELEMENT)
            continue;
        /* by the tag id of the element's name, not a compare of
         * the name with each in turn: this runs for every element */
        unsigned id = name_tag(c), facts;
        some_attrs sa;
        if (id == HTML_TAG_meta) {
            on_meta_tag(d, m, c);
        } else if (id == HTML_TAG_title) {
            if (!m->t.title_tag)
                m->t.title_tag = text_of(d, c);
            continue;
        } else if (id == HTML_TAG_link) {
            const char *rel = attr(d, c, "rel"), *href = attr(d, c, "href");
            if (rel && href && !strcasecmp(rel, "canonical"))
                m->canonical = href;
            else if (rel && href && !strcasecmp(rel, "license"))
                m->license_link = href;
        } else if (id == HTML_TAG_base) {
            m->base = attr(d, c, "href");
        } else if (id == HTML_TAG_script) {
            const char *type = attr(d, c, "type");
            if (type && !strcasecmp(type, "application/ld+json"))
                on_json_ld(d, m, c);
            continue;
        } else if (id == HTML_TAG_style || id == HTML_TAG_noscript ||
                   id == HTML_TAG_template || id == HTML_TAG_svg || hidden(c)) {
            /* an icon's <svg> has a <title> of its own ("LinkedIn") */
            continue;
        } else if (id == HTML_TAG_h1) {
            const char *h = text_of(d, c);
            const node_info *ni = info_of(c);
            unsigned w = where;
            if (ni && ni->text && ni->link >= ni->text)
                w |= H1_IN_LINK; /* all its text is links: a logo */
            if (h && m->t.nh1 < TITLE_MAX_H1)
                m->t.h1[m->t.nh1++] = (title_h1){h, w};
        } else if (id == HTML_TAG_UNKNOWN && name_is(c->name, "time")) {
            const char *dt = attr(d, c, "datetime");
            if (dt && !m->date_time)
                m->date_time = dt;
        } else if ((read_some_attrs(c, &sa), facts = facts_of(c, &sa),
                    m->t.nclassed < TITLE_MAX_H1) &&
                   (facts & CF_HEADLINE) && headline_element(c)) {
            const char *h = text_of(d, c);
            if (h && utf8_length(h, strlen(h)) <= 150)
                m->t.classed[m->t.nclassed++] = h;
        } else if (!m->author_byline && byline_like(&sa, facts)) {
            const char *a = byline_name(d, text_of(d, c));
            if (a)
                m->author_byline = a;
        }
        if (id == HTML_TAG_a) {
            const char *rel = attr(d, c, "rel"), *href = attr(d, c, "href");
            if (href && !m->license_link &&
                ((rel && strstr(rel, "license")) || strstr(href, "creativecommons.org/licenses/")))
                m->license_link = href;
            on_link(d, m, c, href);
        }
        unsigned below = where;
        if (id == HTML_TAG_article)
            below |= H1_IN_ARTICLE;
        else if (id == HTML_TAG_a || id == HTML_TAG_nav)
            below |= H1_IN_LINK;
        gather(d, m, c, depth + 1, below);
    }
}

/* ---------------------------------------------------------- decide */

static const char *iso_date(doc *d, const char *s)
{
    char out[11];
    if (s && find_visible_date(s, strlen(s), out))
        return arena_strdup(&d->mem, out);
    return NULL;
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* "2026-06-17T14:05:00+09:00" keeps its time: "2026-06-17T14:05:00+09:00"
 * ("…T14:05" gains ":00"; a zone is kept when written +HH:MM or Z). Only
 * the machine-written forms of meta tags, JSON-LD and <time>; else the
 * date `ymd` alone. */
static const char *date_with_time(doc *d, const char *s, const char *ymd)
{
    size_t n = strlen(s);
    if (n < 16 || strncmp(s, ymd, 10) || (s[10] != 'T' && s[10] != ' ') || !digits(s + 11, 2) ||
        s[13] != ':' || !digits(s + 14, 2))
        return ymd;
    char out[32];
    const char *z = s + 16;
    int sec = z[0] == ':' && digits(z + 1, 2);
    snprintf(out, sizeof out, "%.10sT%.5s:%.2s", s, s + 11, sec ? z + 1 : "00");
    z += sec ? 3 : 0;
    if (*z == '.')
        while (*++z >= '0' && *z <= '9')
            ;
    if ((*z == '+' || *z == '-') && digits(z + 1, 2) && z[3] == ':' && digits(z + 4, 2))
        snprintf(out + 19, sizeof out - 19, "%.6s", z);
    else if (*z == 'Z')
        snprintf(out + 19, sizeof out - 19, "+00:00");
    return arena_strdup(&d->mem, out);
}

static const char *pick_date(doc *d, const meta *m, const char *url)
{
    const char *v;
    const char *cands[] = {m->date_ld, m->date_meta, m->date_time};
    for (size_t i = 0; i < 3; i++)
        if ((v = iso_date(d, cands[i])))
            return date_with_time(d, cands[i], v);
    if (m->date_after_h1[0])
        return arena_strdup(&d->mem, m->date_after_h1);
    if ((v = iso_date(d, m->date_modified)))
        return v;
    if ((v = iso_date(d, url))) /* /2024/05/12/ style paths */
        return v;
    if (m->date_seen[0])
        return arena_strdup(&d->mem, m->date_seen);
    return NULL;
}

/* Meta values are sometimes escaped twice: "Maria &amp; Katerina". */
static const char *unescape_amp(doc *d, const char *s)
{
    const char *p = s ? strstr(s, "&amp;") : NULL;
    if (!p)
        return s;
    buf b = BUF_INIT;
    for (const char *q = s; *q;) {
        if (!strncmp(q, "&amp;", 5)) {
            buf_putc(&b, '&');
            q += 5;
        } else {
            buf_putc(&b, *q++);
        }
    }
    const char *r = b.ptr && !b.oom ? arena_strndup(&d->mem, b.ptr, b.len) : s;
    buf_free(&b);
    return r;
}

/* People first (structured data, then the visible byline, then meta
 * tags); an organisation named as author only when no person is. */
static const char *pick_author(doc *d, const meta *m)
{
    const char *cands[] = {m->author_ld,    m->author_label, m->author_byline,
                           m->author_meta,  m->ld_person,    m->author_org};
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
        const char *a = byline_name(d, clean(d, cands[i]));
        if (a)
            return unescape_amp(d, a);
    }
    return NULL;
}

/* Text nodes that state the issuing ministry or the licence. An
 * all-rights-reserved notice is kept aside in *reserved: a 공공누리 page
 * often ends in its web site's "All rights reserved" footer, and the
 * open licence is the one that covers the release. */
static void scan_notices(doc *d, dom_node *n, int depth, const char *reserved[2])
{
    if (depth > 400)
        return;
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type == DOM_TEXT && c->content) {
            const char *s = c->content;
            size_t len = strlen(s);
            /* Most text nodes are ASCII, and short: the space between
             * tags. Every mark sought is Korean, but "All rights
             * reserved", which such a node is too short to hold. */
            int ascii = utf8_ascii_prefix(s, len) == len;
            if (ascii && len < sizeof "all rights reserved" - 1)
                continue;
            if (!d->pub.publisher && !ascii)
                d->pub.publisher = find_issuing_org(&d->mem, s, len);
            if (!d->pub.license && !ascii && memmem(s, len, "공공누리", strlen("공공누리")))
                find_license(&d->mem, s, len, &d->pub.license, &d->pub.license_text);
            if (!reserved[0])
                find_reserved_notice(&d->mem, s, len, &reserved[0], &reserved[1]);
        } else if (c->type == DOM_ELEMENT && c->tag != HTML_TAG_script &&
                   c->tag != HTML_TAG_style &&
                   (c->tag != HTML_TAG_UNKNOWN ||
                    (!name_is(c->name, "script") && !name_is(c->name, "style")))) {
            scan_notices(d, c, depth + 1, reserved);
        }
    }
}

static int by_url_then_place(const void *a, const void *b)
{
    const gisa_attachment *x = *(const gisa_attachment *const *)a;
    const gisa_attachment *y = *(const gisa_attachment *const *)b;
    int c = strcmp(x->url, y->url);
    return c ? c : (x > y) - (x < y);
}

/* The page's file links, each URL once (its first link names it), in
 * page order. Sorting finds the repeats in n log n: a page of 100,000
 * links to one file must not cost 10^10 comparisons. */
static void take_attachments(doc *d, const meta *m)
{
    if (!m->nfiles)
        return;
    const gisa_attachment **order = arena_alloc(&d->mem, m->nfiles * sizeof *order);
    unsigned char *repeat = arena_calloc(&d->mem, m->nfiles, 1);
    gisa_attachment *files = arena_alloc(&d->mem, m->nfiles * sizeof *files);
    if (!order || !repeat || !files)
        return;
    for (size_t i = 0; i < m->nfiles; i++)
        order[i] = &m->files[i];
    qsort(order, m->nfiles, sizeof *order, by_url_then_place);
    for (size_t i = 1; i < m->nfiles; i++)
        if (!strcmp(order[i]->url, order[i - 1]->url))
            repeat[order[i] - m->files] = 1;
    size_t n = 0;
    for (size_t i = 0; i < m->nfiles; i++) {
        if (repeat[i])
            continue;
        files[n].url = resolve_url(d, d->base_url, m->files[i].url);
        files[n++].name = m->files[i].name;
    }
    d->pub.attachments = files;
    d->pub.nattachments = n;
}

/* "<!-- saved from url=(0071)https://… -->": where a browser saved the
 * page from, read from the text itself (the comment may sit anywhere). */
static const char *saved_from_url(doc *d, const decoded_text *t)
{
    static const char key[] = "saved from url=";
    const char *p = memmem(t->text, t->len, key, sizeof key - 1);
    if (!p)
        return NULL;
    const char *end = t->text + t->len;
    p += sizeof key - 1;
    if (p < end && *p == '(') /* the URL's length, as Internet Explorer wrote it */
        while (p < end && *p++ != ')')
            ;
    const char *e = p;
    while (e < end && (unsigned char)*e > ' ' && *e != '<' && *e != '"' &&
           !(e + 2 < end && !memcmp(e, "-->", 3)))
        e++;
    if (e - p < 8 || (strncmp(p, "https://", 8) && strncmp(p, "http://", 7)))
        return NULL;
    return arena_strndup(&d->mem, p, (size_t)(e - p));
}

void html_metadata(doc *d, dom_tree *x, const decoded_text *t, const gisa_source *src)
{
    meta m;
    memset(&m, 0, sizeof m);
    dom_node *root = dom_root(x);
    if (!root)
        return;
    m.lang = attr(d, root, "lang");
    gather(d, &m, root, 0, 0);
    const char *url = m.canonical ? m.canonical : m.og_url ? m.og_url : src->url;
    if (!url)
        url = saved_from_url(d, t);
    d->pub.url = url ? resolve_url(d, src->url, url) : NULL;
    m.t.site = m.site;
    m.t.publisher = m.publisher_ld;
    m.t.url = d->pub.url;
    const char *site_in_title = NULL;
    d->pub.title = title_choose(d, &m.t, &site_in_title);
    d->pub.date = pick_date(d, &m, d->pub.url);
    d->pub.author = pick_author(d, &m);
    d->pub.site_name = clean(d, m.site ? m.site : m.publisher_ld);
    if (!d->pub.site_name && m.press && (d->pub.site_name = clean(d, m.press)))
        d->pub.site_name = title_first_part(d, d->pub.site_name); /* "한빛일보 | 네이버" */
    if (!d->pub.site_name)
        d->pub.site_name = site_in_title; /* "보도자료 > … | 국방부" */
    d->pub.lang = clean(d, m.lang);
    if (m.license_link)
        find_license(&d->mem, m.license_link, strlen(m.license_link), &d->pub.license,
                     &d->pub.license_text);
    const char *reserved[2] = {NULL, NULL};
    scan_notices(d, root, 0, reserved);
    if (!d->pub.license && reserved[0]) {
        d->pub.license = reserved[0];
        d->pub.license_text = reserved[1];
    }
    if (!d->pub.author && d->pub.publisher)
        d->pub.author = d->pub.publisher;
    /* Base for relative links: <base href>, else where the page was
     * fetched from (a browser resolves against the page's address, not
     * its canonical one: a mirror's download links lead to the mirror),
     * else, for a saved page, the URL it gives for itself. */
    const char *here = src->url && (!strncasecmp(src->url, "http://", 7) ||
                                    !strncasecmp(src->url, "https://", 8))
                           ? src->url
                           : d->pub.url;
    d->base_url = m.base ? resolve_url(d, here ? here : src->url, m.base) : here;
    take_attachments(d, &m);
}
