/* title.c - an HTML page's headline.
 *
 * Pages show the headline as an <h1>, and the <title> repeats it with the
 * site's name before or after a separator ("Headline | Site"). So: find
 * which part of the <title> is the site (it matches og:site_name, the
 * publisher or the host name), then prefer an <h1> that the <title> or
 * og:title confirms, or one that is the story's own heading; otherwise
 * the <title> without the site. */
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/utf8procapi.h"
#include "../util/url.h"
#include "title.h"

/* ---------------------------------------------------------- references */

/* The code point a reference at s names ("&#x26;", "&amp;"), with *len
 * its length; -1 when s is no reference this knows. Pages that escape a
 * title twice ("&amp;#x26;") leave these in the parsed text. */
static int32_t char_ref(const char *s, size_t *len)
{
    static const struct {
        const char *name;
        int32_t cp;
    } named[] = {{"&amp;", '&'},       {"&lt;", '<'},         {"&gt;", '>'},
                 {"&quot;", '"'},      {"&apos;", '\''},      {"&nbsp;", ' '},
                 {"&rsquo;", 0x2019},  {"&lsquo;", 0x2018},   {"&ldquo;", 0x201c},
                 {"&rdquo;", 0x201d},  {"&ndash;", 0x2013},   {"&mdash;", 0x2014},
                 {"&hellip;", 0x2026}, {"&middot;", 0x00b7}};
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (!strncmp(s, named[i].name, strlen(named[i].name))) {
            *len = strlen(named[i].name);
            return named[i].cp;
        }
    if (s[1] != '#')
        return -1;
    int hex = s[2] == 'x' || s[2] == 'X';
    const char *p = s + 2 + hex;
    int32_t cp = 0;
    int n = 0;
    for (; n < 7; p++, n++) {
        int v = *p >= '0' && *p <= '9'                ? *p - '0'
                : hex && (*p | 0x20) >= 'a' && (*p | 0x20) <= 'f' ? (*p | 0x20) - 'a' + 10
                                                                 : -1;
        if (v < 0)
            break;
        cp = cp * (hex ? 16 : 10) + v;
    }
    if (!n || *p != ';' || cp < 0x20 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return -1;
    *len = (size_t)(p + 1 - s);
    return cp;
}

/* s with the character references it still holds decoded. */
static const char *unescape(doc *d, const char *s)
{
    if (!strchr(s, '&'))
        return s;
    buf b = BUF_INIT;
    for (const char *p = s; *p;) {
        size_t n = 0;
        int32_t cp = *p == '&' ? char_ref(p, &n) : -1;
        if (cp < 0) {
            buf_putc(&b, *p++);
            continue;
        }
        char enc[4];
        buf_append(&b, enc, utf8_encode(cp, enc));
        p += n;
    }
    const char *r = b.ptr && !b.oom ? arena_strndup(&d->mem, b.ptr, b.len) : NULL;
    buf_free(&b);
    return r ? r : s;
}

static const char *clean(doc *d, const char *s)
{
    if (!s)
        return NULL;
    const char *c = text_clean_dup(&d->mem, s, strlen(s), 0);
    if (c && strchr(c, '&')) {
        const char *u = unescape(d, c);
        c = text_clean_dup(&d->mem, u, strlen(u), 0);
    }
    return c && *c ? c : NULL;
}

/* ---------------------------------------------------------- words */

/* The words of s[0..len), lower-cased and joined by `join` (a space, or
 * nothing for the compact form that matches "Move.org" to "moveorg"). */
static const char *words_n(doc *d, const char *s, size_t len, const char *join)
{
    buf b = BUF_INIT;
    int gap = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += utf8_decode((const unsigned char *)s + i, len - i, &cp);
        utf8proc_category_t cat = utf8proc_category(cp);
        int word = cp == '_' || (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
        if (!word) {
            gap = b.len > 0;
            continue;
        }
        if (gap)
            buf_puts(&b, join);
        gap = 0;
        char enc[4];
        buf_append(&b, enc, utf8_encode(utf8proc_tolower(cp), enc));
    }
    const char *r = arena_strndup(&d->mem, b.ptr ? b.ptr : "", b.len);
    buf_free(&b);
    return r ? r : "";
}

/* The form in which two titles are compared. */
static const char *words_of(doc *d, const char *s)
{
    return words_n(d, s, strlen(s), " ");
}

static size_t word_count(const char *w)
{
    size_t n = *w != '\0';
    for (; *w; w++)
        n += *w == ' ';
    return n;
}

/* How many words of w (words_of form) also occur in the words of in. */
static size_t shared_words(const char *w, const char *in)
{
    size_t n = 0, inlen = strlen(in);
    while (*w) {
        size_t k = strcspn(w, " ");
        for (const char *p = in; (p = memmem(p, inlen - (size_t)(p - in), w, k)); p += k)
            if ((p == in || p[-1] == ' ') && (p[k] == ' ' || !p[k])) {
                n++;
                break;
            }
        w += k;
        while (*w == ' ')
            w++;
    }
    return n;
}

/* ---------------------------------------------------------- parts */

static const char *const title_seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " : ",
                                         " « ", " » ", " ｜ ", " < ", " • ", " / "};

