/* test_html5_select.c - <select> as the HTML5 parser (src/html/) builds it
 * under the Standard's customisable select, beyond what the html5lib tests
 * hold: which option a <selectedcontent> copies (`selected`, `multiple`,
 * `size`, disabled options and optgroups, a datalist's options), what the
 * copy holds, and that a select bounds the scopes of end tags. The
 * documents are written for these tests. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "html/tree.h"

typedef struct out {
    char s[1024];
    size_t n;
} out;

static void put(out *o, const char *p, size_t n)
{
    if (o->n + n < sizeof o->s) {
        memcpy(o->s + o->n, p, n);
        o->n += n;
        o->s[o->n] = '\0';
    }
}

/* Elements as name[attr,...](children), text as "text", a template's
 * contents as content(...). */
static void show(out *o, const html_tree *t, uint32_t node)
{
    for (uint32_t c = t->nodes[node].first; c != HTML_NONE; c = t->nodes[c].next) {
        const html_node *n = &t->nodes[c];
        if (n->type == HTML_NODE_TEXT) {
            put(o, "\"", 1);
            put(o, n->text.p, n->text.n);
            put(o, "\"", 1);
            continue;
        }
        if (n->type == HTML_NODE_TEMPLATE_CONTENT)
            put(o, "content", 7);
        else if (n->type == HTML_NODE_ELEMENT)
            put(o, n->name.p, n->name.n);
        else
            continue;
        for (uint32_t i = 0; i < n->n_attrs; i++) {
            put(o, i ? "," : "[", 1);
            put(o, n->attrs[i].name.p, n->attrs[i].name.n);
        }
        if (n->n_attrs)
            put(o, "]", 1);
        if (n->first != HTML_NONE) {
            put(o, "(", 1);
            show(o, t, c);
            put(o, ")", 1);
        }
    }
}

/* The <body>'s children as show() writes them (a fragment: the root's). */
static const char *body(out *o, const char *html, const char *context)
{
    arena a;
    arena_init(&a);
    html_tree t;
    o->n = 0;
    o->s[0] = '\0';
    if (html5_parse(&t, &a, html, strlen(html), context, false, NULL) == HTML5_OK) {
        uint32_t root = t.nodes[0].last; /* <html> */
        uint32_t b = context ? root : t.nodes[root].last;
        show(o, &t, b);
    }
    html5_tree_free(&t);
    arena_free(&a);
    return o->s;
}

#define SC "<select><button><selectedcontent></selectedcontent></button>"

static void test_which_option(void)
{
    out o;
    /* the last option with `selected`, popped at </select> */
    CHECK_STR(body(&o, SC "<option>A<option selected>B<option>C</select>", NULL),
              "select(button(selectedcontent(\"B\"))option(\"A\")option[selected](\"B\")"
              "option(\"C\"))");
    /* none: the first option, on a drop-down */
    CHECK_STR(body(&o, SC "<option>A<option>B</select>", NULL),
              "select(button(selectedcontent(\"A\"))option(\"A\")option(\"B\"))");
    /* disabled options and options of a disabled optgroup are passed over */
    CHECK_STR(body(&o, SC "<option disabled>A<optgroup disabled><option>B</optgroup>"
                          "<option>C</select>", NULL),
              "select(button(selectedcontent(\"C\"))option[disabled](\"A\")"
              "optgroup[disabled](option(\"B\"))option(\"C\"))");
    /* a datalist's option is not the select's */
    CHECK_STR(body(&o, SC "<datalist><option>A</datalist><option>B</select>", NULL),
              "select(button(selectedcontent(\"B\"))datalist(option(\"A\"))option(\"B\"))");
    /* what the selectedcontent held goes; a second select has its own */
    CHECK_STR(body(&o, "<select><button><selectedcontent>old</selectedcontent></button>"
                       "<option>A</select>" SC "<option>B</select>", NULL),
              "select(button(selectedcontent(\"A\"))option(\"A\"))"
              "select(button(selectedcontent(\"B\"))option(\"B\"))");
}

static void test_no_copy(void)
{
    out o;
    /* `multiple`: no one option shown */
    CHECK_STR(body(&o, "<select multiple><button><selectedcontent></selectedcontent>"
                       "</button><option selected>A</select>", NULL),
              "select[multiple](button(selectedcontent)option[selected](\"A\"))");
    /* a list box (size 4) selects no option by default... */
    CHECK_STR(body(&o, "<select size=4><button><selectedcontent></selectedcontent>"
                       "</button><option>A</select>", NULL),
              "select[size](button(selectedcontent)option(\"A\"))");
    /* ...size 1 or one that is no number is a drop-down */
    CHECK_STR(body(&o, "<select size=' 1'><button><selectedcontent></selectedcontent>"
                       "</button><option>A</select>", NULL),
              "select[size](button(selectedcontent(\"A\"))option(\"A\"))");
    CHECK_STR(body(&o, "<select size=x><button><selectedcontent></selectedcontent>"
                       "</button><option>A</select>", NULL),
              "select[size](button(selectedcontent(\"A\"))option(\"A\"))");
    /* a selectedcontent outside the select is not its */
    CHECK_STR(body(&o, "<selectedcontent></selectedcontent><select><option>A</select>", NULL),
              "selectedcontentselect(option(\"A\"))");
}

static void test_copy(void)
{
    out o;
    /* a deep copy: elements with their attributes, a template's contents */
    CHECK_STR(body(&o, SC "<option><b class=x>A</b><template>T</template></select>", NULL),
              "select(button(selectedcontent(b[class](\"A\")template(content(\"T\"))))"
              "option(b[class](\"A\")template(content(\"T\"))))");
    /* in a table: the select is fostered out of it, its options still copy */
    CHECK_STR(body(&o, "<table>" SC "<option>A</select></table>", NULL),
              "select(button(selectedcontent(\"A\"))option(\"A\"))table");
}

static void test_scope(void)
{
    out o;
    /* an end tag does not close an element outside an open select */
    CHECK_STR(body(&o, "<div><select></div>x</select>y", NULL),
              "div(select(\"x\")\"y\")");
    CHECK_STR(body(&o, "<p><select></p></select>", NULL), "p(select(p))");
    /* in a select fragment an input or a select is ignored */
    CHECK_STR(body(&o, "<input><select><option>A", "select"), "option(\"A\")");
}

int main(void)
{
    test_which_option();
    test_no_copy();
    test_copy();
    test_scope();
    CHECK_DONE();
}
