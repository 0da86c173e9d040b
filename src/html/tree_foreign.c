/* tree_foreign.c - SVG and MathML in HTML (HTML Standard 13.2.6 tree
 * construction dispatcher, 13.2.6.5 "in foreign content"): which tokens the
 * foreign-content rules take, the integration points where HTML resumes,
 * and the case adjustments of SVG element and attribute names and of
 * MathML's definitionURL. Attributes in the xlink, xml and xmlns
 * namespaces keep their prefixed names ("xlink:href"). */
#include <strings.h>

#include "treebuilder_impl.h"

typedef struct rename {
    const char *lower, *proper;
} rename;

static const rename svg_tags[] = {
    {"altglyph", "altGlyph"}, {"altglyphdef", "altGlyphDef"}, {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"}, {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"}, {"clippath", "clipPath"},
    {"feblend", "feBlend"}, {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"}, {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"}, {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"}, {"fedistantlight", "feDistantLight"},
    {"fedropshadow", "feDropShadow"}, {"feflood", "feFlood"}, {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"}, {"fefuncg", "feFuncG"}, {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"}, {"feimage", "feImage"}, {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"}, {"femorphology", "feMorphology"}, {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"}, {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"}, {"fetile", "feTile"}, {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"}, {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"}, {"radialgradient", "radialGradient"},
    {"textpath", "textPath"}, {NULL, NULL},
};

static const rename svg_attrs[] = {
    {"attributename", "attributeName"}, {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"}, {"baseprofile", "baseProfile"}, {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"}, {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"}, {"filterunits", "filterUnits"}, {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"}, {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"}, {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"}, {"keysplines", "keySplines"}, {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"}, {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"}, {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"}, {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"}, {"numoctaves", "numOctaves"}, {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"}, {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"}, {"pointsatx", "pointsAtX"}, {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"}, {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"}, {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"}, {"refy", "refY"}, {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"}, {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"}, {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"}, {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"}, {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"}, {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"}, {"tablevalues", "tableValues"},
    {"targetx", "targetX"}, {"targety", "targetY"}, {"textlength", "textLength"},
    {"viewbox", "viewBox"}, {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"}, {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"}, {NULL, NULL},
};

static const char *renamed(const rename *table, html_str s)
{
    /* every SVG attribute is looked up here: the first byte rules most
     * entries out before strlen */
    if (!s.n)
        return NULL;
    for (; table->lower; table++)
        if (table->lower[0] == s.p[0] && strlen(table->lower) == s.n &&
            memcmp(table->lower, s.p, s.n) == 0)
            return table->proper;
    return NULL;
}

static bool name_is(const html_node *n, const char *name)
{
    size_t len = strlen(name);
    return n->name.n == len && memcmp(n->name.p, name, len) == 0;
}

uint32_t tb_adjusted_current(builder *b)
{
    if (b->fragment && b->n_open == 1)
        return b->context;
    return tb_current(b);
}

bool tb_mathml_text_ip(builder *b, uint32_t node)
{
    const html_node *n = &N(node);
    return n->ns == HTML_NS_MATHML && (name_is(n, "mi") || name_is(n, "mo") ||
                                       name_is(n, "mn") || name_is(n, "ms") ||
                                       name_is(n, "mtext"));
}

bool tb_html_ip(builder *b, uint32_t node)
{
    const html_node *n = &N(node);
    if (n->ns == HTML_NS_SVG)
        return name_is(n, "foreignObject") || name_is(n, "desc") || name_is(n, "title");
    if (n->ns != HTML_NS_MATHML || !name_is(n, "annotation-xml"))
        return false;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        html_str v = n->attrs[i].value;
        if (n->attrs[i].name.n == 8 && memcmp(n->attrs[i].name.p, "encoding", 8) == 0)
            return (v.n == 9 && strncasecmp(v.p, "text/html", 9) == 0) ||
                   (v.n == 21 && strncasecmp(v.p, "application/xhtml+xml", 21) == 0);
    }
    return false;
}

/* The foreign scope boundaries and special elements (MathML mi, mo, mn,
 * ms, mtext, annotation-xml; SVG foreignObject, desc, title). */
bool tb_foreign_boundary(builder *b, uint32_t node)
{
    return tb_mathml_text_ip(b, node) ||
           (N(node).ns == HTML_NS_MATHML && name_is(&N(node), "annotation-xml")) ||
           (N(node).ns == HTML_NS_SVG && tb_html_ip(b, node));
}

/* Insert a foreign element for k in ns, names adjusted. */
void tb_insert_foreign(builder *b, html_token *k, html_ns ns)
{
    html_token f = *k;
    html_attr *attrs = NULL;
    if (k->n_attrs) {
        attrs = arena_alloc(b->tree->a, k->n_attrs * sizeof *attrs);
        if (!attrs) {
            b->stop = true;
            return;
        }
        memcpy(attrs, k->attrs, k->n_attrs * sizeof *attrs);
        for (size_t i = 0; i < k->n_attrs; i++) {
            const char *p = NULL;
            if (ns == HTML_NS_SVG)
                p = renamed(svg_attrs, attrs[i].name);
            else if (attrs[i].name.n == 13 && memcmp(attrs[i].name.p, "definitionurl", 13) == 0)
                p = "definitionURL";
            if (p)
                attrs[i].name = (html_str){p, strlen(p)};
        }
        f.attrs = attrs;
    }
    if (ns == HTML_NS_SVG) {
        const char *p = renamed(svg_tags, k->name);
        if (p)
            f.name = (html_str){p, strlen(p)};
    }
    uint32_t e = tb_create_element(b, &f, ns);
    if (e == HTML_NONE)
        return;
    uint32_t parent, before;
    tb_insertion_place(b, &parent, &before);
    tb_insert_before(b, parent, e, before);
    if (!k->self_closing)
        tb_push(b, e);
}

/* Whether the token goes to the current insertion mode (true) or to the
 * rules for foreign content (false): the tree construction dispatcher. */
static bool html_rules(builder *b, const html_token *k)
{
    uint32_t a = tb_adjusted_current(b);
    if (a == HTML_NONE || N(a).ns == HTML_NS_HTML || k->type == HTML_TOK_EOF)
        return true;
    bool start = k->type == HTML_TOK_START_TAG;
    if (tb_mathml_text_ip(b, a) &&
        ((start && !(k->name.n == 6 && memcmp(k->name.p, "mglyph", 6) == 0) &&
          !(k->name.n == 10 && memcmp(k->name.p, "malignmark", 10) == 0)) ||
         k->type == HTML_TOK_TEXT))
        return true;
    if (N(a).ns == HTML_NS_MATHML && name_is(&N(a), "annotation-xml") && start &&
        k->name.n == 3 && memcmp(k->name.p, "svg", 3) == 0)
        return true;
    if (tb_html_ip(b, a) && (start || k->type == HTML_TOK_TEXT))
        return true;
    return false;
}

static bool breaks_out(const html_token *k)
{
    static const char *const names[] = {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
        "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
        "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
        "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", NULL,
    };
    for (size_t i = 0; names[i]; i++)
        if (strlen(names[i]) == k->name.n && memcmp(names[i], k->name.p, k->name.n) == 0)
            return true;
    if (k->name.n == 4 && memcmp(k->name.p, "font", 4) == 0)
        for (size_t i = 0; i < k->n_attrs; i++) {
            html_str n = k->attrs[i].name;
            if ((n.n == 5 && memcmp(n.p, "color", 5) == 0) ||
                (n.n == 4 && memcmp(n.p, "face", 4) == 0) ||
                (n.n == 4 && memcmp(n.p, "size", 4) == 0))
                return true;
        }
    return false;
}

/* Leave foreign content: pop to an integration point or an HTML element,
 * then the token goes to the current insertion mode. */
static void break_out(builder *b, html_token *k)
{
    while (b->n_open > 1) {
        uint32_t c = tb_current(b);
        if (tb_mathml_text_ip(b, c) || tb_html_ip(b, c) || N(c).ns == HTML_NS_HTML)
            break;
        tb_pop(b);
    }
    tb_process_mode(b, k);
}

static void in_foreign_content(builder *b, html_token *k)
{
    switch (k->type) {
    case HTML_TOK_TEXT: {
        html_str s = k->data;
        if (memchr(s.p, 0, s.n)) { /* U+0000 becomes U+FFFD here */
            char *c = arena_alloc(b->tree->a, s.n * 3);
            if (!c) {
                b->stop = true;
                return;
            }
            size_t n = 0;
            for (size_t i = 0; i < s.n; i++) {
                if (s.p[i]) {
                    c[n++] = s.p[i];
                } else {
                    memcpy(c + n, "\xEF\xBF\xBD", 3);
                    n += 3;
                }
            }
            s = (html_str){c, n};
        }
        tb_insert_text(b, s, k->line);
        for (size_t i = 0; i < k->data.n; i++) {
            char ch = k->data.p[i];
            if (ch != '\t' && ch != '\n' && ch != '\f' && ch != '\r' && ch != ' ' && ch != 0) {
                b->frameset_ok = false;
                break;
            }
        }
        return;
    }
    case HTML_TOK_COMMENT:
        tb_insert_comment(b, k, TB_HERE);
        return;
    case HTML_TOK_START_TAG:
        if (breaks_out(k)) {
            break_out(b, k);
            return;
        }
        tb_insert_foreign(b, k, (html_ns)N(tb_adjusted_current(b)).ns);
        return;
    case HTML_TOK_END_TAG: {
        if ((k->name.n == 1 && k->name.p[0] == 'p') ||
            (k->name.n == 2 && memcmp(k->name.p, "br", 2) == 0)) {
            break_out(b, k); /* </p>, </br>: as the HTML rules take them */
            return;
        }
        size_t i = b->n_open;
        if (!i)
            return;
        for (i = b->n_open - 1; i > 0; i--) {
            uint32_t node = b->open[i];
            html_node *n = &N(node);
            if (n->name.n == k->name.n && strncasecmp(n->name.p, k->name.p, k->name.n) == 0) {
                tb_pop_to(b, i);
                return;
            }
            if (N(b->open[i - 1]).ns == HTML_NS_HTML) {
                tb_process_mode(b, k);
                return;
            }
        }
        return;
    }
    default:
        return;
    }
}

void tb_process(builder *b, html_token *k)
{
    if (b->stop)
        return;
    if (html_rules(b, k))
        tb_process_mode(b, k);
    else
        in_foreign_content(b, k);
}