/* Where the first separator in a <title> starts, or NULL. */
static const char *first_sep(const char *t, size_t *sep_len)
{
    const char *best = NULL;
    for (size_t i = 0; i < sizeof title_seps / sizeof *title_seps; i++) {
        const char *p = strstr(t, title_seps[i]);
        if (p && (!best || p < best)) {
            best = p;
            *sep_len = strlen(title_seps[i]);
        }
    }
    return best;
}

const char *title_first_part(doc *d, const char *t)
{
    size_t n = 0;
    const char *p = first_sep(t, &n);
    if (p == t) /* " | Headline": skip the empty part */
        return title_first_part(d, t + n);
    return p ? arena_strndup(&d->mem, t, (size_t)(p - t)) : t;
}

typedef struct span {
    const char *s;
    size_t n;
} span;

#define MAX_PARTS 16

/* A <title> cut at its separators; the last part keeps any excess. */
static int split_title(const char *t, span *part)
{
    int n = 0;
    size_t sl = 0;
    for (const char *q; n < MAX_PARTS - 1 && (q = first_sep(t, &sl)); t = q + sl)
        part[n++] = (span){t, (size_t)(q - t)};
    part[n++] = (span){t, strlen(t)};
    return n;
}

/* ---------------------------------------------------------- the site */

/* Names the site goes by, in compact form ("" when unknown). */
typedef struct site_names {
    const char *name, *publisher, *host, *label;
    const char *bare; /* the name less a domain ending: "WRAL.com" -> "wral" */
    int home; /* the URL is the site's front page */
} site_names;

/* Second-level labels under a country code: "bbc.co.uk" is named "bbc". */
static int generic_label(const char *s, size_t n)
{
    static const char *const labels[] = {"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne"};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (n == strlen(labels[i]) && !memcmp(s, labels[i], n))
            return 1;
    return 0;
}

/* "https://www.frommers.com/tips/x" -> host "frommerscom", label "frommers". */
static void site_from_url(doc *d, const char *url, site_names *sn)
{
    /* (the URL as resolve_url leaves one: trimmed, backslashes read as
     * slashes, so the path below is split as the host was) */
    char *norm = url ? url_resolve(NULL, url) : NULL;
    char *host = norm ? url_host(norm) : NULL;
    if (!host) {
        free(norm);
        return;
    }
    const char *h = host;
    if (!strncmp(h, "www.", 4))
        h += 4;
    sn->host = words_n(d, h, strlen(h), "");
    const char *end = h + strlen(h), *dot = memrchr(h, '.', (size_t)(end - h));
    const char *last = dot ? dot : end; /* label before the top-level domain */
    const char *start = dot ? memrchr(h, '.', (size_t)(dot - h)) : NULL;
    start = start ? start + 1 : h;
    if (start > h && generic_label(start, (size_t)(last - start))) {
        last = start - 1;
        start = memrchr(h, '.', (size_t)(last - h));
        start = start ? start + 1 : h;
    }
    sn->label = words_n(d, start, (size_t)(last - start), "");
    /* the front page: nothing after the host but "/" */
    url_parts u;
    url_split(norm, strlen(norm), &u);
    sn->home = u.path.len == 0 || (u.path.len == 1 && norm[u.path.off] == '/');
    free(host);
    free(norm);
}

