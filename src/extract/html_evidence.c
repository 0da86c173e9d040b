/* html_evidence.c - what an element's class, id, role and style say about it:
 * content, boilerplate of some strength, comments, an overlay; hidden or
 * shown only to screen readers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "html.h"
#include "title.h"

/* Words in class or id names, sorted for binary search, with what they
 * say: 1 content, or an EV_* level of boilerplate. A name is split at
 * non-letters and each word looked up, so "article-footer" is both.
 * Strong words name whole page regions that are never the article; weak
 * words are also used for small parts inside it ("widget", "tools"), so a
 * weakly marked subtree that holds prose is kept. */
static const struct class_word {
    const char *word;
    signed char level;
} class_words[] = {
    {"ad", EV_STRONG_BAD}, {"ads", EV_STRONG_BAD}, {"advert", EV_STRONG_BAD},
    {"advertisement", EV_STRONG_BAD}, {"article", 1}, {"articlebody", 1},
    {"aside", EV_WEAK_BAD}, {"atc", 1}, {"author", EV_WEAK_BAD},
    {"avatar", EV_WEAK_BAD}, {"badges", EV_WEAK_BAD}, {"banner", EV_STRONG_BAD},
    {"bbs", 1}, {"blog", 1}, {"body", 1}, {"breadcrumb", EV_STRONG_BAD},
    {"breadcrumbs", EV_STRONG_BAD}, {"btn", EV_WEAK_BAD}, {"button", EV_WEAK_BAD},
    {"byline", EV_WEAK_BAD}, {"cmt", EV_COMMENT}, {"combx", EV_WEAK_BAD},
    {"comment", EV_COMMENT}, {"comments", EV_COMMENT}, {"community", EV_WEAK_BAD},
    {"consent", EV_OVERLAY}, {"cont", 1}, {"content", 1}, {"cookie", EV_OVERLAY},
    {"cookies", EV_OVERLAY}, {"copyright", EV_STRONG_BAD},
    {"crosssell", EV_STRONG_BAD}, {"description", 1}, {"detail", 1},
    {"disclaimer", EV_WEAK_BAD}, {"disqus", EV_COMMENT}, {"docs", 1},
    {"documentation", 1}, {"dropdown", EV_STRONG_BAD}, {"entry", 1},
    {"footer", EV_STRONG_BAD}, {"footnote", EV_WEAK_BAD}, {"gdpr", EV_OVERLAY},
    {"gnb", EV_STRONG_BAD}, {"header", EV_WEAK_BAD}, {"hentry", 1},
    {"hide", EV_WEAK_BAD}, {"legal", EV_WEAK_BAD}, {"lnb", EV_STRONG_BAD},
    {"login", EV_STRONG_BAD}, {"main", 1}, {"markdown", 1},
    {"masthead", EV_STRONG_BAD}, {"menu", EV_STRONG_BAD}, {"message", 1},
    {"meta", EV_WEAK_BAD}, {"modal", EV_OVERLAY}, {"more", EV_WEAK_BAD},
    {"nav", EV_STRONG_BAD}, {"navbar", EV_STRONG_BAD}, {"navigation", EV_STRONG_BAD},
    {"news", 1}, {"newsletter", EV_STRONG_BAD}, {"offcanvas", EV_STRONG_BAD},
    {"outbrain", EV_RELATED}, {"pager", EV_STRONG_BAD},
    {"pagination", EV_STRONG_BAD}, {"popover", EV_OVERLAY}, {"popular", EV_WEAK_BAD},
    {"popup", EV_OVERLAY}, {"post", 1}, {"postprofile", EV_WEAK_BAD},
    {"print", EV_WEAK_BAD}, {"product", 1}, {"profile", EV_WEAK_BAD},
    {"promo", EV_WEAK_BAD}, {"prose", 1}, {"rank", EV_WEAK_BAD},
    {"ranking", EV_WEAK_BAD}, {"rating", EV_WEAK_BAD}, {"read", 1},
    {"recently", EV_WEAK_BAD}, {"recommend", EV_WEAK_BAD},
    {"recommendations", EV_RELATED}, {"recommended", EV_WEAK_BAD},
    {"recs", EV_RELATED}, {"related", EV_RELATED}, {"remark", EV_COMMENT},
    {"replies", EV_COMMENT}, {"reply", EV_COMMENT}, {"review", EV_COMMENT},
    {"reviewer", EV_COMMENT}, {"reviews", EV_COMMENT}, {"rss", EV_WEAK_BAD},
    {"share", EV_STRONG_BAD}, {"sharing", EV_STRONG_BAD}, {"shopping", EV_WEAK_BAD},
    {"sidebar", EV_STRONG_BAD}, {"signature", EV_STRONG_BAD},
    {"signup", EV_STRONG_BAD}, {"similar", EV_RELATED},
    {"skyscraper", EV_STRONG_BAD}, {"snb", EV_STRONG_BAD}, {"sns", EV_STRONG_BAD},
    {"social", EV_STRONG_BAD}, {"sponsor", EV_STRONG_BAD},
    {"sponsored", EV_STRONG_BAD}, {"story", 1}, {"subscribe", EV_STRONG_BAD},
    {"taboola", EV_RELATED}, {"tag", EV_WEAK_BAD}, {"tags", EV_WEAK_BAD},
    {"text", 1}, {"thread", 1}, {"toc", EV_STRONG_BAD}, {"tool", EV_WEAK_BAD},
    {"toolbar", EV_WEAK_BAD}, {"tools", EV_WEAK_BAD}, {"tooltip", EV_WEAK_BAD},
    {"topic", 1}, {"txt", 1}, {"upsell", EV_STRONG_BAD}, {"userextras", EV_WEAK_BAD},
    {"userinfo", EV_WEAK_BAD}, {"usertitle", EV_WEAK_BAD}, {"util", EV_WEAK_BAD},
    {"view", 1}, {"viewer", 1}, {"widget", EV_WEAK_BAD},
};

