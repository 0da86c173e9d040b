/* test_limits.c - the per-page limits: elements, nesting, line length and
 * size. A page over a limit is refused with an error naming the limit; a
 * page just under it is read as usual. */
#include <stdlib.h>

#include "check.h"
#include "gisa.h"

/* `n` nested <div>s around one paragraph, with a paragraph before them. */
static char *nested_page(size_t n)
{
    static const char head[] = "<html><body><p>앞 문단은 깊은 중첩보다 먼저 나온다. "
                               "이 문장은 본문으로 읽혀야 한다.</p>";
    static const char mid[] = "<p>가장 안쪽 문단이다. 여기까지 읽으면 깊이 제한 "
                              "안에 있다는 뜻이다.</p>";
    size_t len = sizeof head + n * 11 + sizeof mid + 32;
    char *s = malloc(len), *p = s;
    p += sprintf(p, "%s", head);
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "<div>");
    p += sprintf(p, "%s", mid);
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "</div>");
    sprintf(p, "</body></html>");
    return s;
}

/* `n` sibling paragraphs. */
static char *wide_page(size_t n)
{
    char *s = malloc(n * 80 + 64), *p = s;
    p += sprintf(p, "<html><body>");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "<p>문단 %zu번은 짧은 문장이다.</p>", i);
    sprintf(p, "</body></html>");
    return s;
}

static gisa_status extract(const char *text, const gisa_extract_options *o,
                           gisa_document **doc, gisa_error *err)
{
    gisa_source src = {"limits-test", (const unsigned char *)text, strlen(text), NULL, NULL, NULL, NULL};
    return gisa_extract(&src, o, doc, err);
}

static void test_depth(void)
{
    gisa_document *doc;
    gisa_error err;
    char *ok = nested_page(200), *deep = nested_page(300), *huge = nested_page(50000);
    CHECK_INT(extract(ok, NULL, &doc, &err), GISA_OK);
    if (doc) {
        CHECK_INT(doc->nblocks, 2); /* the innermost paragraph is reached */
        gisa_document_free(doc);
    }
    CHECK_INT(extract(deep, NULL, &doc, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "limits-test: elements nested more than 250 deep");
    CHECK_INT(extract(huge, NULL, &doc, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "depth limit");
    gisa_extract_options o = {.max_depth = 100};
    CHECK_INT(extract(ok, &o, &doc, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "more than 100 deep");
    free(ok);
    free(deep);
    free(huge);
}

static void test_nodes(void)
{
    gisa_document *doc;
    gisa_error err;
    char *page = wide_page(1000);
    gisa_extract_options o = {.max_nodes = 500};
    CHECK_INT(extract(page, &o, &doc, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "limits-test: more than 500 elements (the node limit)");
    o.max_nodes = 1010; /* html, body and 1,000 paragraphs fit */
    CHECK_INT(extract(page, &o, &doc, &err), GISA_OK);
    if (doc)
        gisa_document_free(doc);
    free(page);
}

static void test_line(void)
{
    static const char dump[] =
        "홈\n메뉴\n정부는 오늘 새 제도를 시행한다고 밝혔다. 제도는 내년까지 이어진다.\n"
        "관계자는 현장 의견을 듣겠다고 말했다. 세부 계획은 다음 달에 나온다.\n";
    gisa_extract_options o = {.kind = GISA_INPUT_TEXT, .max_line = 40};
    gisa_document *doc;
    gisa_error err;
    CHECK_INT(extract(dump, &o, &doc, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "longer than the line limit of 40");
    o.max_line = 0;
    CHECK_INT(extract(dump, &o, &doc, &err), GISA_OK);
    if (doc)
        gisa_document_free(doc);
}

static void test_size(void)
{
    gisa_extract_options o = {.max_input = 64};
    gisa_document *doc;
    gisa_error err;
    char *page = wide_page(10);
    CHECK_INT(extract(page, &o, &doc, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "larger than the limit of 64 bytes");
    free(page);
}

int main(void)
{
    test_depth();
    test_nodes();
    test_line();
    test_size();
    CHECK_DONE();
}
