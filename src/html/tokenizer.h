/* tokenizer.h - the WHATWG HTML tokenizer (HTML Standard 13.2.5) over UTF-8.
 *
 * One pass over the bytes, pulled a token at a time. Strings are slices of
 * the input where the input already holds them as they are (most text, most
 * tag and attribute names, most values); only what needed decoding (a
 * character reference, an upper-case name, a NUL, a CR) is copied, into the
 * arena given. The caller's arena therefore holds everything a token points
 * to beyond the input, for as long as the document lives. The attribute
 * array of a tag is the tokenizer's and is reused by the next tag.
 *
 * Input that is not valid UTF-8 is first repaired into a copy in the arena
 * (U+FFFD for each maximal invalid subpart, as the Encoding Standard's
 * decoder does), so token offsets then refer to that copy: see input().
 */
#ifndef GISA_HTML_TOKENIZER_H
#define GISA_HTML_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

/* A string: a slice of the input or of the arena; not NUL-terminated. */
typedef struct html_str {
    const char *p;
    size_t n;
} html_str;

typedef enum html_token_type {
    HTML_TOK_DOCTYPE,
    HTML_TOK_START_TAG,
    HTML_TOK_END_TAG,
    HTML_TOK_COMMENT,
    HTML_TOK_TEXT, /* a run of character tokens */
    HTML_TOK_EOF,
    HTML_TOK_ERROR /* out of memory: the document cannot be tokenized */
} html_token_type;

typedef struct html_attr {
    html_str name, value;
} html_attr;

typedef struct html_token {
    html_token_type type;
    html_str name;                 /* tag name (lower case), DOCTYPE name */
    html_str data;                 /* text or comment */
    html_str public_id, system_id; /* DOCTYPE */
    bool has_name, has_public, has_system, force_quirks; /* DOCTYPE */
    bool self_closing;
    const html_attr *attrs; /* valid until the next call */
    size_t n_attrs;
    uint32_t line;      /* 1-based line of the token's first byte */
    size_t begin, end;  /* the bytes the token came from: tokens tile the input */
} html_token;

