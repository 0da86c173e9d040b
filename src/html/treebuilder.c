/* treebuilder.c - the tree construction stage of the HTML Standard
 * (13.2.6): the insertion modes before, in and after the body, one function
 * per mode named as the Standard names it (the table and frameset modes are
 * in tree_table.c, what "in body" does for <select> in tree_select.c),
 * quirks mode from the DOCTYPE, fragments; parse.c pulls the tokens and
 * runs them through here.
 *
 * Work in progress (issue #21): see docs/html5.md for what is missing. */
#include "treebuilder_impl.h"

/* ---------------------------------------------------------------- modes */

void tb_reset_mode(builder *b)
{
    for (size_t i = b->n_open; i-- > 0;) {
        uint32_t node = b->open[i];
        bool last = i == 0;
        if (last && b->fragment)
            node = b->context;
        html_tag t = tb_tag_at(b, node);
        switch (t) { /* a select sets no mode: the Standard dropped "in select" */
        case HTML_TAG_td: case HTML_TAG_th:
            if (!last) {
                b->mode = M_IN_CELL;
                return;
            }
            break;
        case HTML_TAG_tr: b->mode = M_IN_ROW; return;
        case HTML_TAG_tbody: case HTML_TAG_thead: case HTML_TAG_tfoot:
            b->mode = M_IN_TABLE_BODY;
            return;
        case HTML_TAG_caption: b->mode = M_IN_CAPTION; return;
        case HTML_TAG_colgroup: b->mode = M_IN_COLUMN_GROUP; return;
        case HTML_TAG_table: b->mode = M_IN_TABLE; return;
        case HTML_TAG_head:
            if (!last) {
                b->mode = M_IN_HEAD;
                return;
            }
            break;
        case HTML_TAG_body: b->mode = M_IN_BODY; return;
        case HTML_TAG_frameset: b->mode = M_IN_FRAMESET; return;
        case HTML_TAG_template:
            b->mode = b->n_tmpl ? b->tmpl[b->n_tmpl - 1] : M_IN_BODY;
            return;
        case HTML_TAG_html:
            b->mode = b->head == HTML_NONE ? M_BEFORE_HEAD : M_AFTER_HEAD;
            return;
        default:
            break;
        }
        if (last) {
            b->mode = M_IN_BODY;
            return;
        }
    }
    b->mode = M_IN_BODY;
}

bool tb_is_ws_byte(char c)
{
    /* one test of a bit mask: text between tags is mostly such bytes */
    const uint64_t ws = 1ull << '\t' | 1ull << '\n' | 1ull << '\f' | 1ull << '\r' | 1ull << ' ';
    unsigned char u = (unsigned char)c;
    return u <= ' ' && (ws >> u & 1);
}

/* Split s into its leading whitespace and the rest. */
html_str tb_take_ws(html_str *s)
{
    size_t i = 0;
    while (i < s->n && tb_is_ws_byte(s->p[i]))
        i++;
    html_str ws = {s->p, i};
    s->p += i;
    s->n -= i;
    return ws;
}

bool tb_all_ws(html_str s)
{
    for (size_t i = 0; i < s.n; i++)
        if (!tb_is_ws_byte(s.p[i]))
            return false;
    return true;
}

bool tb_tag_is(const html_token *k, const char *name)
{
    size_t n = strlen(name);
    return k->name.n == n && memcmp(k->name.p, name, n) == 0;
}

void tb_switch_tokenizer(builder *b, html_state s)
{
    html_tokenizer_set_state(&b->tk, s);
}

/* The generic raw text and RCDATA element parsing algorithms. */
void tb_generic_text(builder *b, const html_token *k, html_state s)
{
    tb_insert_element(b, k);
    tb_switch_tokenizer(b, s);
    b->original = b->mode;
    b->mode = M_TEXT;
}

bool tb_is_start(const html_token *k, const char *name)
{
    return k->type == HTML_TOK_START_TAG && tb_tag_is(k, name);
}

bool tb_is_end(const html_token *k, const char *name)
{
    return k->type == HTML_TOK_END_TAG && tb_tag_is(k, name);
}

/* Handle the leading whitespace of a text token by `ws`, leaving the rest in
 * k; true when nothing is left. */
bool tb_leading_ws(builder *b, html_token *k, bool insert)
{
    html_str ws = tb_take_ws(&k->data);
    if (insert)
        tb_insert_text(b, ws, k->line);
    return k->data.n == 0;
}

/* What several insertion modes do first: leading whitespace inserted
 * (insert_ws) or ignored, a comment inserted where we are, a DOCTYPE
 * ignored (a parse error). True when that was all `k` asked for. */
