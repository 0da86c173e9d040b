/* test_render.c - text, Markdown and JSON of a document built by hand.
 *
 * Markdown is read back with cmark-gfm where the build found it: text
 * that goes in as a paragraph must come out as the same text, whatever
 * markup characters it holds. */
#include <json-c/json.h>

#include "check.h"
#include "util.h"
#ifdef HAVE_CMARK_GFM
#include <cmark-gfm.h>
#endif

static const char *const list_items[] = {"첫째 항목", "*별표* 항목"};
static const char *const table_cells[] = {"해역", "개소", "동|해", "21"};

static gisa_block blocks[] = {
    {GISA_BLOCK_HEADING, 2, "소제목", NULL, NULL, 0, 0, 0, NULL},
    {GISA_BLOCK_PARAGRAPH, 0, "첫 문단입니다.\n둘째 줄입니다.", NULL, NULL, 0, 0, 10, NULL},
    {GISA_BLOCK_LIST, 0, NULL, NULL, list_items, 2, 0, 20, NULL},
    {GISA_BLOCK_LIST, 1, NULL, NULL, list_items, 2, 0, 30, NULL},
    {GISA_BLOCK_TABLE, 1, NULL, NULL, table_cells, 4, 2, 40, NULL},
    {GISA_BLOCK_IMAGE, 0, "바다숲 (사진)", "https://ex.example/a b(1).jpg", NULL, 0, 0, 50, NULL},
    {GISA_BLOCK_IMAGE, 0, "", "https://ex.example/no-caption.jpg", NULL, 0, 0, 55, NULL},
    {GISA_BLOCK_QUOTE, 0, "인용 첫 줄\n인용 둘째 줄", NULL, NULL, 0, 0, 60, NULL},
    {GISA_BLOCK_CODE, 0, "int x = 1;", NULL, NULL, 0, 0, 70, NULL},
};

static gisa_document sample(void)
{
    gisa_document d;
    memset(&d, 0, sizeof d);
    d.source_name = "sample.html";
    d.encoding = "UTF-8";
    d.title = "제목: \"따옴표\"";
    d.input = GISA_INPUT_HTML;
    d.date = "2026-03-12";
    d.lang = "ko";
    d.blocks = blocks;
    d.nblocks = sizeof blocks / sizeof blocks[0];
    return d;
}

static void test_text(void)
{
    gisa_document d = sample();
    char *t = render_str(&d, GISA_FORMAT_TEXT);
    CHECK_STR(t, "소제목\n\n"
                 "첫 문단입니다.\n둘째 줄입니다.\n\n"
                 "첫째 항목\n*별표* 항목\n\n"
                 "첫째 항목\n*별표* 항목\n\n"
                 "해역\t개소\n동|해\t21\n\n"
                 "바다숲 (사진)\n\n"
                 "인용 첫 줄\n인용 둘째 줄\n\n"
                 "int x = 1;\n");
    free(t);
}

static void test_markdown(void)
{
    gisa_document d = sample();
    char *m = render_str(&d, GISA_FORMAT_MARKDOWN);
    /* Quotes may be escaped (for Jekyll's typographer); the heading must
     * read back as the title. */
    CHECK(m && strncmp(m, "# 제목: ", strlen("# 제목: ")) == 0);
#ifdef HAVE_CMARK_GFM
    if (m) {
        cmark_node *doc = cmark_parse_document(m, strlen(m), CMARK_OPT_DEFAULT);
        cmark_node *h = cmark_node_first_child(doc);
        CHECK(h && cmark_node_get_type(h) == CMARK_NODE_HEADING);
        char *plain = cmark_render_plaintext(h, CMARK_OPT_DEFAULT, 0);
        CHECK_STR(plain, "제목: \"따옴표\"\n");
        free(plain);
        cmark_node_free(doc);
    }
#endif
    CHECK_HAS(m, "\n## 소제목\n");
    CHECK_HAS(m, "\n- 첫째 항목\n- \\*별표\\* 항목\n");
    CHECK_HAS(m, "\n1. 첫째 항목\n2. \\*별표\\* 항목\n");
    CHECK_HAS(m, "| 해역 | 개소 |\n| --- | --- |\n| 동\\|해 | 21 |\n");
    CHECK_HAS(m, "![바다숲 (사진)](https://ex.example/a%20b%281%29.jpg)");
    CHECK_HAS(m, "> 인용 첫 줄  \n> 인용 둘째 줄\n");
    CHECK_HAS(m, "```\nint x = 1;\n```\n");
    free(m);
}

