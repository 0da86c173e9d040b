/* treebuilder_impl.h - what the tree builder's files share (src/html only):
 * the builder's state (insertion mode, stack of open elements, list of
 * active formatting elements) and the operations on the tree the modes use.
 * tree_ops.c holds the operations, treebuilder.c the modes before, in and
 * after the body, tree_table.c the table and frameset modes, tree_select.c
 * what "in body" does for <select> and its options. */
#ifndef GISA_HTML_TREEBUILDER_IMPL_H
#define GISA_HTML_TREEBUILDER_IMPL_H

#include <stdlib.h>
#include <string.h>

#include "tree.h"

typedef enum mode {
    M_INITIAL, M_BEFORE_HTML, M_BEFORE_HEAD, M_IN_HEAD, M_IN_HEAD_NOSCRIPT, M_AFTER_HEAD,
    M_IN_BODY, M_TEXT, M_IN_TABLE, M_IN_TABLE_TEXT, M_IN_CAPTION, M_IN_COLUMN_GROUP,
    M_IN_TABLE_BODY, M_IN_ROW, M_IN_CELL, M_AFTER_BODY,
    M_IN_FRAMESET, M_AFTER_FRAMESET, M_AFTER_AFTER_BODY, M_AFTER_AFTER_FRAMESET, M_IN_TEMPLATE
} mode;

typedef struct afe { /* an entry of the list of active formatting elements */
    uint32_t node;   /* HTML_NONE for a marker */
} afe;

/* What tree_select.c remembers of the select whose options are being
 * popped, so that a popped option costs what is new since the last one,
 * not a walk over the whole select (see there). Good while b->epoch stays
 * what it was: nodes only appended at the end of the tree since. */
typedef struct select_memo {
    uint32_t select;    /* HTML_NONE: nothing remembered */
    uint32_t epoch;
    uint32_t sc;        /* its first <selectedcontent>, HTML_NONE while none */
    size_t scs_checked; /* b->scs before this index are known not in it */
    uint32_t scanned;   /* its options looked at, in tree order, up to this node */
    bool taken;         /* one of those is enabled or has `selected` */
} select_memo;

typedef struct builder {
    html_tokenizer tk;
    html_tree *tree;
    uint32_t *open;
    size_t n_open, cap_open;
    afe *fmt;
    size_t n_fmt, cap_fmt;
    mode mode, original;
    uint32_t head, form, context;
    bool frameset_ok, scripting, foster, stop, fragment;
    bool head_noscript_text; /* HTML5_HEAD_NOSCRIPT_TEXT */
    html_sb table_text; /* pending table character tokens */
    bool table_text_ws_only;
    bool skip_newline; /* a newline right after <pre>, <listing>, <textarea> */
    bool selectedcontent; /* a <selectedcontent> was made: popped options copy into it */
    uint32_t *scs;        /* every <selectedcontent> made, in order */
    size_t n_scs, cap_scs;
    uint32_t epoch;       /* counts tree changes other than appending at the end */
    bool keep_order;      /* the adoption agency at work: its moves keep tree order */
    select_memo memo;
    mode *tmpl;        /* the stack of template insertion modes */
    size_t n_tmpl, cap_tmpl;
    size_t at;         /* the token being processed: its offset and line, */
    uint32_t line;     /* for the message when a limit is hit */
} builder;

#define N(i) (b->tree->nodes[i])
#define T(n) HTML_TAG_##n

void tb_over(builder *b, html5_status why);
bool tb_over_text(builder *b, size_t n);
uint32_t tb_new_node(builder *b, html_node_type type);
void tb_detach(builder *b, uint32_t c);
void tb_insert_before(builder *b, uint32_t parent, uint32_t c, uint32_t before);
uint32_t tb_current(builder *b);
bool tb_is(builder *b, uint32_t node, html_tag tag);
html_tag tb_tag_at(builder *b, uint32_t node);
void tb_insertion_place_for(builder *b, uint32_t target, uint32_t *parent,
                                uint32_t *before);
void tb_insertion_place(builder *b, uint32_t *parent, uint32_t *before);
void tb_push(builder *b, uint32_t node);
void tb_pop(builder *b);
void tb_pop_to(builder *b, size_t n);
html_attr *tb_copy_attrs(builder *b, const html_attr *a, size_t n);
uint32_t tb_create_element(builder *b, const html_token *k, html_ns ns);
uint32_t tb_insert_element(builder *b, const html_token *k);
uint32_t tb_insert_named(builder *b, const char *name);
void tb_append_text(builder *b, uint32_t node, html_str s);
void tb_insert_text(builder *b, html_str s, uint32_t line);
/* parent: a node (0, the document, too), or TB_HERE for the appropriate
 * place for inserting a node (HTML_NONE is 0, the document: a comment
 * after </html> once went into <body> for it) */
