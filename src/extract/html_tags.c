/* html_tags.c - the tags the extract stage treats specially, found once
 * per element, and which of them are junk, inline or headings. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "../html/tree.h"
#include "html.h"


/* By name: for the names the HTML5 parser has no id for. */
static tag tag_by_name(const char *name)
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

tag tag_of_name(unsigned html_tag_id, const char *name)
{
    /* the tags that have a parser's id (all but audio, canvas, label and
     * video), as tag_by_name() finds them from the id's name */
    static const unsigned char by_id[HTML_TAG_COUNT] = {
        [HTML_TAG_a] = T_A, [HTML_TAG_article] = T_ARTICLE, [HTML_TAG_aside] = T_ASIDE,
        [HTML_TAG_blockquote] = T_BLOCKQUOTE, [HTML_TAG_body] = T_BODY, [HTML_TAG_br] = T_BR,
        [HTML_TAG_button] = T_BUTTON, [HTML_TAG_caption] = T_CAPTION,
        [HTML_TAG_code] = T_CODE, [HTML_TAG_dd] = T_DD, [HTML_TAG_div] = T_DIV,
        [HTML_TAG_dl] = T_DL, [HTML_TAG_dt] = T_DT, [HTML_TAG_figcaption] = T_FIGCAPTION,
        [HTML_TAG_figure] = T_FIGURE, [HTML_TAG_footer] = T_FOOTER, [HTML_TAG_form] = T_FORM,
        [HTML_TAG_h1] = T_H1, [HTML_TAG_h2] = T_H2, [HTML_TAG_h3] = T_H3,
        [HTML_TAG_h4] = T_H4, [HTML_TAG_h5] = T_H5, [HTML_TAG_h6] = T_H6,
        [HTML_TAG_head] = T_HEAD, [HTML_TAG_header] = T_HEADER, [HTML_TAG_hr] = T_HR,
        [HTML_TAG_iframe] = T_IFRAME, [HTML_TAG_img] = T_IMG, [HTML_TAG_input] = T_INPUT,
        [HTML_TAG_li] = T_LI, [HTML_TAG_main] = T_MAIN, [HTML_TAG_menu] = T_MENU,
        [HTML_TAG_nav] = T_NAV, [HTML_TAG_noscript] = T_NOSCRIPT,
        [HTML_TAG_object] = T_OBJECT, [HTML_TAG_ol] = T_OL, [HTML_TAG_option] = T_OPTION,
        [HTML_TAG_p] = T_P, [HTML_TAG_pre] = T_PRE, [HTML_TAG_script] = T_SCRIPT,
        [HTML_TAG_section] = T_SECTION, [HTML_TAG_select] = T_SELECT,
        [HTML_TAG_style] = T_STYLE, [HTML_TAG_svg] = T_SVG, [HTML_TAG_table] = T_TABLE,
        [HTML_TAG_td] = T_TD, [HTML_TAG_template] = T_TEMPLATE,
        [HTML_TAG_textarea] = T_TEXTAREA, [HTML_TAG_th] = T_TH, [HTML_TAG_title] = T_TITLE,
        [HTML_TAG_tr] = T_TR, [HTML_TAG_ul] = T_UL,
    };
    if (html_tag_id != HTML_TAG_UNKNOWN && html_tag_id < HTML_TAG_COUNT)
        return (tag)by_id[html_tag_id];
    return tag_by_name(name);
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