static void site_names_init(doc *d, const title_evidence *e, site_names *sn)
{
    memset(sn, 0, sizeof *sn);
    sn->name = e->site ? words_n(d, e->site, strlen(e->site), "") : "";
    const char *dot = e->site ? strrchr(e->site, '.') : NULL;
    size_t tld = dot ? strlen(dot + 1) : 0;
    sn->bare = dot && dot > e->site && tld >= 2 && tld <= 4 && !strchr(dot, ' ')
                   ? words_n(d, e->site, (size_t)(dot - e->site), "")
                   : "";
    sn->publisher = e->publisher ? words_n(d, e->publisher, strlen(e->publisher), "") : "";
    sn->host = sn->label = "";
    site_from_url(d, e->url, sn);
}

/* Is this text just the site's name? */
static int is_site(doc *d, const site_names *sn, const char *s, size_t n)
{
    const char *c = words_n(d, s, n, "");
    if (!*c)
        return 0;
    return !strcmp(c, sn->name) || !strcmp(c, sn->publisher) || !strcmp(c, sn->host) ||
           !strcmp(c, sn->label) || !strcmp(c, sn->bare);
}

/* ---------------------------------------------------------- boards */

/* Names of the boards sites file articles under: a <title> that is only
 * one of these names the list, not the article. */
static int board_name(const char *s)
{
    static const char *const names[] = {
        "보도자료", "보도설명자료", "설명자료", "해명자료", "보도해명자료", "뉴스",
        "공지사항", "알림마당", "뉴스·소식", "알림·소식", "정책뉴스", "브리핑룸",
        "사실은 이렇습니다", "홈"};
    for (size_t i = 0; s && i < sizeof names / sizeof *names; i++)
        if (!strcmp(s, names[i]))
            return 1;
    return 0;
}

/* "보도자료 > 알림마당 > Headline" -> "Headline": a breadcrumb trail's
 * last step. */
static const char *after_breadcrumb(doc *d, const char *t)
{
    const char *last = NULL;
    for (const char *p = strstr(t, " > "); p; p = strstr(p + 3, " > "))
        last = p;
    return last && last[3] ? arena_strdup(&d->mem, last + 3) : t;
}

/* "부산광역시 > 시정소식 > …" -> "부산광역시": the trail's first step. */
static const char *breadcrumb_root(doc *d, const char *s, size_t n)
{
    const char *p = memmem(s, n, " > ", 3);
    return arena_strndup(&d->mem, s, p ? (size_t)(p - s) : n);
}

/* The part of the <title> that is not the headline, when one is: the site
 * ("Headline | 국방부", "남도일보 - Headline", "행정안전부 > … > Headline"). */
static const char *site_part(doc *d, const char *title, const char *headline)
{
    if (!title || !headline)
        return NULL;
    span part[MAX_PARTS];
    int n = split_title(title, part);
    const char *wh = words_of(d, headline), *site = NULL;
    if (!*wh)
        return NULL;
    const span *first = &part[0], *last = &part[n - 1];
    if (n >= 2 && strstr(words_n(d, first->s, first->n, " "), wh))
        site = arena_strndup(&d->mem, last->s, last->n);
    else if (n >= 2 && strstr(words_n(d, last->s, last->n, " "), wh))
        site = breadcrumb_root(d, first->s, first->n);
    else if (n == 1 && strstr(title, " > ") && !strcmp(words_of(d, after_breadcrumb(d, title)), wh))
        site = breadcrumb_root(d, title, strlen(title));
    site = clean(d, site);
    if (!site || board_name(site) || strstr(words_of(d, site), wh) ||
        utf8_length(site, strlen(site)) > 40)
        return NULL;
    return site;
}

int headline_class(const char *v)
{
    if (!v)
        return 0;
    if (strstr(v, "sub") && !strstr(v, "subject"))
        return 0; /* a subtitle: "sub_title", "subheadline" */
    return strstr(v, "tit") || strstr(v, "subject") || strstr(v, "headline");
}

/* ---------------------------------------------------------- choose */

