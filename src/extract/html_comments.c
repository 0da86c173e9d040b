/* html_comments.c - comments, forum replies and customer reviews: how much
 * of an element they are, and whether the chosen element lies in them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "html.h"

/* Does the class or id of n hold `word` as a whole word
 * ("js-product-reviews-preview" holds "reviews")? */
static int names_word(const dom_node *n, const char *word)
{
    size_t len = strlen(word);
    for (const dom_attr *a = n->attrs; a; a = a->next) {
        if (strcmp(a->name, "class") && strcmp(a->name, "id"))
            continue;
        const char *v = a->value;
        for (const char *p = strcasestr(v, word); p; p = strcasestr(p + len, word))
            if ((p == v || !is_letter(p[-1])) && !is_letter(p[len]))
                return 1;
    }
    return 0;
}

/* Comment-marked elements below n. */
static unsigned comment_parts(const dom_node *n, int depth)
{
    unsigned k = 0;
    for (const dom_node *c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        const node_info *ci = c->type == DOM_ELEMENT ? info_of(c) : NULL;
        if (ci && ci->text)
            k += (ci->cls == EV_COMMENT) + comment_parts(c, depth + 1);
    }
    return k;
}

#define REVIEW_PARTS 12 /* a few reviews' ratings, authors, dates, texts */

static int review_named(const dom_node *n)
{
    return names_word(n, "reviews") || names_word(n, "review");
}

/* Customer reviews: a review-marked region of many marked parts, each
 * review's rating, author, date and text. However much of the page they
 * fill, they are what buyers say about it, not the page. (A buying
 * guide's reviews are review-marked sections with few marked parts.) */
static int review_widget(const dom_node *n)
{
    return review_named(n) && comment_parts(n, 0) >= REVIEW_PARTS;
}

static unsigned mark_size(const dom_node *c, const node_info *ci, mark_kind k)
{
    switch (k) {
    case MARK_COMMENTS:
        return review_widget(c) ? 0 : ci->text;
    case MARK_REVIEWS:
        return review_widget(c) ? ci->text : 0;
    case MARK_READERS:
        return review_named(c) ? 0 : ci->prose;
    default:
        return review_named(c) ? ci->prose : 0;
    }
}

/* How much of n's content lies in comment-marked subtrees of kind k. */
unsigned marked(const dom_node *n, mark_kind k, int depth)
{
    unsigned sum = 0;
    for (const dom_node *c = n->children; c; c = c->next) {
        const node_info *ci = c->type == DOM_ELEMENT ? info_of(c) : NULL;
        if (!ci || ci->hidden)
            continue;
        if (ci->cls == EV_COMMENT)
            sum += mark_size(c, ci, k);
        else if (depth < MAX_DEPTH && ci->text > 0)
            sum += marked(c, k, depth + 1);
    }
    return sum;
}

/* The first <article> below n is the post itself when it is not
 * comment-marked and carries the page's <h1> and some prose: a blog
 * post, its readers' comments after it. */
static int titled_post(dom_node *n)
{
    dom_node *a = find_tag(n, T_ARTICLE, 0);
    const node_info *ai = a ? info_of(a) : NULL;
    return ai && ai->cls != EV_COMMENT && !in_comments(a) && ai->prose >= SOME_PROSE / 2 &&
           find_tag(a, T_H1, 0);
}

/* A post followed by its readers' comments: the comments may outweigh
 * it, but the post has prose of its own outside them, or is a titled
 * <article> of its own. (A buying guide's review sections are its
 * content, and are not such comments.) */
int post_with_comments(dom_node *n)
{
    unsigned readers = marked(n, MARK_READERS, 0);
    unsigned all = readers + marked(n, MARK_REVIEW_NAMED, 0);
    return readers * 2 > all && (info_of(n)->prose >= all + SOME_PROSE || titled_post(n));
}

/* Text of the comments below n; customer reviews are never the content. */
unsigned comment_bytes(const dom_node *n)
{
    return marked(n, MARK_COMMENTS, 0);
}

int in_comments(const dom_node *n)
{
    for (; n && n->type == DOM_ELEMENT && info_of(n); n = n->parent)
        if (info_of(n)->cls == EV_COMMENT)
            return 1;
    return 0;
}

/* Does n lie in customer reviews? Then its prose, however much, is not
 * the page's. */
int in_reviews(const dom_node *n)
{
    for (; n && n->type == DOM_ELEMENT && info_of(n); n = n->parent)
        if (info_of(n)->cls == EV_COMMENT && review_widget(n))
            return 1;
    return 0;
}