/* The tokenizer states, named as the HTML Standard names them. */
typedef enum html_state {
    HTML_DATA,
    HTML_RCDATA,
    HTML_RAWTEXT,
    HTML_SCRIPT_DATA,
    HTML_PLAINTEXT,
    HTML_TAG_OPEN,
    HTML_END_TAG_OPEN,
    HTML_TAG_NAME,
    HTML_RCDATA_LESS_THAN_SIGN,
    HTML_RCDATA_END_TAG_OPEN,
    HTML_RCDATA_END_TAG_NAME,
    HTML_RAWTEXT_LESS_THAN_SIGN,
    HTML_RAWTEXT_END_TAG_OPEN,
    HTML_RAWTEXT_END_TAG_NAME,
    HTML_SCRIPT_DATA_LESS_THAN_SIGN,
    HTML_SCRIPT_DATA_END_TAG_OPEN,
    HTML_SCRIPT_DATA_END_TAG_NAME,
    HTML_SCRIPT_DATA_ESCAPE_START,
    HTML_SCRIPT_DATA_ESCAPE_START_DASH,
    HTML_SCRIPT_DATA_ESCAPED,
    HTML_SCRIPT_DATA_ESCAPED_DASH,
    HTML_SCRIPT_DATA_ESCAPED_DASH_DASH,
    HTML_SCRIPT_DATA_ESCAPED_LESS_THAN_SIGN,
    HTML_SCRIPT_DATA_ESCAPED_END_TAG_OPEN,
    HTML_SCRIPT_DATA_ESCAPED_END_TAG_NAME,
    HTML_SCRIPT_DATA_DOUBLE_ESCAPE_START,
    HTML_SCRIPT_DATA_DOUBLE_ESCAPED,
    HTML_SCRIPT_DATA_DOUBLE_ESCAPED_DASH,
    HTML_SCRIPT_DATA_DOUBLE_ESCAPED_DASH_DASH,
    HTML_SCRIPT_DATA_DOUBLE_ESCAPED_LESS_THAN_SIGN,
    HTML_SCRIPT_DATA_DOUBLE_ESCAPE_END,
    HTML_BEFORE_ATTRIBUTE_NAME,
    HTML_ATTRIBUTE_NAME,
    HTML_AFTER_ATTRIBUTE_NAME,
    HTML_BEFORE_ATTRIBUTE_VALUE,
    HTML_ATTRIBUTE_VALUE_DOUBLE_QUOTED,
    HTML_ATTRIBUTE_VALUE_SINGLE_QUOTED,
    HTML_ATTRIBUTE_VALUE_UNQUOTED,
    HTML_AFTER_ATTRIBUTE_VALUE_QUOTED,
    HTML_SELF_CLOSING_START_TAG,
    HTML_BOGUS_COMMENT,
    HTML_MARKUP_DECLARATION_OPEN,
    HTML_COMMENT_START,
    HTML_COMMENT_START_DASH,
    HTML_COMMENT,
    HTML_COMMENT_LESS_THAN_SIGN,
    HTML_COMMENT_LESS_THAN_SIGN_BANG,
    HTML_COMMENT_LESS_THAN_SIGN_BANG_DASH,
    HTML_COMMENT_LESS_THAN_SIGN_BANG_DASH_DASH,
    HTML_COMMENT_END_DASH,
    HTML_COMMENT_END,
    HTML_COMMENT_END_BANG,
    HTML_DOCTYPE,
    HTML_BEFORE_DOCTYPE_NAME,
    HTML_DOCTYPE_NAME,
    HTML_AFTER_DOCTYPE_NAME,
    HTML_AFTER_DOCTYPE_PUBLIC_KEYWORD,
    HTML_BEFORE_DOCTYPE_PUBLIC_IDENTIFIER,
    HTML_DOCTYPE_PUBLIC_IDENTIFIER_DOUBLE_QUOTED,
    HTML_DOCTYPE_PUBLIC_IDENTIFIER_SINGLE_QUOTED,
    HTML_AFTER_DOCTYPE_PUBLIC_IDENTIFIER,
    HTML_BETWEEN_DOCTYPE_PUBLIC_AND_SYSTEM_IDENTIFIERS,
    HTML_AFTER_DOCTYPE_SYSTEM_KEYWORD,
    HTML_BEFORE_DOCTYPE_SYSTEM_IDENTIFIER,
    HTML_DOCTYPE_SYSTEM_IDENTIFIER_DOUBLE_QUOTED,
    HTML_DOCTYPE_SYSTEM_IDENTIFIER_SINGLE_QUOTED,
    HTML_AFTER_DOCTYPE_SYSTEM_IDENTIFIER,
    HTML_BOGUS_DOCTYPE,
    HTML_CDATA_SECTION,
    HTML_CDATA_SECTION_BRACKET,
    HTML_CDATA_SECTION_END,
    /* The character reference states are one function (charref.c); the
     * state a reference returns to is kept, not a state of its own. */
} html_state;

/* A string being built: a slice of the input until something must be
 * decoded, then a growing copy in the arena (cap > 0). */
typedef struct html_sb {
    const char *p;
    size_t n, cap;
} html_sb;

/* How a parse ended: the limits are the parser's own (tree.h's
 * html5_limits); the tokenizer enforces the two on attributes. */
typedef enum html5_status {
    HTML5_OK,
    HTML5_NOMEM,
    HTML5_OVER_INPUT,      /* the input is longer than max_input bytes */
    HTML5_OVER_NODES,      /* the tree would hold more than max_nodes nodes */
    HTML5_OVER_DEPTH,      /* elements nested more than max_depth deep */
    HTML5_OVER_ATTRS,      /* a tag with more than max_attrs attributes */
    HTML5_OVER_ATTR_BYTES, /* an attribute's name and value over max_attr_bytes */
    HTML5_OVER_TEXT,       /* a text node, comment or DOCTYPE string over max_text */
    HTML5_OVER_ELEMENTS    /* the tree would hold more than max_elements elements */
} html5_status;

/* Parse errors, by the Standard's code names, reach this callback. */
typedef void (*html_error_fn)(void *user, const char *code, size_t offset);