/* The <title> cut into the headline part and the site's part. */
typedef struct title_parts {
    const char *head; /* first part that is not the site */
    const char *whead; /* its words */
    const char *wt;   /* words of the whole title */
    const char *wh;   /* words of the title less the site's part */
    const char *ws;   /* words of the site's part, or NULL */
    int empty_slot;   /* the <title> starts with a separator: "| Site", its
                         headline left empty by the template */
} title_parts;

static void cut_title(doc *d, const char *title, const site_names *sn, title_parts *tp)
{
    span part[MAX_PARTS];
    int hi = split_title(title, part), lo = 0;
    const span *site = NULL;
    if (hi - lo >= 2 && part[lo].n == 0) { /* " | Headline" */
        lo++;
        tp->empty_slot = 1;
    }
    /* "Site | Headline": but on the front page the site is the subject. */
    if (hi - lo >= 2 && !sn->home && is_site(d, sn, part[lo].s, part[lo].n))
        site = &part[lo++];
    if (hi - lo >= 2 && is_site(d, sn, part[hi - 1].s, part[hi - 1].n)) {
        site = site ? site : &part[hi - 1];
        hi--;
    }
    if (!site && hi - lo >= 2)
        site = &part[hi - 1]; /* unknown: the last part usually is the site */
    tp->wt = words_of(d, title);
    tp->ws = site ? words_n(d, site->s, site->n, " ") : NULL;
    const char *end = part[hi - 1].s + part[hi - 1].n;
    tp->wh = words_n(d, part[lo].s, (size_t)(end - part[lo].s), " ");
    tp->head = part[lo].n ? arena_strndup(&d->mem, part[lo].s, part[lo].n) : NULL;
    tp->whead = words_n(d, part[lo].s, part[lo].n, " ");
}

/* "Blog Name: Headline" with og:title "Headline": what precedes the
 * og:title in the <title> is the site, however it is separated. */
static void og_after_site(doc *d, const char *og, const char *wo, const site_names *sn,
                          title_parts *tp)
{
    size_t lt = strlen(tp->wt), lo = strlen(wo);
    if (!lo || lo + 1 >= lt || strcmp(tp->wt + lt - lo, wo) || tp->wt[lt - lo - 1] != ' ' ||
        is_site(d, sn, og, strlen(og)))
        return;
    tp->ws = arena_strndup(&d->mem, tp->wt, lt - lo - 1);
    tp->head = title_first_part(d, og);
    tp->whead = words_of(d, tp->head);
}

/* Is w (words_of form) the whole of some part of the <title> other than
 * the one taken as its headline? ("남도일보 - Headline", where the last
 * part was taken for the site.) */
static int other_title_part(doc *d, const char *title, const char *w, const char *whead)
{
    span part[MAX_PARTS];
    int n = title ? split_title(title, part) : 0;
    for (int i = 0; i < n; i++) {
        const char *wp = words_n(d, part[i].s, part[i].n, " ");
        if (!strcmp(wp, w) && strcmp(wp, whead))
            return 1;
    }
    return 0;
}

/* A class-marked headline (<h3 class="tit">), where the <title> names only
 * a board ("보도자료 | 과학기술정보통신부") or none, or where, with no
 * og:title to say which part is the headline, it is a whole part of the
 * <title> that was taken for the site. */
static const char *classed_headline(doc *d, const title_evidence *e, const char *title,
                                    const title_parts *tp, const char *head, const char *wo,
                                    const site_names *sn)
{
    int generic = !head || board_name(head);
    for (int i = 0; i < e->nclassed; i++) {
        const char *h = e->classed[i], *w = words_of(d, h);
        if (strlen(w) < 3 || board_name(h) || is_site(d, sn, h, strlen(h)))
            continue;
        if (generic || (!*wo && other_title_part(d, title, w, tp->whead)))
            return h;
    }
    return NULL;
}

/* The first <h1> that is not a logo, a menu entry or the site's name. */
static const char *plain_h1(doc *d, const title_evidence *e, const site_names *sn)
{
    for (int i = 0; i < e->nh1; i++) {
        const title_h1 *h = &e->h1[i];
        if (!(h->where & H1_IN_LINK) && strlen(words_of(d, h->text)) >= 3 &&
            !is_site(d, sn, h->text, strlen(h->text)))
            return h->text;
    }
    return NULL;
}

