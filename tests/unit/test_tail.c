/* test_tail.c - where an article starts and ends (html_tail.c), which class
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
    /* the author's box under a story */
    CHECK_INT(tail_opener("About the Author"), 2);
    CHECK_INT(tail_opener("About the reviewer:"), 2);
    CHECK_INT(tail_opener("WRITTEN BY"), 2);
    CHECK_INT(tail_opener("Written by the harbour master, who kept the log for years"), 0);
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
    /* the author's box: a heading, a name, a short bio */
    const gisa_block bio[] = {P(PARA), P(PARA), P(PARA), P(PARA), H("About the Author"),
                              P("Clara Huxley, Coastal Editor"),
                              P("Clara Huxley has covered the harbour and its council for ten years.")};
    CHECK_INT((int)article_end(bio, 0, 7, 1), 4);
    /* on a page that does not say it is an article: only after whole
     * sentences, not after a listing's headlines */
    CHECK_INT((int)article_end(most, 0, 6, 0), 4);
    const gisa_block heads[] = {P("Storm warning issued for the weekend as gusts reach the coast"),
                                P(PARA), P("Ferry crossings cancelled on Saturday night in the north"),
                                P(PARA), P("Council approves eleven kilometres of new cycle lanes"),
                                P(PARA), H("Most read"), P(PARA)};
    CHECK_INT((int)article_end(heads, 0, 8, 0), 8);
}

static void test_repeated_titles(void)
{
    gisa_block b[] = {H("Council rebuilds the sea wall with reefs"), P(PARA), H("Costs"),
                      P(PARA), H("Council rebuilds the sea wall with reefs"), H("Costs"),
                      P(PARA)};
    /* the long title shown again goes; a short label may repeat */
    CHECK_INT((int)drop_repeated_titles(b, 0, 7), 6);
    CHECK_STR(b[4].text, "Costs");
    CHECK_INT((int)b[4].kind, (int)GISA_BLOCK_HEADING);
    /* a paragraph is not a title */
    gisa_block p[] = {P("Council rebuilds the sea wall with reefs"),
                      P("Council rebuilds the sea wall with reefs")};
    CHECK_INT((int)drop_repeated_titles(p, 0, 2), 2);
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

static void test_head_lines(void)
{
    CHECK(head_line("By Clara Huxley · 2026-02-14", "The Ledger", "Clara Huxley"));
    CHECK(head_line("입력 2026-06-20 09:30", NULL, NULL));
    CHECK(head_line("한지우 기자", NULL, "한지우"));
    CHECK(head_line("The Ledger", "The Ledger", NULL));
    CHECK(head_line("> > 보도자료", NULL, NULL));
    CHECK(!head_line("On 14 February 2026 the council voted to rebuild the wall.", NULL, NULL));
    CHECK(!head_line("What happens next", "The Ledger", "Clara Huxley"));
    const gisa_block cap = {GISA_BLOCK_LIST, 0, NULL, NULL, NULL, 0, 0, 0, NULL};
    gisa_block b[] = {P("The Ledger"), P("By Clara Huxley · 2026-02-14"), cap, P(PARA),
                      P("2026-02-14")};
    /* head lines go; an empty list stays; after the prose nothing goes */
    CHECK_INT((int)drop_head_lines(b, 0, 5, "The Ledger", "Clara Huxley"), 3);
    CHECK_STR(b[1].text, PARA);
    CHECK_STR(b[2].text, "2026-02-14");
}

static void test_end_lines(void)
{
    const gisa_block b[] = {P(PARA), P(PARA), H("Contact the newsroom")};
    CHECK_INT((int)drop_end_lines(b, 0, 3, NULL, 1), 2);
    CHECK_INT((int)drop_end_lines(b, 0, 3, NULL, 0), 3);
    const gisa_block q[] = {P(PARA), P(PARA), H("Ready to start?")};
    CHECK_INT((int)drop_end_lines(q, 0, 3, NULL, 1), 3);
    const gisa_block bio[] = {P(PARA), P(PARA), P("Clara Huxley is a reporter covering the coast.")};
    CHECK_INT((int)drop_end_lines(bio, 0, 3, "Clara Huxley", 0), 2);
    const gisa_block runs[] = {P(PARA), H("Add-on channels"), H("International")};
    CHECK_INT((int)drop_end_lines(runs, 0, 3, NULL, 1), 3);
}

#define IMG {GISA_BLOCK_IMAGE, 0, "", "spinner.gif", NULL, 0, 0, 0, NULL}
#define CUT(s) P(s " Harbour crews worked through the night to clear the slipway before the " \
                  "morning tide, and the first boats were back out by si...")

/* Other stories' excerpts cut off with an ellipsis under the article. */
static void test_teasers(void)
{
    const gisa_block grid[] = {P(PARA), P(PARA), P(PARA), P(PARA),
                               P("Further information: 555 0134, harbour@example.org"),
                               IMG, CUT("THE LIFEBOAT crew was called out twice."), IMG,
                               CUT("FERRY fares rise in spring."), H("Council news"),
                               CUT("THE COUNCIL met on Monday.")};
    /* the run of excerpts, their pictures and headlines go; the
     * article's closing contact line stays */
    CHECK_INT((int)drop_end_lines(grid, 0, 11, NULL, 1), 5);
    /* one cut excerpt is no grid */
    CHECK_INT((int)drop_end_lines(grid, 0, 8, NULL, 1), 8);
    /* more excerpts than prose: cut only on a page that says it is an article */
    const gisa_block many[] = {P(PARA), P(PARA), P(PARA), P(PARA), CUT("A."), CUT("B."),
                               CUT("C."), CUT("D."), CUT("E.")};
    CHECK_INT((int)drop_end_lines(many, 0, 9, NULL, 1), 4);
    CHECK_INT((int)drop_end_lines(many, 0, 9, NULL, 0), 9);
    /* a listing of teasers, excerpts all down the page: kept */
    const gisa_block listing[] = {P(PARA), CUT("A."), P(PARA), P(PARA), P(PARA), P(PARA),
                                  CUT("B."), CUT("C.")};
    CHECK_INT((int)drop_end_lines(listing, 0, 8, NULL, 1), 8);
}

int main(void)
{
    test_teasers();
    test_openers();
    test_article_end();
    test_repeated_titles();
    test_form_response();
    test_head_lines();
    test_end_lines();
    CHECK_DONE();
}