static char *markdown_of_paragraph(const char *text, gisa_block_kind kind)
{
    gisa_block b = {kind, 0, text, NULL, NULL, 0, 0, 0, NULL};
    gisa_document d;
    memset(&d, 0, sizeof d);
    d.blocks = &b;
    d.nblocks = 1;
    return render_str(&d, GISA_FORMAT_MARKDOWN);
}

/* Paragraphs that look like markup must stay text. */
static const char *const tricky[] = {
    "# 해시로 시작하는 문단",
    "- 하이픈으로 시작하는 문단",
    "+ 더하기로 시작",
    "1. 숫자와 점으로 시작하는 문단",
    "2026. 3. 12. 날짜로 시작하는 문단",
    "> 꺾쇠로 시작",
    "*강조* 아님, _밑줄_ 아님, `코드` 아님",
    "[링크](http://x.example) 아님 <b>태그</b> 아님",
    "별표 세 개 *** 가운데",
    "---",
    "===",
    "1) 괄호 번호",
    "가격은 1,000원\\2,000원",
    "&amp; 엔티티처럼 보이는 글",
    "~~취소선~~ 아님",
    "{{ site.secret_token }} 와 {% raw %} 그대로",
    "{{< param secret >}} 와 {{% include \"x\" %}} 그대로",
    "{::nomarkdown}x{:/} 와 {: #id onclick=\"y\"} 그대로",
    "가격은 $$x+1$$ 달러, kramdown의 수식이 아님",
};

#ifdef HAVE_CMARK_GFM
/* Each tricky line rendered as a `kind` block must read back as one node
 * of type `want` holding exactly that text. */
static void roundtrip(gisa_block_kind kind, cmark_node_type want, const char *what)
{
    for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
        char *m = markdown_of_paragraph(tricky[i], kind);
        cmark_node *doc = cmark_parse_document(m, strlen(m), CMARK_OPT_DEFAULT);
        cmark_node *first = cmark_node_first_child(doc);
        int is_one = first && cmark_node_get_type(first) == want && !cmark_node_next(first);
        char *plain = cmark_render_plaintext(doc, CMARK_OPT_DEFAULT, 0);
        size_t n = strlen(plain);
        while (n && plain[n - 1] == '\n')
            plain[--n] = '\0';
        if (!is_one || strcmp(plain, tricky[i]) != 0) {
            fprintf(stderr, "%s round trip of \"%s\": rendered \"%s\", read back as "
                            "%s%s \"%s\"\n",
                    what, tricky[i], m, is_one ? "" : "non-", what, plain);
            check_failures++;
        }
        free(plain);
        cmark_node_free(doc);
        free(m);
    }
}
#endif

static void test_markdown_roundtrip(void)
{
#ifdef HAVE_CMARK_GFM
    roundtrip(GISA_BLOCK_PARAGRAPH, CMARK_NODE_PARAGRAPH, "paragraph");
#else
    fprintf(stderr, "cmark-gfm not found: markdown round trip not checked\n");
#endif
}

/* A quote is text like a paragraph: the same tricky lines, quoted, read
 * back as one block quote holding exactly that text ("<b>" included). */
static void test_quote_roundtrip(void)
{
#ifdef HAVE_CMARK_GFM
    roundtrip(GISA_BLOCK_QUOTE, CMARK_NODE_BLOCK_QUOTE, "quote");
#endif
}