/* Does the <title> or og:title repeat the <h1> (w, in words_of form)? A
 * word or two found inside a long title is no confirmation ("Discord" in
 * "How we pwned X, Vercel, Cursor, Discord, and…"): it must be a whole
 * part of the title, or a good share of its headline. */
static int confirmed(doc *d, const char *title, const title_parts *tp, const char *w,
                     const char *wo)
{
    if (!(*tp->wt && strstr(tp->wt, w)) && !(*wo && strstr(wo, w)))
        return 0;
    size_t nw = word_count(w), nh = word_count(*wo ? wo : tp->whead);
    return 3 * nw >= nh || !strcmp(w, tp->whead) || !strcmp(w, wo) ||
           other_title_part(d, title, w, "");
}

/* "Thread: Headline", "Blog: Headline" with the <title> or og:title
 * saying just "Headline": the heading carries a board's label. */
static const char *without_label(doc *d, const char *h, const title_parts *tp, const char *wo)
{
    const char *colon = strchr(h, ':');
    if (!colon || word_count(words_n(d, h, (size_t)(colon - h), " ")) > 2)
        return h;
    const char *rest = clean(d, colon + 1), *w = rest ? words_of(d, rest) : "";
    return *w && (!strcmp(w, tp->whead) || !strcmp(w, wo)) ? rest : h;
}

/* "Reddit - The heart of the internet" on a post's page: a <title> that
 * is a brand (a word or two) and its tagline, with no og:title, is the
 * site's shell, the same on every page; an <h1> that shares no word with
 * it, the page's only heading, names the page. (A page whose <title> is
 * its own names its subject in an og:title too, or shares a word with its
 * heading; several headings are a listing's teasers.) */
static int shell_title(const title_parts *tp, const char *og)
{
    return !og && tp->ws && *tp->ws && !tp->empty_slot && word_count(tp->whead) <= 2;
}

static const char *choose(doc *d, const title_evidence *e, const site_names *snp)
{
    const char *title = clean(d, e->title_tag);
    if (!title)
        title = clean(d, e->og_title ? e->og_title : e->ld_headline ? e->ld_headline
                                                                    : e->tw_title);
    const char *og = clean(d, e->og_title);
    site_names sn = *snp;
    title_parts tp = {NULL, "", "", "", NULL, 0};
    if (title)
        cut_title(d, title, &sn, &tp);
    const char *wo = og ? words_of(d, og) : "";
    if (title && og)
        og_after_site(d, og, wo, &sn, &tp);
    /* One <h1> in an <article> is the story's heading; several are the
     * teasers of a listing. */
    int in_article = 0;
    for (int i = 0; i < e->nh1; i++)
        in_article += (e->h1[i].where & (H1_IN_ARTICLE | H1_IN_LINK)) == H1_IN_ARTICLE;
    /* JSON-LD's headline: the page's own statement of its headline, kept
     * apart from the <title>'s wording for search results. */
    const char *ld = clean(d, e->ld_headline), *wl = ld ? words_of(d, ld) : "";
    const char *first = NULL, *unrelated = NULL;
    int headings = 0; /* <h1>s that are neither the site nor a link */
    for (int i = 0; i < e->nh1; i++) {
        const title_h1 *h = &e->h1[i];
        const char *w = words_of(d, h->text);
        if (strlen(w) < 3 || (tp.ws && !strcmp(w, tp.ws)) ||
            is_site(d, &sn, h->text, strlen(h->text)))
            continue; /* the site's name */
        if (h->where & H1_IN_LINK) {
            /* A linked heading is a logo, unless it is the headline itself
             * (question pages link their title to themselves). */
            if (!strcmp(w, tp.whead) || !strcmp(w, wo))
                return h->text;
            continue;
        }
        headings++;
        if (*wl && !strcmp(w, wl))
            return h->text; /* the <h1> and JSON-LD agree, whatever the <title> says */
        if (confirmed(d, title, &tp, w, wo))
            return without_label(d, h->text, &tp, wo); /* confirmed by the <title> or og:title */
        int story = in_article == 1 && (h->where & H1_IN_ARTICLE);
        if (!first && !unrelated && !shared_words(w, tp.wt))
            unrelated = h->text;
        if (!first && (story || 2 * shared_words(w, tp.wh) >= word_count(w)))
            first = h->text; /* the story's heading, or a reworded headline */
        else if (!first)
            first = "";
    }
    const char *head = tp.head ? after_breadcrumb(d, tp.head) : NULL;
    if (first && *first)
        return without_label(d, first, &tp, wo);
    const char *classed = classed_headline(d, e, title, &tp, head, wo, &sn);
    if (classed)
        return classed;
    if (unrelated && headings == 1 && shell_title(&tp, og))
        return unrelated;
    /* A <title> that names only the site ("Glossier" on a product's
     * page, "| Nuts & Volts Magazine"): the page's own heading says what
     * the page is. On the front page the site is the subject. */
    if (!sn.home && (!head || tp.empty_slot || is_site(d, &sn, head, strlen(head)))) {
        const char *h1 = plain_h1(d, e, &sn);
        if (h1)
            return h1;
    }
    if (head)
        return head;
    return e->nh1 ? e->h1[0].text : NULL;
}