bool tb_ws_comment_doctype(builder *b, html_token *k, bool insert_ws)
{
    if (k->type == HTML_TOK_TEXT && tb_leading_ws(b, k, insert_ws))
        return true;
    if (k->type == HTML_TOK_COMMENT) {
        tb_insert_comment(b, k, TB_HERE);
        return true;
    }
    return k->type == HTML_TOK_DOCTYPE;
}

void tb_mode_initial(builder *b, html_token *k)
{
    if (k->type == HTML_TOK_TEXT && tb_leading_ws(b, k, false))
        return;
    if (k->type == HTML_TOK_COMMENT) {
        tb_insert_comment(b, k, 0);
        return;
    }
    if (k->type == HTML_TOK_DOCTYPE) {
        if (tb_over_text(b, k->name.n) || tb_over_text(b, k->public_id.n) ||
            tb_over_text(b, k->system_id.n))
            return;
        uint32_t d = tb_new_node(b, HTML_NODE_DOCTYPE);
        if (d == HTML_NONE)
            return;
        N(d).name = k->name;
        N(d).text = k->public_id;
        N(d).text2 = k->system_id;
        N(d).has_public = k->has_public;
        N(d).has_system = k->has_system;
        N(d).line = k->line;
        tb_insert_before(b, 0, d, HTML_NONE);
        b->tree->quirks = tb_quirks_doctype(k);
        b->mode = M_BEFORE_HTML;
        return;
    }
    b->tree->quirks = true;
    b->mode = M_BEFORE_HTML;
    tb_process(b, k);
}

void tb_mode_before_html(builder *b, html_token *k)
{
    if (k->type == HTML_TOK_DOCTYPE)
        return;
    if (k->type == HTML_TOK_COMMENT) {
        tb_insert_comment(b, k, 0);
        return;
    }
    if (k->type == HTML_TOK_TEXT && tb_leading_ws(b, k, false))
        return;
    if (tb_is_start(k, "html")) {
        tb_insert_element(b, k);
        b->mode = M_BEFORE_HEAD;
        return;
    }
    if (k->type == HTML_TOK_END_TAG && !tb_tag_is(k, "head") && !tb_tag_is(k, "body") &&
        !tb_tag_is(k, "html") && !tb_tag_is(k, "br"))
        return;
    tb_insert_named(b, "html");
    b->mode = M_BEFORE_HEAD;
    tb_process(b, k);
}

void tb_mode_before_head(builder *b, html_token *k)
{
    if (tb_ws_comment_doctype(b, k, false))
        return;
    if (tb_is_start(k, "html")) {
        tb_in_body(b, k);
        return;
    }
    if (tb_is_start(k, "head")) {
        b->head = tb_insert_element(b, k);
        b->mode = M_IN_HEAD;
        return;
    }
    if (k->type == HTML_TOK_END_TAG && !tb_tag_is(k, "head") && !tb_tag_is(k, "body") &&
        !tb_tag_is(k, "html") && !tb_tag_is(k, "br"))
        return;
    b->head = tb_insert_named(b, "head");
    b->mode = M_IN_HEAD;
    tb_process(b, k);
}

void tb_mode_in_head(builder *b, html_token *k)
{
    if (tb_ws_comment_doctype(b, k, true))
        return;
    if (k->type == HTML_TOK_START_TAG) {
        html_tag t = html_tag_of(k->name.p, k->name.n);
        switch (t) {
        case HTML_TAG_html:
            tb_in_body(b, k);
            return;
        case HTML_TAG_base: case HTML_TAG_basefont: case HTML_TAG_bgsound: case HTML_TAG_link:
        case HTML_TAG_meta:
            tb_insert_element(b, k);
            tb_pop(b);
            return;
        case HTML_TAG_title:
            tb_generic_text(b, k, HTML_RCDATA);
            return;
        case HTML_TAG_noscript:
            if (!b->scripting && !b->head_noscript_text) {
                tb_insert_element(b, k);
                b->mode = M_IN_HEAD_NOSCRIPT;
                return;
            }
            tb_generic_text(b, k, HTML_RAWTEXT);
            return;
        case HTML_TAG_noframes: case HTML_TAG_style:
            tb_generic_text(b, k, HTML_RAWTEXT);
            return;
        case HTML_TAG_script:
            tb_generic_text(b, k, HTML_SCRIPT_DATA);
            return;
        case HTML_TAG_template:
            tb_insert_element(b, k);
            tb_fmt_marker(b);
            b->frameset_ok = false;
            b->mode = M_IN_TEMPLATE;
            tb_tmpl_push(b, M_IN_TEMPLATE);
            return;
        case HTML_TAG_head:
            return;
        default:
            break;
        }
    } else if (k->type == HTML_TOK_END_TAG) {
        if (tb_tag_is(k, "head")) {
            tb_pop(b);
            b->mode = M_AFTER_HEAD;
            return;
        }
        if (tb_tag_is(k, "template")) {
            if (!tb_template_on_stack(b))
                return;
            while (b->n_open && tb_implied_end(tb_tag_at(b, tb_current(b)), true))
                tb_pop(b); /* thoroughly */
            tb_pop_until(b, HTML_TAG_template);
            tb_fmt_clear_to_marker(b);
            if (b->n_tmpl)
                b->n_tmpl--;
            tb_reset_mode(b);
            return;
        }
        if (!tb_tag_is(k, "body") && !tb_tag_is(k, "html") && !tb_tag_is(k, "br"))
            return;
    }
    tb_pop(b);
    b->mode = M_AFTER_HEAD;
    tb_process(b, k);
}

