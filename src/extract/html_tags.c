/* html_tags.c - the tags the extract stage treats specially, found once
 * per element, and which of them are junk, inline or headings. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "html.h"


tag tag_of(const dom_node *n)
{
    static const struct { const char *name; tag t; } tags[] = {
        {"a", T_A}, {"article", T_ARTICLE}, {"aside", T_ASIDE}, {"audio", T_AUDIO},
        {"blockquote", T_BLOCKQUOTE}, {"body", T_BODY}, {"br", T_BR},
        {"button", T_BUTTON}, {"canvas", T_CANVAS}, {"caption", T_CAPTION},
        {"code", T_CODE}, {"dd", T_DD}, {"div", T_DIV}, {"dl", T_DL}, {"dt", T_DT},
        {"figcaption", T_FIGCAPTION}, {"figure", T_FIGURE}, {"footer", T_FOOTER},
        {"form", T_FORM}, {"h1", T_H1}, {"h2", T_H2}, {"h3", T_H3}, {"h4", T_H4},
        {"h5", T_H5}, {"h6", T_H6}, {"head", T_HEAD}, {"header", T_HEADER},
        {"hr", T_HR}, {"iframe", T_IFRAME}, {"img", T_IMG}, {"input", T_INPUT},
        {"label", T_LABEL}, {"li", T_LI}, {"main", T_MAIN}, {"menu", T_MENU},
        {"nav", T_NAV}, {"noscript", T_NOSCRIPT}, {"object", T_OBJECT},
        {"ol", T_OL}, {"option", T_OPTION}, {"p", T_P}, {"pre", T_PRE},
        {"script", T_SCRIPT}, {"section", T_SECTION}, {"select", T_SELECT},
        {"style", T_STYLE}, {"svg", T_SVG}, {"table", T_TABLE}, {"td", T_TD},
        {"template", T_TEMPLATE}, {"textarea", T_TEXTAREA}, {"th", T_TH},
        {"title", T_TITLE}, {"tr", T_TR}, {"ul", T_UL}, {"video", T_VIDEO},
    };
    const char *name = n->name;
    size_t lo = 0, hi = sizeof tags / sizeof tags[0];
    while (lo < hi) { /* the table is sorted: binary search */
        size_t mid = (lo + hi) / 2;
        int c = cmp_names(name, tags[mid].name);
        if (c == 0)
            return tags[mid].t;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return T_OTHER;
}

int tag_is_junk(tag t)
{
    switch (t) {
    case T_SCRIPT: case T_STYLE: case T_NOSCRIPT: case T_TEMPLATE: case T_SVG:
    case T_IFRAME: case T_BUTTON: case T_INPUT: case T_SELECT: case T_OPTION:
    case T_TEXTAREA: case T_HEAD: case T_TITLE: case T_CANVAS: case T_OBJECT:
    case T_VIDEO: case T_AUDIO:
        return 1;
    default:
        return 0;
    }
}

int tag_is_heading(tag t)
{
    return t >= T_H1 && t <= T_H6;
}

int tag_is_inline(const dom_node *n, tag t)
{
    if (t != T_OTHER)
        return t == T_A || t == T_BR || t == T_CODE || t == T_LABEL;
    static const char *const names[] = {
        "abbr", "b", "big", "cite", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr", "bdi", "bdo", "data", "nobr",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(n->name, names[i]) == 0)
            return 1;
    return 0;
}