/* words_evidence: a related word beside a content word */
#define EV_RELATED_IN_CONTENT (-100)

/* Level of one lower-cased word, 0 when unknown. */
static int class_word_level(const char *w)
{
    size_t lo = 0, hi = sizeof class_words / sizeof *class_words;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_names(w, class_words[mid].word);
        if (c == 0)
            return class_words[mid].level;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}


static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Utility-class tokens with variants or arbitrary values
 * ("lg:has-[>[data-slot=banner]]:pt-0") describe styling, not roles. */
static int is_utility_char(char c)
{
    return c == ':' || c == '[' || c == '(' || c == '=';
}

/* The shortest and longest words of class_words: others are not looked
 * up (one-letter words abound in utility classes: "w-4", "p-2"). */
#define CLASS_WORD_MIN 2
#define CLASS_WORD_MAX 15

/* good and *bad updated with the words of the token s..end. */
static void token_words(const char *s, const char *end, int *good, int *bad)
{
    while (s < end) {
        while (s < end && !is_letter(*s))
            s++;
        char w[24];
        size_t n = 0;
        for (; s < end && is_letter(*s); s++)
            if (n < sizeof w - 1)
                w[n++] = (char)(*s | 0x20);
        if (n < CLASS_WORD_MIN || n > CLASS_WORD_MAX)
            continue; /* long generated names carry no words we know */
        w[n] = '\0';
        int level = class_word_level(w);
        if (level > 0)
            *good = 1;
        else if (level < *bad)
            *bad = level;
    }
}

static int words_evidence(const char *s)
{
    int good = 0, bad = 0;
    while (s && *s) {
        while (is_blank(*s))
            s++;
        /* the token's end and whether it is a utility token, in one look */
        const char *end = s;
        int utility = 0;
        for (; *end && !is_blank(*end); end++)
            utility |= is_utility_char(*end);
        if (!utility)
            token_words(s, end, &good, &bad);
        s = end;
    }
    if (bad == EV_RELATED && good)
        return EV_RELATED_IN_CONTENT;
    return bad ? bad : good;
}

/* Does v hold one of the stems of form_response_class()'s names, as
 * written (case matters here)? One pass over v, each stem tried where
 * its first letter is: not one strstr() of the value per stem. */