void tb_mode_in_head_noscript(builder *b, html_token *k)
{
    if (k->type == HTML_TOK_DOCTYPE)
        return;
    if (tb_is_start(k, "html")) {
        tb_in_body(b, k);
        return;
    }
    if (tb_is_end(k, "noscript")) {
        tb_pop(b);
        b->mode = M_IN_HEAD;
        return;
    }
    if ((k->type == HTML_TOK_TEXT && tb_all_ws(k->data)) || k->type == HTML_TOK_COMMENT ||
        tb_is_start(k, "basefont") || tb_is_start(k, "bgsound") || tb_is_start(k, "link") ||
        tb_is_start(k, "meta") || tb_is_start(k, "noframes") || tb_is_start(k, "style")) {
        tb_mode_in_head(b, k);
        return;
    }
    if (k->type == HTML_TOK_TEXT) {
        html_token w = *k;
        w.data = tb_take_ws(&k->data);
        tb_mode_in_head(b, &w);
    }
    if (tb_is_start(k, "head") || tb_is_start(k, "noscript"))
        return;
    if (k->type == HTML_TOK_END_TAG && !tb_tag_is(k, "br"))
        return;
    tb_pop(b);
    b->mode = M_IN_HEAD;
    tb_process(b, k);
}

void tb_mode_after_head(builder *b, html_token *k)
{
    if (tb_ws_comment_doctype(b, k, true))
        return;
    if (k->type == HTML_TOK_START_TAG) {
        html_tag t = html_tag_of(k->name.p, k->name.n);
        if (t == HTML_TAG_html) {
            tb_in_body(b, k);
            return;
        }
        if (t == HTML_TAG_body) {
            tb_insert_element(b, k);
            b->frameset_ok = false;
            b->mode = M_IN_BODY;
            return;
        }
        if (t == HTML_TAG_frameset) {
            tb_insert_element(b, k);
            b->mode = M_IN_FRAMESET;
            return;
        }
        if (t == HTML_TAG_base || t == HTML_TAG_basefont || t == HTML_TAG_bgsound ||
            t == HTML_TAG_link || t == HTML_TAG_meta || t == HTML_TAG_noframes ||
            t == HTML_TAG_script || t == HTML_TAG_style || t == HTML_TAG_template ||
            t == HTML_TAG_title) {
            tb_push(b, b->head);
            tb_mode_in_head(b, k);
            tb_stack_remove(b, b->head);
            return;
        }
        if (t == HTML_TAG_head)
            return;
    } else if (k->type == HTML_TOK_END_TAG) {
        if (tb_tag_is(k, "template")) {
            tb_mode_in_head(b, k);
            return;
        }
        if (!tb_tag_is(k, "body") && !tb_tag_is(k, "html") && !tb_tag_is(k, "br"))
            return;
    }
    tb_insert_named(b, "body");
    b->mode = M_IN_BODY;
    tb_process(b, k);
}

void tb_add_missing_attrs(builder *b, uint32_t node, const html_token *k)
{
    for (size_t i = 0; i < k->n_attrs; i++) {
        bool has = false;
        for (uint32_t j = 0; j < N(node).n_attrs && !has; j++)
            has = N(node).attrs[j].name.n == k->attrs[i].name.n &&
                  memcmp(N(node).attrs[j].name.p, k->attrs[i].name.p, k->attrs[i].name.n) == 0;
        if (has)
            continue;
        if (N(node).n_attrs >= b->tree->limits.max_attrs) { /* merged past the limit */
            tb_over(b, HTML5_OVER_ATTRS);
            return;
        }
        html_attr *a = arena_alloc(b->tree->a, (N(node).n_attrs + 1) * sizeof *a);
        if (!a) {
            b->stop = true;
            return;
        }
        if (N(node).n_attrs)
            memcpy(a, N(node).attrs, N(node).n_attrs * sizeof *a);
        a[N(node).n_attrs] = k->attrs[i];
        N(node).attrs = a;
        N(node).n_attrs++;
    }
}

