/* answer.c - a model's answer made into paragraphs of sentences.
 *
 * Models wrap text in things that are not the post: a reasoning model's
 * <think> block, code fences, Markdown headings and bold marks, list
 * bullets. They go; what is left is split into paragraphs (blank lines)
 * and sentences (gisa_split_sentences), a single line break read as a
 * space. */
#include <string.h>

#include "../util/utf8.h"
#include "rewrite.h"

/* Drop <think>...</think> (an unclosed one: everything after it). */
static void drop_thinking(buf *b)
{
    char *open;
    while (b->ptr && (open = strstr(b->ptr, "<think>"))) {
        char *close = strstr(open, "</think>");
        size_t end = close ? (size_t)(close - b->ptr) + 8 : b->len;
        memmove(open, b->ptr + end, b->len - end + 1);
        b->len -= end - (size_t)(open - b->ptr);
    }
}

/* One line, cleaned, appended to the paragraph being built. */
static void take_line(buf *para, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        s += 2, n -= 2; /* a bullet: its text is the sentence */
    if (!n)
        return;
    if (para->len)
        buf_putc(para, ' ');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            i++; /* Markdown bold */
            continue;
        }
        buf_putc(para, s[i]);
    }
}

/* Split a paragraph into sentences, each a string in `mem`. */
static void add_sentences(answer_text *a, arena *mem, const char *p, size_t len)
{
    gisa_span spans[64];
    size_t n = gisa_split_sentences(p, len, spans, 64);
    if (n > 64) /* a paragraph of more sentences than that: kept whole past 63 */
        spans[63].end = len, n = 64;
    for (size_t i = 0; i < n; i++) {
        if (a->n == a->cap) {
            size_t cap = a->cap ? a->cap * 2 : 16;
            answer_sentence *grown = arena_alloc(mem, cap * sizeof *grown);
            if (!grown)
                return;
            if (a->n)
                memcpy(grown, a->s, a->n * sizeof *grown);
            a->s = grown;
            a->cap = cap;
        }
        const char *t = text_clean_dup(mem, p + spans[i].start, spans[i].end - spans[i].start, 0);
        if (t && *t)
            a->s[a->n++] = (answer_sentence){t, a->paragraphs};
    }
}

void answer_parse(const char *raw, arena *mem, answer_text *a)
{
    memset(a, 0, sizeof *a);
    buf b = BUF_INIT, para = BUF_INIT;
    buf_puts(&b, raw);
    drop_thinking(&b);
    int fenced = 0;
    for (const char *line = b.ptr ? b.ptr : ""; *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        const char *t = line;
        while (t < line + n && (*t == ' ' || *t == '\t' || *t == '\r'))
            t++;
        if (!strncmp(t, "```", 3)) {
            fenced = !fenced;
        } else if (t == line + n || *t == '#') { /* a blank line or a heading ends a paragraph */
            if (para.len) {
                add_sentences(a, mem, para.ptr, para.len);
                a->paragraphs++;
                buf_reset(&para);
            }
        } else {
            take_line(&para, line, n);
        }
        line = nl ? nl + 1 : line + n;
    }
    (void)fenced; /* a fence's lines are the answer's text all the same */
    if (para.len) {
        add_sentences(a, mem, para.ptr, para.len);
        a->paragraphs++;
    }
    buf_free(&para);
    buf_free(&b);
}