#define TB_HERE UINT32_MAX
void tb_insert_comment(builder *b, const html_token *k, uint32_t parent);
bool tb_scope_boundary(builder *b, uint32_t node, int kind);
bool tb_in_scope(builder *b, html_tag tag, int kind);
bool tb_heading_in_scope(builder *b);
bool tb_node_in_scope(builder *b, uint32_t node);
bool tb_implied_end(html_tag t, bool thorough);
void tb_generate_implied_end_tags(builder *b, html_tag except);
void tb_pop_until(builder *b, html_tag tag);
void tb_pop_until_heading(builder *b);
void tb_close_p(builder *b);
void tb_close_p_if_in_button_scope(builder *b);
bool tb_special(builder *b, uint32_t node);
void tb_fmt_add(builder *b, uint32_t node);
bool tb_same_attrs(builder *b, uint32_t x, uint32_t y);
void tb_fmt_push(builder *b, uint32_t node);
void tb_fmt_marker(builder *b);
void tb_fmt_clear_to_marker(builder *b);
bool tb_on_stack(builder *b, uint32_t node);
void tb_fmt_remove(builder *b, uint32_t node);
void tb_stack_remove(builder *b, uint32_t node);
uint32_t tb_clone_element(builder *b, uint32_t node);
void tb_reconstruct_formatting(builder *b);
bool tb_adoption_agency(builder *b, const html_token *k, html_tag tag);
void tb_reset_mode(builder *b);
bool tb_is_ws_byte(char c);
html_str tb_take_ws(html_str *s);
bool tb_all_ws(html_str s);
bool tb_tag_is(const html_token *k, const char *name);
void tb_switch_tokenizer(builder *b, html_state s);
void tb_generic_text(builder *b, const html_token *k, html_state s);
bool tb_is_start(const html_token *k, const char *name);
bool tb_is_end(const html_token *k, const char *name);
/* The tag of a start or end tag token; HTML_TAG_UNKNOWN for any other. */
static inline html_tag tb_token_tag(const html_token *k)
{
    return k->type == HTML_TOK_START_TAG || k->type == HTML_TOK_END_TAG
               ? html_tag_of(k->name.p, k->name.n)
               : HTML_TAG_UNKNOWN;
}
bool tb_leading_ws(builder *b, html_token *k, bool insert);
bool tb_ws_comment_doctype(builder *b, html_token *k, bool insert_ws);
void tb_mode_initial(builder *b, html_token *k);
void tb_mode_before_html(builder *b, html_token *k);
void tb_mode_before_head(builder *b, html_token *k);
void tb_mode_in_head(builder *b, html_token *k);
void tb_mode_in_head_noscript(builder *b, html_token *k);
void tb_mode_after_head(builder *b, html_token *k);
void tb_add_missing_attrs(builder *b, uint32_t node, const html_token *k);
html_str tb_strip_nul(builder *b, html_str s);
bool tb_in_list(html_tag t, const html_tag *list);
bool tb_is_hidden_input(const html_token *k);
void tb_any_other_end_tag(builder *b, const html_token *k);
void tb_in_body_start(builder *b, html_token *k);
void tb_in_body_end(builder *b, html_token *k);
void tb_in_body(builder *b, html_token *k);
void tb_mode_text(builder *b, html_token *k);
void tb_clear_to_context(builder *b, const html_tag *stop);
void tb_mode_in_table(builder *b, html_token *k);
void tb_mode_in_table_text(builder *b, html_token *k);
void tb_mode_in_caption(builder *b, html_token *k);
void tb_mode_in_column_group(builder *b, html_token *k);
void tb_mode_in_table_body(builder *b, html_token *k);
void tb_mode_in_row(builder *b, html_token *k);
void tb_close_cell(builder *b);
void tb_mode_in_cell(builder *b, html_token *k);
html_str tb_only_ws(builder *b, html_str s);
void tb_mode_after_body(builder *b, html_token *k);
void tb_mode_frameset(builder *b, html_token *k);
void tb_mode_after_after(builder *b, html_token *k);
void tb_process(builder *b, html_token *k);
bool tb_starts_ci(html_str s, const char *prefix);
bool tb_quirks_doctype(const html_token *k);
void tb_start_fragment(builder *b, const char *context);
 
/* templates (treebuilder.c, tree_ops.c) */
bool tb_template_on_stack(builder *b);
void tb_tmpl_push(builder *b, mode m);
void tb_mode_in_template(builder *b, html_token *k);

/* tree_select.c */
void tb_select_start(builder *b, html_token *k);
bool tb_select_input(builder *b);
void tb_select_option(builder *b, html_token *k, html_tag t);
void tb_select_hr(builder *b);
void tb_note_selectedcontent(builder *b, uint32_t sc);
bool tb_select_fostering_reorders(builder *b);
void tb_option_popped(builder *b, uint32_t option);

/* tree_foreign.c */
void tb_process_mode(builder *b, html_token *k); /* treebuilder.c: by insertion mode */
uint32_t tb_adjusted_current(builder *b);
bool tb_mathml_text_ip(builder *b, uint32_t node);
bool tb_html_ip(builder *b, uint32_t node);
bool tb_foreign_boundary(builder *b, uint32_t node);
void tb_insert_foreign(builder *b, html_token *k, html_ns ns);

#endif
