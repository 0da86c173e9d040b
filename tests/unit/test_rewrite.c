/* test_rewrite.c - the rewrite stage's parts (issue #16): the prompt
 * template, the command splitter, answer cleaning, the response parser,
 * and gisa_rewrite through a model given as a function. */
#include <stdlib.h>

#include "check.h"
#include "rewrite/rewrite.h"

static const gisa_block body[] = {
    {GISA_BLOCK_PARAGRAPH, 0,
     "해양수산부는 올해 바다숲 54곳을 조성한다고 2026년 3월 12일 밝혔다.", NULL, NULL, 0, 0, 0, NULL},
    {GISA_BLOCK_PARAGRAPH, 0, "올해 사업에는 총 486억 원이 투입된다.", NULL, NULL, 0, 0, 10, NULL},
};

static gisa_document release(void)
{
    gisa_document d;
    memset(&d, 0, sizeof d);
    d.source_name = "release.html";
    d.title = "올해 바다숲 54곳 조성";
    d.date = "2026-03-12";
    d.lang = "ko";
    d.publisher = "해양수산부";
    d.license = "KOGL-1";
    d.blocks = body;
    d.nblocks = 2;
    return d;
}

static void test_template(void)
{
    prompt_template t;
    gisa_error err;
    CHECK_INT(prompt_parse(gisa_rewrite_default_prompt(), &t, &err), GISA_OK);
    CHECK(t.title && t.excerpt);
    CHECK_HAS(t.section, "{{source}}");
    CHECK_HAS(t.retry, "{{problems}}");
    buf out = BUF_INIT;
    const char *names[] = {"source", "voice"}, *values[] = {"SRC", "VOICE"};
    prompt_fill("a {{source}} b {{voice}} {{source}} {{", names, values, 2, &out);
    CHECK_STR(out.ptr, "a SRC b VOICE SRC {{");
    buf_free(&out);
    prompt_clear(&t);
    CHECK_INT(prompt_parse("[system]\nx\n[section]\n{{sourse}}\n[retry]\ny\n", &t, &err),
              GISA_ERR_USAGE);
    CHECK_HAS(err.message, "{{sourse}}");
    CHECK_INT(prompt_parse("[system]\nx\n[retry]\ny\n", &t, &err), GISA_ERR_USAGE);
    CHECK_HAS(err.message, "[section]");
    /* the optional parts may be left out */
    CHECK_INT(prompt_parse("[system]\nx\n[section]\n{{source}}\n[retry]\ny\n", &t, &err), GISA_OK);
    CHECK(!t.title && !t.excerpt);
    CHECK_STR(t.section, "{{source}}");
    prompt_clear(&t);
}

static void test_split_command(void)
{
    const char *why;
    char **w = split_command("  python3 'a b' \"c \\\" d\" e\\ f  ", &why);
    CHECK(w != NULL);
    if (w) {
        CHECK_STR(w[0], "python3");
        CHECK_STR(w[1], "a b");
        CHECK_STR(w[2], "c \" d");
        CHECK_STR(w[3], "e f");
        CHECK(w[4] == NULL);
    }
    free(w);
    CHECK(split_command("cat 'oops", &why) == NULL);
    CHECK_HAS(why, "not closed");
    CHECK(split_command("   ", &why) == NULL);
    w = split_command("$(rm -rf /) ; echo", &why); /* words, never run by a shell */
    CHECK(w && !strcmp(w[0], "$(rm") && !strcmp(w[3], ";"));
    free(w);
}

static void test_answer(void)
{
    arena mem;
    arena_init(&mem);
    answer_text a;
    answer_parse("<think>먼저 생각한다.</think>\n```\n# 제목\n**바다숲** 54곳을 만들어요.\n"
                 "- 486억 원이 들어가요.\n\n둘째 문단이에요.\n```\n",
                 &mem, &a);
    CHECK_INT(a.n, 3);
    CHECK_INT(a.paragraphs, 2);
    if (a.n == 3) {
        CHECK_STR(a.s[0].text, "바다숲 54곳을 만들어요.");
        CHECK_STR(a.s[1].text, "486억 원이 들어가요.");
        CHECK_INT(a.s[1].paragraph, 0);
        CHECK_INT(a.s[2].paragraph, 1);
    }
    answer_parse("<think>끝나지 않은 생각", &mem, &a);
    CHECK_INT(a.n, 0);
    arena_free(&mem);
}