html_str tb_strip_nul(builder *b, html_str s)
{
    if (!memchr(s.p, 0, s.n))
        return s;
    char *c = arena_alloc(b->tree->a, s.n);
    if (!c) {
        b->stop = true;
        return (html_str){"", 0};
    }
    size_t n = 0;
    for (size_t i = 0; i < s.n; i++)
        if (s.p[i])
            c[n++] = s.p[i];
    return (html_str){c, n};
}

bool tb_in_list(html_tag t, const html_tag *list)
{
    for (; *list; list++)
        if (*list == t)
            return true;
    return false;
}

static const html_tag BLOCKS[] = {T(address), T(article), T(aside), T(blockquote), T(center),
    T(details), T(dialog), T(dir), T(div), T(dl), T(fieldset), T(figcaption), T(figure),
    T(footer), T(header), T(hgroup), T(main), T(menu), T(nav), T(ol), T(p), T(search),
    T(section), T(summary), T(ul), 0};
static const html_tag BLOCK_ENDS[] = {T(address), T(article), T(aside), T(blockquote),
    T(button), T(center), T(details), T(dialog), T(dir), T(div), T(dl), T(fieldset),
    T(figcaption), T(figure), T(footer), T(header), T(hgroup), T(listing), T(main), T(menu),
    T(nav), T(ol), T(pre), T(search), T(section), T(select), T(summary), T(ul), 0};
static const html_tag FORMATTING[] = {T(b), T(big), T(code), T(em), T(font), T(i), T(s),
    T(small), T(strike), T(strong), T(tt), T(u), 0};
static const html_tag IN_HEAD_TAGS[] = {T(base), T(basefont), T(bgsound), T(link), T(meta),
    T(noframes), T(script), T(style), T(template), T(title), 0};
static const html_tag VOIDS[] = {T(area), T(br), T(embed), T(img), T(keygen), T(wbr), 0};
static const html_tag TABLE_PARTS[] = {T(caption), T(col), T(colgroup), T(frame), T(head),
    T(tbody), T(td), T(tfoot), T(th), T(thead), T(tr), 0};

bool tb_is_hidden_input(const html_token *k)
{
    for (size_t i = 0; i < k->n_attrs; i++)
        if (k->attrs[i].name.n == 4 && memcmp(k->attrs[i].name.p, "type", 4) == 0)
            return k->attrs[i].value.n == 6 && strncasecmp(k->attrs[i].value.p, "hidden", 6) == 0;
    return false;
}

void tb_any_other_end_tag(builder *b, const html_token *k)
{
    for (size_t i = b->n_open; i-- > 0;) {
        uint32_t node = b->open[i];
        if (N(node).ns == HTML_NS_HTML && N(node).name.n == k->name.n &&
            memcmp(N(node).name.p, k->name.p, k->name.n) == 0) {
            tb_generate_implied_end_tags(b, (html_tag)N(node).tag);
            tb_pop_to(b, i);
            return;
        }
        if (tb_special(b, node))
            return;
    }
}

