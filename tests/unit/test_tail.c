/* test_tail.c - where an article ends (html_tail.c) and which class
 * names mark a form's response message (html_evidence.c): rules that
 * decide on strings and blocks alone. */
#include "check.h"
#include "extract/html.h"

static void test_openers(void)
{
    CHECK_INT(tail_opener("7 replies"), 1);
    CHECK_INT(tail_opener("Comments (8)"), 1);
    CHECK_INT(tail_opener("1,204 comments"), 1);
    CHECK_INT(tail_opener("댓글 6"), 1);
    CHECK_INT(tail_opener("7 개의 답글"), 1);
    CHECK_INT(tail_opener("Most read"), 2);
    CHECK_INT(tail_opener("More from The Morning Ledger"), 2);
    CHECK_INT(tail_opener("관련 뉴스 동해신문"), 2);
    CHECK_INT(tail_opener("동해신문 주요뉴스"), 2);
    /* prose that starts with the word, and section names with more words */
    CHECK_INT(tail_opener("Comments from readers poured in after the vote was announced."), 0);
    CHECK_INT(tail_opener("Related Topics"), 0);
    CHECK_INT(tail_opener("Relatedly, the council voted"), 0);
    CHECK_INT(tail_opener("Discussion"), 0);
    CHECK_INT(tail_opener(NULL), 0);
}

#define P(s) {GISA_BLOCK_PARAGRAPH, 0, s, NULL, NULL, 0, 0, 0, NULL}
#define H(s) {GISA_BLOCK_HEADING, 2, s, NULL, NULL, 0, 0, 0, NULL}
#define PARA "The council voted on Thursday to rebuild the sea wall with living reefs, " \
             "a plan it had rejected twice before, after a winter of storms."

static void test_article_end(void)
{
    const gisa_block thread[] = {P(PARA), P(PARA), P(PARA), P(PARA),
                                 H("3 Comments"), P(PARA), P(PARA), P(PARA)};
    /* a readers' thread ends an article page, and no other page */
    CHECK_INT((int)article_end(thread, 0, 8, 1), 4);
    CHECK_INT((int)article_end(thread, 0, 8, 0), 8);
    /* too little before the line: not an article's end */
    CHECK_INT((int)article_end(thread, 2, 8, 1), 8);
    /* "Related" mid-article, with more of the article after: kept */
    const gisa_block mid[] = {P(PARA), P(PARA), P(PARA), P(PARA), H("Related"),
                              P(PARA), P(PARA), P(PARA), P(PARA), P(PARA)};
    CHECK_INT((int)article_end(mid, 0, 10, 1), 10);
    /* "Most read" at the end, less than the article: cut */
    const gisa_block most[] = {P(PARA), P(PARA), P(PARA), P(PARA), H("Most read"), P(PARA)};
    CHECK_INT((int)article_end(most, 0, 6, 1), 4);
}

static void test_form_response(void)
{
    CHECK(form_response_class("w-form-done"));
    CHECK(form_response_class("wpcf7-response-output hidden"));
    CHECK(form_response_class("gform_confirmation_message"));
    CHECK(form_response_class("notice toast-top"));
    CHECK(!form_response_class("article-body entry-content"));
    CHECK(!form_response_class("form-group"));
    CHECK(!form_response_class(""));
}

int main(void)
{
    test_openers();
    test_article_end();
    test_form_response();
    CHECK_DONE();
}