static void test_response(void)
{
    gisa_error err;
    char *answer;
    const char *ok = "{\"choices\": [{\"message\": {\"content\": \"안녕\"}, \"finish_reason\": "
                     "\"stop\"}]}\n";
    CHECK_INT(llm_parse_answer("u", ok, strlen(ok), &answer, &err), GISA_OK);
    CHECK_STR(answer, "안녕");
    free(answer);
    const char *cut = "{\"choices\": [{\"message\": {\"content\": \"안\"}, \"finish_reason\": "
                      "\"length\"}]}";
    CHECK_INT(llm_parse_answer("u", cut, strlen(cut), &answer, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "token limit");
    const char *bad[] = {"", "{", "{\"choices\": []}", "{\"choices\": [{\"message\": {}}]}",
                         "{\"choices\": [{\"message\": {\"content\": 5}}]}", "[] trailing",
                         "{\"choices\": [{\"message\": {\"content\": \"a\"}}]} {}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        answer = NULL;
        CHECK_INT(llm_parse_answer("u", bad[i], strlen(bad[i]), &answer, &err), GISA_ERR_INPUT);
        CHECK(answer == NULL);
    }
}

/* A model: the section's source (after "원문:\n") with 했다/된다 softened;
 * with `bad`, 54곳 becomes 64곳 on every ask. Counts its calls. */
typedef struct fake {
    int bad, calls, fail;
} fake;

static gisa_status fake_model(void *ctx, const char *system, const char *prompt, char **answer,
                              gisa_error *err)
{
    fake *f = ctx;
    (void)system;
    f->calls++;
    if (f->fail) {
        snprintf(err->message, sizeof err->message, "fake: down");
        err->status = GISA_ERR_IO;
        return GISA_ERR_IO;
    }
    const char *sent = strstr(prompt, "고쳐 쓸 문장:\n");
    const char *src = sent ? sent + strlen("고쳐 쓸 문장:\n") : strstr(prompt, "원문:\n");
    if (!sent && src)
        src += strlen("원문:\n");
    if (strstr(prompt, "제목 한 줄"))
        src = "바다숲 54곳을 만들어요";
    char *a = strdup(src ? src : "");
    if (sent && a)
        a[strcspn(a, "\n")] = '\0';
    for (char *p; f->bad && a && (p = strstr(a, "54곳"));)
        p[0] = '6';
    *answer = a;
    return a ? GISA_OK : GISA_ERR_NOMEM;
}

static void test_rewrite_api(void)
{
    gisa_document d = release();
    gisa_error err;
    for (int bad = 0; bad < 2; bad++) {
        fake f = {bad, 0, 0};
        gisa_model *m;
        CHECK_INT(gisa_model_function(fake_model, &f, "fake", &m, &err), GISA_OK);
        gisa_rewrite_options ro = {.model = m, .voice = GISA_VOICE_NEWS};
        gisa_post post;
        gisa_rewrite_stats st;
        char *report = NULL;
        CHECK_INT(gisa_rewrite(&d, NULL, &ro, &post, &st, &report, &err), GISA_OK);
        CHECK_HAS(post.text, "  model: fake\n  voice: news\n");
        CHECK(!strstr(post.text, "64곳"));
        CHECK_HAS(report, "\"decisions\"");
        CHECK_INT(st.sections, 1);
        if (bad) { /* the lead, the title and the excerpt: sent back, then the source's */
            CHECK_INT(st.retried, 3);
            CHECK_INT(st.replaced, 3);
            CHECK_HAS(report, "64곳");
            CHECK_HAS(post.text, "title: 올해 바다숲 54곳 조성\n");
        } else {
            CHECK_INT(st.retried, 0);
            CHECK_HAS(post.text, "title: 바다숲 54곳을 만들어요\n");
        }
        gisa_free(report);
        gisa_post_clear(&post);
        /* strict: the bad model's post is refused */
        ro.strict = 1;
        gisa_status rc = gisa_rewrite(&d, NULL, &ro, &post, &st, NULL, &err);
        CHECK_INT(rc, bad ? GISA_ERR_UNSUPPORTED : GISA_OK);
        if (rc == GISA_OK)
            gisa_post_clear(&post);
        gisa_model_free(m);
    }
    /* a model that cannot be reached: asked once, the post is gisa_compose's */
    fake down = {0, 0, 1};
    gisa_model *m;
    CHECK_INT(gisa_model_function(fake_model, &down, "down", &m, &err), GISA_OK);
    gisa_rewrite_options ro = {.model = m};
    gisa_post post, plain;
    gisa_rewrite_stats st;
    CHECK_INT(gisa_rewrite(&d, NULL, &ro, &post, &st, NULL, &err), GISA_OK);
    CHECK_INT(down.calls, 1);
    CHECK_INT(st.failed, 1);
    CHECK_INT(gisa_compose(&d, NULL, &plain, &err), GISA_OK);
    const char *rbody = strstr(post.text, "\n---\n"), *pbody = strstr(plain.text, "\n---\n");
    CHECK(rbody && pbody && !strcmp(rbody, pbody));
    gisa_post_clear(&post);
    gisa_post_clear(&plain);
    gisa_model_free(m);
    /* licences that allow verbatim use only: refused */
    d.license = "KOGL-4";
    CHECK_INT(gisa_rewrite(&d, NULL, &ro, &post, &st, NULL, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "verbatim");
}

int main(void)
{
    test_template();
    test_split_command();
    test_answer();
    test_response();
    test_rewrite_api();
    CHECK_DONE();
}