void tb_in_body_start(builder *b, html_token *k)
{
    html_tag t = html_tag_of(k->name.p, k->name.n);
    if (t == T(html)) {
        if (b->n_open && !tb_template_on_stack(b))
            tb_add_missing_attrs(b, b->open[0], k);
    } else if (tb_in_list(t, IN_HEAD_TAGS)) {
        tb_mode_in_head(b, k);
    } else if (t == T(body)) {
        if (b->n_open < 2 || !tb_is(b, b->open[1], T(body)) || tb_template_on_stack(b))
            return;
        b->frameset_ok = false;
        tb_add_missing_attrs(b, b->open[1], k);
    } else if (t == T(frameset)) {
        if (b->n_open < 2 || !tb_is(b, b->open[1], T(body)) || !b->frameset_ok)
            return;
        tb_detach(b, b->open[1]);
        tb_pop_to(b, 1);
        tb_insert_element(b, k);
        b->mode = M_IN_FRAMESET;
    } else if (tb_in_list(t, BLOCKS)) {
        tb_close_p_if_in_button_scope(b);
        tb_insert_element(b, k);
    } else if (t >= T(h1) && t <= T(h6)) {
        tb_close_p_if_in_button_scope(b);
        html_tag c = tb_tag_at(b, tb_current(b));
        if (c >= T(h1) && c <= T(h6))
            tb_pop(b);
        tb_insert_element(b, k);
    } else if (t == T(pre) || t == T(listing)) {
        tb_close_p_if_in_button_scope(b);
        tb_insert_element(b, k);
        b->skip_newline = true;
        b->frameset_ok = false;
    } else if (t == T(form)) {
        bool in_template = tb_template_on_stack(b);
        if (b->form != HTML_NONE && !in_template)
            return;
        tb_close_p_if_in_button_scope(b);
        uint32_t form = tb_insert_element(b, k);
        if (!in_template)
            b->form = form;
    } else if (t == T(li) || t == T(dd) || t == T(dt)) {
        b->frameset_ok = false;
        for (size_t i = b->n_open; i-- > 0;) {
            uint32_t node = b->open[i];
            html_tag nt = tb_tag_at(b, node);
            if ((t == T(li) && nt == T(li)) || (t != T(li) && (nt == T(dd) || nt == T(dt)))) {
                tb_generate_implied_end_tags(b, nt);
                tb_pop_to(b, i);
                break;
            }
            if (tb_special(b, node) && nt != T(address) && nt != T(div) && nt != T(p))
                break;
        }
        tb_close_p_if_in_button_scope(b);
        tb_insert_element(b, k);
    } else if (t == T(plaintext)) {
        tb_close_p_if_in_button_scope(b);
        tb_insert_element(b, k);
        tb_switch_tokenizer(b, HTML_PLAINTEXT);
    } else if (t == T(button)) {
        if (tb_in_scope(b, T(button), 0)) {
            tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
            tb_pop_until(b, T(button));
        }
        tb_reconstruct_formatting(b);
        tb_insert_element(b, k);
        b->frameset_ok = false;
    } else if (t == T(a)) {
        for (size_t i = b->n_fmt; i-- > 0;) {
            uint32_t e = b->fmt[i].node;
            if (e == HTML_NONE)
                break;
            if (tb_is(b, e, T(a))) {
                html_token end = *k;
                end.type = HTML_TOK_END_TAG;
                tb_adoption_agency(b, &end, T(a));
                tb_fmt_remove(b, e);
                tb_stack_remove(b, e);
                break;
            }
        }
        tb_reconstruct_formatting(b);
        tb_fmt_push(b, tb_insert_element(b, k));
    } else if (tb_in_list(t, FORMATTING)) {
        tb_reconstruct_formatting(b);
        tb_fmt_push(b, tb_insert_element(b, k));
    } else if (t == T(nobr)) {
        tb_reconstruct_formatting(b);
        if (tb_in_scope(b, T(nobr), 0)) {
            html_token end = *k;
            end.type = HTML_TOK_END_TAG;
            if (tb_adoption_agency(b, &end, T(nobr))) /* nobr behind a marker */
                tb_any_other_end_tag(b, &end);      /* (adoption02.dat 2) */
            tb_reconstruct_formatting(b);
        }
        tb_fmt_push(b, tb_insert_element(b, k));
    } else if (t == T(applet) || t == T(marquee) || t == T(object)) {
        tb_reconstruct_formatting(b);
        tb_insert_element(b, k);
        tb_fmt_marker(b);
        b->frameset_ok = false;
    } else if (t == T(table)) {
        if (!b->tree->quirks)
            tb_close_p_if_in_button_scope(b);
        tb_insert_element(b, k);
        b->frameset_ok = false;
        b->mode = M_IN_TABLE;
    } else if (tb_in_list(t, VOIDS) || t == T(input)) {
        if (t == T(input) && tb_select_input(b))
            return;
        tb_reconstruct_formatting(b);
        tb_insert_element(b, k);
        tb_pop(b);
        if (t != T(input) || !tb_is_hidden_input(k))
            b->frameset_ok = false;
    } else if (t == T(param) || t == T(source) || t == T(track)) {
        tb_insert_element(b, k);
        tb_pop(b);
    } else if (t == T(hr)) {
        tb_close_p_if_in_button_scope(b);
        tb_select_hr(b);
        tb_insert_element(b, k);
        tb_pop(b);
        b->frameset_ok = false;
    } else if (t == T(image)) {
        k->name = (html_str){"img", 3};
        tb_in_body_start(b, k);
    } else if (t == T(textarea)) {
        tb_insert_element(b, k);
        b->skip_newline = true;
        tb_switch_tokenizer(b, HTML_RCDATA);
        b->original = b->mode;
        b->frameset_ok = false;
        b->mode = M_TEXT;
    } else if (t == T(xmp)) {
        tb_close_p_if_in_button_scope(b);
        tb_reconstruct_formatting(b);
        b->frameset_ok = false;
        tb_generic_text(b, k, HTML_RAWTEXT);
    } else if (t == T(iframe)) {
        b->frameset_ok = false;
        tb_generic_text(b, k, HTML_RAWTEXT);
    } else if (t == T(noembed) || (t == T(noscript) && b->scripting)) {
        tb_generic_text(b, k, HTML_RAWTEXT);
    } else if (t == T(select)) {
        tb_select_start(b, k);
    } else if (t == T(optgroup) || t == T(option)) {
        tb_select_option(b, k, t);
    } else if (t == T(rb) || t == T(rtc)) {
        if (tb_in_scope(b, T(ruby), 0))
            tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
        tb_insert_element(b, k);
    } else if (t == T(rp) || t == T(rt)) {
        if (tb_in_scope(b, T(ruby), 0))
            tb_generate_implied_end_tags(b, T(rtc));
        tb_insert_element(b, k);
    } else if (t == T(math) || t == T(svg)) {
        tb_reconstruct_formatting(b);
        tb_insert_foreign(b, k, t == T(math) ? HTML_NS_MATHML : HTML_NS_SVG);
    } else if (tb_in_list(t, TABLE_PARTS)) {
        /* ignored */
    } else {
        tb_reconstruct_formatting(b);
        tb_insert_element(b, k);
    }
}

