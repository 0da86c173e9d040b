/* title.h - choosing an HTML page's headline from the evidence the
 * metadata walk gathered (html_meta.c fills it, title.c decides). */
#ifndef GISA_TITLE_H
#define GISA_TITLE_H

#include "extract.h"

/* Where an <h1> sat in the page. */
#define H1_IN_ARTICLE 1u /* inside an <article>: the story's own heading */
#define H1_IN_LINK 2u    /* inside a link or a <nav>: a logo or a menu */

typedef struct title_h1 {
    const char *text; /* cleaned visible text */
    unsigned where;   /* H1_* bits */
} title_h1;

#define TITLE_MAX_H1 8

typedef struct title_evidence {
    const char *title_tag, *og_title, *tw_title, *ld_headline;
    title_h1 h1[TITLE_MAX_H1];
    int nh1;
    /* Elements a class marks as the headline ("tit", "title", "subject",
     * "headline": <h3 class="tit">, <div class="art_title">), where Korean
     * boards put the headline and keep the <h1> for the logo. */
    const char *classed[TITLE_MAX_H1];
    int nclassed;
    const char *site;      /* og:site_name or application-name */
    const char *publisher; /* JSON-LD publisher's name */
    const char *url;       /* the page's own URL, for its host name */
} title_evidence;

/* The headline, or NULL when the page offers none. *site, if given,
 * receives the part of the <title> that names the site ("… | 국방부",
 * "부산광역시 > 시정소식 > …"), or NULL. */
const char *title_choose(doc *d, const title_evidence *e, const char **site);

/* Does a class attribute mark its element as the headline? */
int headline_class(const char *class_attr);

/* "Headline | Section | Site" -> "Headline" (the text before the first
 * separator; a leading empty part is skipped). */
const char *title_first_part(doc *d, const char *t);

#endif