static int holds_stem(const char *v)
{
#define STEM(s) (v[1] == (s)[1] && strncmp(v, s, sizeof s - 1) == 0)
    for (; *v; v++) {
        switch (*v) {
        case 'f': if (STEM("form")) return 1; break;
        case 'e': if (STEM("esponse")) return 1; break;
        case 'o': if (STEM("onfirm") || STEM("oast")) return 1; break;
        case 'u': if (STEM("uccess") || STEM("ubmitted")) return 1; break;
        case 'h': if (STEM("hank")) return 1; break;
        case 'n': if (STEM("nack")) return 1; break;
        default: break;
        }
    }
#undef STEM
    return 0;
}

/* A form's response message ("Thanks for contacting us. We've received
 * your submission.") or a toast: site builders hide it with a class,
 * not an inline style, so it is known by its name (Webflow's
 * w-form-done, Contact Form 7's wpcf7-response-output, Gravity Forms'
 * gform_confirmation_message...). Decided on the class value alone. */
int form_response_class(const char *v)
{
    /* (each begins with a lower-case letter, which (c | 0x20) matches in
     * either case: strncasecmp() only where the first letter does) */
    static const char *const parts[] = {
        "form-done", "form-fail", "response-output", "confirmation_message",
        "confirmation-message", "form-success", "form-response", "form-message",
        "success-message", "submitted-message", "thankyou", "thank-you", "toast",
        "snackbar",
    };
    /* most class values hold none of these stems: one quick look first */
    if (!holds_stem(v))
        return 0;
    while (*v) {
        v += strspn(v, " \t\r\n");
        size_t n = strcspn(v, " \t\r\n");
        for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
            size_t k = strlen(parts[i]);
            for (size_t j = 0; j + k <= n; j++)
                if ((v[j] | 0x20) == parts[i][0] && strncasecmp(v + j, parts[i], k) == 0)
                    return 1;
        }
        v += n;
    }
    return 0;
}

/* Words that mark markup as a byline, in a class or id. */
int byline_class(const char *v)
{
    /* the four words first: most values hold none of them */
    if (!v || !(strstr(v, "byline") || strstr(v, "author") || strstr(v, "writer") ||
                strstr(v, "reporter")))
        return 0;
    return !(strstr(v, "avatar") || strstr(v, "image") || strstr(v, "img") ||
             strstr(v, "bio") || strstr(v, "photo") || strstr(v, "box") ||
             strstr(v, "list") || strstr(v, "social"));
}

static int screen_reader_only(const char *v);

/* The CF_* bits of a class (is_class) or id value. */
static unsigned value_facts(const char *v, int is_class)
{
    if (!is_class)
        return byline_class(v) ? CF_BYLINE : 0;
    return (headline_class(v) ? CF_HEADLINE : 0) | (byline_class(v) ? CF_BYLINE : 0) |
           (screen_reader_only(v) ? CF_SR_ONLY : 0);
}

unsigned class_facts(const char *class_value, const char *id_value)
{
    return (class_value ? value_facts(class_value, 1) : 0) |
           (id_value ? value_facts(id_value, 0) : 0);
}

/* Evidence of a class (is_class) or id value v: its words, and for a
 * class, a form's response message; *facts its CF_* bits. */
static int value_evidence(const char *v, int is_class, unsigned *facts)
{
    *facts = value_facts(v, is_class);
    return is_class && form_response_class(v) ? EV_OVERLAY : words_evidence(v);
}

static int cached_value_evidence(const char *v, int is_class, ev_cache *c, unsigned *facts)
{
    if (!c)
        return value_evidence(v, is_class, facts);
    /* hashed from the length and the first and last eight bytes, not
     * byte by byte: utility-class values run to hundreds of bytes, and a
     * byte loop took as long as the words it saved */
    size_t n = strlen(v);
    uint64_t head = 0, tail = 0;
    memcpy(&head, v, n < 8 ? n : 8);
    if (n > 8)
        memcpy(&tail, v + n - 8, 8);
    uint64_t h = (head * 0x9E3779B97F4A7C15u) ^ (tail * 0xC2B2AE3D27D4EB4Fu) ^
                 ((uint64_t)n << 1 | (uint64_t)is_class);
    h ^= h >> 31;
    h *= 0x94D049BB133111EBu;
    size_t i = (size_t)(h >> 40) % EV_CACHE_SLOTS;
    if (c->value[i] && c->is_class[i] == is_class && strcmp(c->value[i], v) == 0) {
        *facts = c->facts[i];
        return c->ev[i];
    }
    int e = value_evidence(v, is_class, facts);
    c->value[i] = v;
    c->is_class[i] = (unsigned char)is_class;
    c->ev[i] = (signed char)e;
    c->facts[i] = (unsigned char)*facts;
    return e;
}