void tb_in_body_end(builder *b, html_token *k)
{
    html_tag t = html_tag_of(k->name.p, k->name.n);
    if (t == T(template)) {
        tb_mode_in_head(b, k);
    } else if (t == T(body) || t == T(html)) {
        if (!tb_in_scope(b, T(body), 0))
            return;
        b->mode = M_AFTER_BODY;
        if (t == T(html))
            tb_process(b, k);
    } else if (tb_in_list(t, BLOCK_ENDS)) {
        if (!tb_in_scope(b, t, 0))
            return;
        tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
        tb_pop_until(b, t);
    } else if (t == T(form) && tb_template_on_stack(b)) {
        if (!tb_in_scope(b, T(form), 0))
            return;
        tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
        tb_pop_until(b, T(form));
    } else if (t == T(form)) {
        uint32_t node = b->form;
        b->form = HTML_NONE;
        if (node == HTML_NONE || !tb_node_in_scope(b, node))
            return;
        tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
        tb_stack_remove(b, node);
    } else if (t == T(p)) {
        if (!tb_in_scope(b, T(p), 2))
            tb_insert_named(b, "p");
        tb_close_p(b);
    } else if (t == T(li)) {
        if (!tb_in_scope(b, T(li), 1))
            return;
        tb_generate_implied_end_tags(b, T(li));
        tb_pop_until(b, T(li));
    } else if (t == T(dd) || t == T(dt)) {
        if (!tb_in_scope(b, t, 0))
            return;
        tb_generate_implied_end_tags(b, t);
        tb_pop_until(b, t);
    } else if (t >= T(h1) && t <= T(h6)) {
        if (!tb_heading_in_scope(b))
            return;
        tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
        tb_pop_until_heading(b);
    } else if (t == T(a) || t == T(nobr) || tb_in_list(t, FORMATTING)) {
        if (tb_adoption_agency(b, k, t))
            tb_any_other_end_tag(b, k);
    } else if (t == T(applet) || t == T(marquee) || t == T(object)) {
        if (!tb_in_scope(b, t, 0))
            return;
        tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
        tb_pop_until(b, t);
        tb_fmt_clear_to_marker(b);
    } else if (t == T(br)) {
        html_token s = *k;
        s.type = HTML_TOK_START_TAG;
        s.n_attrs = 0;
        tb_in_body_start(b, &s);
    } else {
        tb_any_other_end_tag(b, k);
    }
}

void tb_in_body(builder *b, html_token *k)
{
    switch (k->type) {
    case HTML_TOK_TEXT: {
        html_str s = tb_strip_nul(b, k->data);
        if (!s.n)
            return;
        tb_reconstruct_formatting(b);
        tb_insert_text(b, s, k->line);
        if (!tb_all_ws(s))
            b->frameset_ok = false;
        return;
    }
    case HTML_TOK_COMMENT:
        tb_insert_comment(b, k, TB_HERE);
        return;
    case HTML_TOK_START_TAG:
        tb_in_body_start(b, k);
        return;
    case HTML_TOK_END_TAG:
        tb_in_body_end(b, k);
        return;
    case HTML_TOK_EOF:
        if (b->n_tmpl)
            tb_mode_in_template(b, k);
        return;
    default:
        return;
    }
}

/* ---------------------------------------------------------------- templates */

bool tb_template_on_stack(builder *b)
{
    for (size_t i = b->n_open; i-- > 0;)
        if (tb_is(b, b->open[i], HTML_TAG_template))
            return true;
    return false;
}

void tb_tmpl_push(builder *b, mode m)
{
    if (b->n_tmpl == b->cap_tmpl) {
        size_t cap = b->cap_tmpl ? b->cap_tmpl * 2 : 16;
        mode *s = realloc(b->tmpl, cap * sizeof *s);
        if (!s) {
            b->stop = true;
            return;
        }
        b->tmpl = s;
        b->cap_tmpl = cap;
    }
    b->tmpl[b->n_tmpl++] = m;
}