static void test_code_fence(void)
{
    /* Code that holds a fence must not end the block early. */
    char *m = markdown_of_paragraph("before\n```\nafter", GISA_BLOCK_CODE);
#ifdef HAVE_CMARK_GFM
    cmark_node *doc = cmark_parse_document(m, strlen(m), CMARK_OPT_DEFAULT);
    cmark_node *first = cmark_node_first_child(doc);
    CHECK(first && cmark_node_get_type(first) == CMARK_NODE_CODE_BLOCK && !cmark_node_next(first));
    if (first && cmark_node_get_type(first) == CMARK_NODE_CODE_BLOCK)
        CHECK_STR(cmark_node_get_literal(first), "before\n```\nafter\n");
    cmark_node_free(doc);
#endif
    free(m);
}

/* Issue #22: no block gisa writes as Markdown holds a "{" that Liquid,
 * Hugo or kramdown could read as the start of a tag. */
static void test_no_template_syntax(void)
{
    static const gisa_block_kind kinds[] = {GISA_BLOCK_PARAGRAPH, GISA_BLOCK_HEADING,
                                            GISA_BLOCK_QUOTE, GISA_BLOCK_CODE};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        char *m = markdown_of_paragraph("코드 {{ x }}\n{% if y %}z{% endif %} {{< p >}} {:a}",
                                        kinds[k]);
        if (strchr(m, '{')) {
            fprintf(stderr, "block kind %d written with a \"{\": %s\n", (int)kinds[k], m);
            check_failures++;
        }
        free(m);
    }
}

static void test_json(void)
{
    gisa_document d = sample();
    char *j = render_str(&d, GISA_FORMAT_JSON);
    json_object *o = json_tokener_parse(j);
    CHECK(o != NULL);
    json_object *v;
    CHECK(json_object_object_get_ex(o, "title", &v));
    CHECK_STR(json_object_get_string(v), "제목: \"따옴표\"");
    CHECK(json_object_object_get_ex(o, "source", &v));
    CHECK_STR(json_object_get_string(v), "sample.html");
    CHECK(json_object_object_get_ex(o, "author", &v) && v == NULL); /* null, present */
    CHECK(json_object_object_get_ex(o, "input", &v));
    CHECK_STR(json_object_get_string(v), "html");
    CHECK(json_object_object_get_ex(o, "blocks", &v));
    CHECK_INT(json_object_array_length(v), sizeof blocks / sizeof blocks[0]);
    json_object *tbl = json_object_array_get_idx(v, 4), *rows, *type;
    CHECK(json_object_object_get_ex(tbl, "type", &type));
    CHECK_STR(json_object_get_string(type), "table");
    CHECK(json_object_object_get_ex(tbl, "rows", &rows));
    CHECK_INT(json_object_array_length(rows), 2);
    json_object *text;
    CHECK(json_object_object_get_ex(o, "text", &text));
    char *t = render_str(&d, GISA_FORMAT_TEXT);
    CHECK_STR(json_object_get_string(text), t); /* "text" is the text rendering */
    free(t);
    json_object_put(o);
    free(j);
}

static void test_empty_and_bad_format(void)
{
    gisa_document d;
    memset(&d, 0, sizeof d);
    char *t = render_str(&d, GISA_FORMAT_TEXT);
    CHECK_STR(t, "");
    free(t);
    char *out = (char *)1;
    gisa_error err;
    CHECK_INT(gisa_render(&d, (gisa_format)99, &out, NULL, &err), GISA_ERR_USAGE);
    CHECK(out == NULL);
}

int main(void)
{
    test_text();
    test_markdown();
    test_markdown_roundtrip();
    test_quote_roundtrip();
    test_no_template_syntax();
    test_code_fence();
    test_json();
    test_empty_and_bad_format();
    CHECK_DONE();
}