/* An <h1> or og:title that repeats the site's name as a part of its own
 * ("Headline – Artlyst", "Headline | WRAL"): the headline without it. */
static const char *without_site(doc *d, const site_names *sn, const char *t)
{
    span part[MAX_PARTS];
    int n = t ? split_title(t, part) : 0, lo = 0;
    if (n < 2)
        return t;
    if (is_site(d, sn, part[n - 1].s, part[n - 1].n))
        n--;
    else if (is_site(d, sn, part[0].s, part[0].n))
        lo++;
    else
        return t;
    const char *end = part[n - 1].s + part[n - 1].n;
    const char *r = clean(d, arena_strndup(&d->mem, part[lo].s, (size_t)(end - part[lo].s)));
    return r && *words_of(d, r) ? r : t;
}

/* "Headline | Top 19 Companies": a bar parts a headline from a tagline or
 * a section's name, never within a headline. */
static const char *before_bar(doc *d, const char *t)
{
    const char *bar = t ? strstr(t, " | ") : NULL;
    if (!bar || bar == t)
        return t;
    const char *h = arena_strndup(&d->mem, t, (size_t)(bar - t));
    return h && word_count(words_of(d, h)) >= 2 ? h : t;
}

/* "Headline - Personally Tested", "Headline - Japan Forum", "Product - 32
 * Precision Bits": one dash parting a headline of three words or more
 * from a tail of at most three that starts like a name (a capital, a
 * digit, a bracket) parts the headline from a tagline, a board's or a
 * maker's name. A tail in lower case goes on with the sentence ("– tips
 * and tricks"), a tail with a year is the headline's edition ("- March
 * 2026"), and two dashes are one long name ("Sandal – Stone – Unisex"). */
static const char *before_dash(doc *d, const char *t)
{
    static const char *const dashes[] = {" - ", " – ", " — "};
    const char *at = NULL;
    size_t len = 0;
    int n = 0;
    for (size_t i = 0; t && i < sizeof dashes / sizeof *dashes; i++)
        for (const char *p = strstr(t, dashes[i]); p; p = strstr(p + 1, dashes[i])) {
            n++;
            at = p;
            len = strlen(dashes[i]);
        }
    if (n != 1 || at == t)
        return t;
    const char *tail = at + len;
    const char *h = arena_strndup(&d->mem, t, (size_t)(at - t));
    if (!h || word_count(words_of(d, h)) < 3 || word_count(words_of(d, tail)) > 3 ||
        (*tail >= 'a' && *tail <= 'z') || has_year(tail, strlen(tail)))
        return t;
    return h;
}

const char *title_choose(doc *d, const title_evidence *e, const char **site)
{
    site_names sn;
    site_names_init(d, e, &sn);
    const char *t = choose(d, e, &sn);
    if (!sn.home)
        t = without_site(d, &sn, t);
    t = before_dash(d, before_bar(d, t));
    if (site)
        *site = site_part(d, clean(d, e->title_tag), t);
    return t;
}