/* "in template": a start tag picks the mode its context would have. */
void tb_mode_in_template(builder *b, html_token *k)
{
    html_tag t = tb_token_tag(k);
    if (k->type == HTML_TOK_TEXT || k->type == HTML_TOK_COMMENT || k->type == HTML_TOK_DOCTYPE) {
        tb_in_body(b, k);
        return;
    }
    if ((k->type == HTML_TOK_START_TAG && tb_in_list(t, IN_HEAD_TAGS)) ||
        (k->type == HTML_TOK_END_TAG && t == T(template))) {
        tb_mode_in_head(b, k);
        return;
    }
    if (k->type == HTML_TOK_START_TAG) {
        mode m = M_IN_BODY;
        if (t == T(caption) || t == T(colgroup) || t == T(tbody) || t == T(tfoot) ||
            t == T(thead))
            m = M_IN_TABLE;
        else if (t == T(col))
            m = M_IN_COLUMN_GROUP;
        else if (t == T(tr))
            m = M_IN_TABLE_BODY;
        else if (t == T(td) || t == T(th))
            m = M_IN_ROW;
        if (b->n_tmpl)
            b->n_tmpl--;
        tb_tmpl_push(b, m);
        b->mode = m;
        tb_process(b, k);
        return;
    }
    if (k->type == HTML_TOK_END_TAG)
        return;
    /* end of file */
    if (!tb_template_on_stack(b))
        return;
    tb_pop_until(b, T(template));
    tb_fmt_clear_to_marker(b);
    if (b->n_tmpl)
        b->n_tmpl--;
    tb_reset_mode(b);
    tb_process(b, k);
}

void tb_process_mode(builder *b, html_token *k)
{
    if (b->stop)
        return;
    switch (b->mode) {
    case M_INITIAL: tb_mode_initial(b, k); break;
    case M_IN_TEMPLATE: tb_mode_in_template(b, k); break;
    case M_BEFORE_HTML: tb_mode_before_html(b, k); break;
    case M_BEFORE_HEAD: tb_mode_before_head(b, k); break;
    case M_IN_HEAD: tb_mode_in_head(b, k); break;
    case M_IN_HEAD_NOSCRIPT: tb_mode_in_head_noscript(b, k); break;
    case M_AFTER_HEAD: tb_mode_after_head(b, k); break;
    case M_IN_BODY: tb_in_body(b, k); break;
    case M_TEXT: tb_mode_text(b, k); break;
    case M_IN_TABLE: tb_mode_in_table(b, k); break;
    case M_IN_TABLE_TEXT: tb_mode_in_table_text(b, k); break;
    case M_IN_CAPTION: tb_mode_in_caption(b, k); break;
    case M_IN_COLUMN_GROUP: tb_mode_in_column_group(b, k); break;
    case M_IN_TABLE_BODY: tb_mode_in_table_body(b, k); break;
    case M_IN_ROW: tb_mode_in_row(b, k); break;
    case M_IN_CELL: tb_mode_in_cell(b, k); break;
    case M_AFTER_BODY: tb_mode_after_body(b, k); break;
    case M_IN_FRAMESET: case M_AFTER_FRAMESET: tb_mode_frameset(b, k); break;
    case M_AFTER_AFTER_BODY: case M_AFTER_AFTER_FRAMESET: tb_mode_after_after(b, k); break;
    }
}

/* ---------------------------------------------------------------- quirks */

bool tb_starts_ci(html_str s, const char *prefix)
{
    size_t n = strlen(prefix);
    return s.n >= n && strncasecmp(s.p, prefix, n) == 0;
}