int class_evidence(const dom_node *n, ev_cache *cache, unsigned *facts)
{
    int ev = 0, good = 0, modal = 0;
    *facts = 0;
    for (const dom_attr *a = n->attrs; a; a = a->next) {
        const char *name = a->name;
        /* the first letter first: most attributes are none of these */
        if (name[0] != 'a' && name[0] != 'c' && name[0] != 'r' && name[0] != 'i')
            continue;
        if (name_is(name, "aria-modal") && strcmp(a->value, "true") == 0) {
            modal = 1; /* the facts of the other attributes still count */
            continue;
        }
        int is_class = name_is(name, "class"), is_role = name_is(name, "role"),
            is_itemprop = name_is(name, "itemprop");
        if (!is_class && !is_role && !is_itemprop && !name_is(name, "id"))
            continue;
        const char *v = a->value;
        int e;
        if (is_itemprop) {
            /* a like or share counter is no text of the page */
            e = strcmp(v, "interactionStatistic") == 0 ? EV_WEAK_BAD
                : strcmp(v, "articleBody") == 0 || strcmp(v, "text") == 0;
        } else if (is_role) {
            e = !strcmp(v, "navigation") || !strcmp(v, "contentinfo") ||
                        !strcmp(v, "banner") ? EV_WEAK_BAD
                : !strcmp(v, "complementary") ? EV_STRONG_BAD
                : !strcmp(v, "dialog") || !strcmp(v, "alertdialog") ? EV_OVERLAY
                : !strcmp(v, "main") || !strcmp(v, "article");
        } else {
            unsigned f;
            e = cached_value_evidence(v, is_class, cache, &f);
            *facts |= f;
        }
        if (e == EV_RELATED_IN_CONTENT)
            e = EV_RELATED, good = 1;
        good |= e > 0;
        if (e < ev || (ev == 0 && e > 0))
            ev = e;
    }
    /* "related-articles-text", or id "…-related-articles" on class
     * "rel-article-wrapper": a part of the article that links elsewhere
     * and may hold its prose, boilerplate but not other stories to drop
     * whatever they hold */
    if (modal)
        return EV_OVERLAY;
    return ev == EV_RELATED && good ? EV_STRONG_BAD : ev;
}


/* Text only screen readers get: not part of the page a reader sees. */
static int screen_reader_only(const char *v)
{
    static const char *const names[] = {
        "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
        "screen-reader-only", "u-visually-hidden", "a11y-hidden", "clipped",
        "hidden-visually", "offscreen", "sr-text",
    };
    /* One pass over the tokens, not one search of the value per name. */
    while (*v) {
        size_t n = strcspn(v, " ");
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            if (names[i][0] == v[0] && strncmp(v, names[i], n) == 0 && names[i][n] == '\0')
                return 1;
        v += n + (v[n] == ' ');
    }
    return 0;
}

int hidden_element(const dom_node *n)
{
    for (const dom_attr *a = n->attrs; a; a = a->next)
        if (name_is(a->name, "class") && screen_reader_only(a->value))
            return 1;
    return hidden_by_markup(n);
}

int hidden_by_markup(const dom_node *n)
{
    for (const dom_attr *a = n->attrs; a; a = a->next) {
        const char *name = a->name;
        const char *v = a->value;
        if (name[0] != 'h' && name[0] != 's')
            continue; /* neither "hidden" nor "style": most attributes */
        if (name_is(name, "hidden"))
            return 1;
        if (name_is(name, "style") &&
            (strstr(v, "display:none") || strstr(v, "display: none") ||
             strstr(v, "visibility:hidden") || strstr(v, "visibility: hidden")))
            return 1;
    }
    return 0;
}