typedef struct html_tokenizer {
    const char *in;
    size_t len, pos;
    arena *a;
    html_state state, return_state;
    bool cdata_allowed; /* set by the tree builder: adjusted current node is foreign */

    /* the character just consumed: its code point, where it began, and
     * whether its bytes are its UTF-8 form (not a CR turned into LF) */
    int32_t c;
    size_t cpos;

    /* the token being built */
    html_token tok;
    html_sb name, data, pub, sys, attr_name, attr_value;
    html_attr *attrs;
    size_t n_attrs, cap_attrs;
    /* a tag's attribute names by hash once it has many (token.c): index +
     * 1 per slot, 0 empty; attr_hash_n is how many attrs it holds */
    uint32_t *attr_hash;
    size_t attr_hash_cap, attr_hash_n;
    bool attr_open; /* an attribute is being built */
    bool attr_dup;  /* the attribute being built repeats one: dropped */
    char esc[8];    /* script data double escape: the letters after "<" or "</" */
    size_t esc_n;
    bool ready;     /* a token has been emitted by the states */
    size_t mark;   /* offset of the '<' that began the markup being read */

    /* character tokens gathered before the next token is emitted */
    html_sb text;
    size_t text_end; /* offset after the last byte that went to text */
    size_t emitted;  /* offset where the next token begins */
    bool have_pending; /* a markup token waits behind the text */
    html_token pending;
    bool eof_emitted;

    /* the last start tag's name, for "appropriate end tag token" */
    char last_start[32];
    size_t last_start_n;

    /* where each special byte next occurs (len when none), for memchr scanning */
    size_t next_lt, next_amp, next_cr, next_nul;

    /* lines, counted lazily up to line_off; where the next LF and CR are */
    size_t line_off, line_nl, line_cr;
    uint32_t line;

    html_error_fn on_error;
    void *error_user;
    bool oom;          /* stop: out of memory, or `over` a limit */
    html5_status over; /* the limit hit (oom is then set too), or HTML5_OK */
    size_t over_at;    /* the offset where it was hit */

    /* limits on attributes, SIZE_MAX after init (none): a tag with more
     * than max_attrs attributes kept, or an attribute whose decoded name
     * and value together pass max_attr_bytes, stops the tokenizer with
     * HTML_TOK_ERROR and `over` set: never a token cut short */
    size_t max_attrs, max_attr_bytes;
} html_tokenizer;

/* Start on in[0..len). When the input is not valid UTF-8 a repaired copy is
 * made in the arena; false only when out of memory. */
bool html_tokenizer_init(html_tokenizer *t, arena *a, const char *in, size_t len);
void html_tokenizer_free(html_tokenizer *t); /* the attribute array */

/* The bytes tokens' offsets refer to: the input, or its repaired copy. */
static inline const char *html_tokenizer_input(const html_tokenizer *t) { return t->in; }

/* Report parse errors (including the input-stream ones: controls,
 * noncharacters) to fn; set before the first html_next. */
void html_tokenizer_on_error(html_tokenizer *t, html_error_fn fn, void *user);

/* The next token; HTML_TOK_EOF once at the end and ever after;
 * HTML_TOK_ERROR (then ever after) when out of memory or over a limit. */
html_token_type html_next(html_tokenizer *t, html_token *out);

/* For the tree builder and the tests: switch state, set the last start tag. */
void html_tokenizer_set_state(html_tokenizer *t, html_state s);
void html_tokenizer_set_last_start_tag(html_tokenizer *t, const char *name, size_t n);

/* Internal to src/html (tokenizer.c, charref.c). */
void html_sb_copy_input(html_tokenizer *t, html_sb *sb, size_t at, size_t n);

/* Append input bytes [at, at+n) to sb: the common cases (nothing yet, or
 * the slice goes on) in line, keeping sb a slice of the input; a copy
 * into the arena otherwise (input.c). */
static inline void html_sb_input(html_tokenizer *t, html_sb *sb, size_t at, size_t n)
{
    if (n == 0)
        return;
    if (!sb->cap) {
        if (sb->n == 0) {
            sb->p = t->in + at;
            sb->n = n;
            return;
        }
        if (sb->p + sb->n == t->in + at) {
            sb->n += n;
            return;
        }
    }
    html_sb_copy_input(t, sb, at, n);
}
void html_sb_cp(html_tokenizer *t, html_sb *sb, int32_t cp);
void html_tok_error(html_tokenizer *t, const char *code);
uint32_t html_line_at(html_tokenizer *t, size_t off); /* 1-based; off never decreases */
/* Consume a character reference after '&' (already consumed), appending what
 * it stands for, or the characters as they are, to out; in_attribute is the
 * attribute value states' rule on legacy names. */
void html_charref(html_tokenizer *t, html_sb *out, bool in_attribute);

#endif