bool tb_quirks_doctype(const html_token *k)
{
    static const char *const prefixes[] = {
        "+//Silmaril//dtd html Pro v0r11 19970101//", "-//AS//DTD HTML 3.0 asWedit + extensions//",
        "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//", "-//IETF//DTD HTML 2.0 Level 1//",
        "-//IETF//DTD HTML 2.0 Level 2//", "-//IETF//DTD HTML 2.0 Strict Level 1//",
        "-//IETF//DTD HTML 2.0 Strict Level 2//", "-//IETF//DTD HTML 2.0 Strict//",
        "-//IETF//DTD HTML 2.0//", "-//IETF//DTD HTML 2.1E//", "-//IETF//DTD HTML 3.0//",
        "-//IETF//DTD HTML 3.2 Final//", "-//IETF//DTD HTML 3.2//", "-//IETF//DTD HTML 3//",
        "-//IETF//DTD HTML Level 0//", "-//IETF//DTD HTML Level 1//", "-//IETF//DTD HTML Level 2//",
        "-//IETF//DTD HTML Level 3//", "-//IETF//DTD HTML Strict Level 0//",
        "-//IETF//DTD HTML Strict Level 1//", "-//IETF//DTD HTML Strict Level 2//",
        "-//IETF//DTD HTML Strict Level 3//", "-//IETF//DTD HTML Strict//", "-//IETF//DTD HTML//",
        "-//Metrius//DTD Metrius Presentational//",
        "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
        "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
        "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
        "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
        "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
        "-//Microsoft//DTD Internet Explorer 3.0 Tables//", "-//Netscape Comm. Corp.//DTD HTML//",
        "-//Netscape Comm. Corp.//DTD Strict HTML//", "-//O'Reilly and Associates//DTD HTML 2.0//",
        "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
        "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
        "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
        "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
        "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
        "-//Spyglass//DTD HTML 2.0 Extended//", "-//Sun Microsystems Corp.//DTD HotJava HTML//",
        "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//", "-//W3C//DTD HTML 3 1995-03-24//",
        "-//W3C//DTD HTML 3.2 Draft//", "-//W3C//DTD HTML 3.2 Final//", "-//W3C//DTD HTML 3.2//",
        "-//W3C//DTD HTML 3.2S Draft//", "-//W3C//DTD HTML 4.0 Frameset//",
        "-//W3C//DTD HTML 4.0 Transitional//", "-//W3C//DTD HTML Experimental 19960712//",
        "-//W3C//DTD HTML Experimental 970421//", "-//W3C//DTD W3 HTML//",
        "-//W3O//DTD W3 HTML 3.0//", "-//WebTechs//DTD Mozilla HTML 2.0//",
        "-//WebTechs//DTD Mozilla HTML//",
    };
    if (k->force_quirks || !k->has_name || k->name.n != 4 || memcmp(k->name.p, "html", 4) != 0)
        return true;
    html_str p = k->has_public ? k->public_id : (html_str){"", 0};
    html_str s = k->system_id;
    if ((p.n == 37 && strncasecmp(p.p, "-//W3O//DTD W3 HTML Strict 3.0//EN//", 37) == 0) ||
        (p.n == 35 && strncasecmp(p.p, "-/W3C/DTD HTML 4.0 Transitional/EN", 35) == 0) ||
        (p.n == 4 && strncasecmp(p.p, "HTML", 4) == 0) ||
        (k->has_system && s.n == 58 &&
         strncasecmp(s.p, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd", 58) == 0))
        return true;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (tb_starts_ci(p, prefixes[i]))
            return true;
    if (!k->has_system && (tb_starts_ci(p, "-//W3C//DTD HTML 4.01 Frameset//") ||
                           tb_starts_ci(p, "-//W3C//DTD HTML 4.01 Transitional//")))
        return true;
    return false;
}

/* ---------------------------------------------------------------- parsing */

void tb_start_fragment(builder *b, const char *context)
{
    html_token k;
    memset(&k, 0, sizeof k);
    k.type = HTML_TOK_START_TAG;
    html_ns ns = HTML_NS_HTML;
    if (strncmp(context, "svg ", 4) == 0)
        ns = HTML_NS_SVG, context += 4;
    else if (strncmp(context, "math ", 5) == 0)
        ns = HTML_NS_MATHML, context += 5;
    k.name = (html_str){context, strlen(context)};
    b->context = tb_create_element(b, &k, ns);
    if (b->context == HTML_NONE)
        return; /* a limit (max_nodes 1) or no memory: stopped */
    b->fragment = true;
    /* the tokenizer state follows an HTML context element only: an SVG
     * <title> holds markup (foreign-fragment.dat 44, 45) */
    html_tag t = ns == HTML_NS_HTML ? html_tag_of(k.name.p, k.name.n) : HTML_TAG_UNKNOWN;
    if (t == HTML_TAG_title || t == HTML_TAG_textarea)
        tb_switch_tokenizer(b, HTML_RCDATA);
    else if (t == HTML_TAG_style || t == HTML_TAG_xmp || t == HTML_TAG_iframe ||
             t == HTML_TAG_noembed || t == HTML_TAG_noframes ||
             (t == HTML_TAG_noscript && b->scripting))
        tb_switch_tokenizer(b, HTML_RAWTEXT);
    else if (t == HTML_TAG_script)
        tb_switch_tokenizer(b, HTML_SCRIPT_DATA);
    else if (t == HTML_TAG_plaintext)
        tb_switch_tokenizer(b, HTML_PLAINTEXT);
    uint32_t root = tb_insert_named(b, "html");
    (void)root;
    /* no last start tag: no start tag token has been emitted, so no end tag
     * is appropriate yet (tests4.dat 8: "</script>" in a script fragment) */
    tb_reset_mode(b);
    for (uint32_t n = b->context; n != HTML_NONE; n = N(n).parent)
        if (tb_is(b, n, HTML_TAG_form)) {
            b->form = n;
            break;
        }
}

