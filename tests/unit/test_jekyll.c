/* test_jekyll.c - Jekyll posts: front matter read back with libyaml. */
#include <yaml.h>

#include "check.h"
#include "util.h"

static const gisa_block body[] = {
    {GISA_BLOCK_PARAGRAPH, 0, "해양수산부는 올해 바다숲 54곳을 조성한다고 밝혔다. 갯녹음을 막기 위해서다.",
     NULL, NULL, 0, 0, 0, NULL},
    {GISA_BLOCK_PARAGRAPH, 0, "# 샵으로 시작하는 둘째 문단", NULL, NULL, 0, 0, 100, NULL},
};

static gisa_document doc_titled(const char *title)
{
    gisa_document d;
    memset(&d, 0, sizeof d);
    d.source_name = "release.html";
    d.title = title;
    d.date = "2026-03-12";
    d.lang = "ko";
    d.publisher = "해양수산부";
    d.license = "KOGL-1";
    d.url = "https://www.korea.kr/briefing/pressReleaseView.do?newsId=1";
    d.blocks = body;
    d.nblocks = 2;
    return d;
}

/* The root mapping's value for `key` (a scalar, or a sequence's first
 * item) copied into out; 0 if absent. */
static int fm_value(yaml_document_t *y, const char *key, char *out, size_t cap)
{
    yaml_node_t *root = yaml_document_get_root_node(y);
    if (!root || root->type != YAML_MAPPING_NODE)
        return 0;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
         p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(y, p->key);
        yaml_node_t *v = yaml_document_get_node(y, p->value);
        if (!k || k->type != YAML_SCALAR_NODE || strcmp((char *)k->data.scalar.value, key))
            continue;
        if (v->type == YAML_SEQUENCE_NODE && v->data.sequence.items.start < v->data.sequence.items.top)
            v = yaml_document_get_node(y, *v->data.sequence.items.start);
        if (v->type != YAML_SCALAR_NODE)
            return 0;
        snprintf(out, cap, "%s", (char *)v->data.scalar.value);
        return 1;
    }
    return 0;
}

/* Split a post into front matter and body; parse the front matter. */
static int parse_post(const char *text, yaml_document_t *y, const char **body_out)
{
    if (strncmp(text, "---\n", 4) != 0)
        return 0;
    const char *end = strstr(text + 4, "\n---\n");
    if (!end)
        return 0;
    *body_out = end + 5;
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)text + 4, (size_t)(end + 1 - text - 4));
    int ok = yaml_parser_load(&p, y);
    yaml_parser_delete(&p);
    return ok;
}

static const char *const titles[] = {
    "바다숲 54곳 조성",
    "해수부: 바다숲 54곳 조성",
    "\"따옴표\"로 시작하는 제목",
    "'작은따옴표' 제목",
    "---",
    "--- 구분선처럼 시작",
    "# 해시로 시작",
    "제목 # 가운데 해시",
    "* 별표로 시작",
    "& 앰퍼샌드, ! 느낌표, % 퍼센트, @ 골뱅이",
    "[대괄호] {중괄호}",
    "yes",
    "null",
    "2026-03-12",
    "줄\n바꿈이 있는 제목",
    "탭\t있는 제목",
    "끝에 콜론:",
    "…말줄임표로 시작",
};

static void test_tricky_titles(void)
{
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        gisa_document d = doc_titled(titles[i]);
        gisa_post_options o;
        memset(&o, 0, sizeof o);
        o.format = GISA_POST_JEKYLL;
        gisa_post post;
        gisa_error err;
        if (gisa_compose(&d, &o, &post, &err) != GISA_OK) {
            fprintf(stderr, "compose failed for title \"%s\": %s\n", titles[i], err.message);
            check_failures++;
            continue;
        }
        yaml_document_t y;
        const char *rest = NULL;
        int ok = parse_post(post.text, &y, &rest);
        CHECK(ok);
        if (ok) {
            char v[512];
            /* A title cannot hold a line break; allow it folded to a space. */
            char want[512];
            snprintf(want, sizeof want, "%s", titles[i]);
            for (char *c = want; *c; c++)
                if (*c == '\n')
                    *c = ' ';
            CHECK(fm_value(&y, "title", v, sizeof v));
            if (strcmp(v, titles[i]) != 0 && strcmp(v, want) != 0) {
                fprintf(stderr, "title \"%s\" read back as \"%s\"\n", titles[i], v);
                check_failures++;
            }
            yaml_document_delete(&y);
        }
        CHECK(strncmp(post.filename, "2026-03-12-", 11) == 0);
        CHECK(strchr(post.filename, '/') == NULL);
        CHECK(strlen(post.filename) > 14 && !strcmp(post.filename + strlen(post.filename) - 3, ".md"));
        gisa_post_clear(&post);
    }
}

/* The style libyaml read the title in (plain, quoted...), or -1. */
static int title_style(const char *text)
{
    yaml_document_t y;
    const char *rest;
    if (!parse_post(text, &y, &rest))
        return -1;
    int style = -1;
    yaml_node_t *root = yaml_document_get_root_node(&y);
    for (yaml_node_pair_t *p = root && root->type == YAML_MAPPING_NODE
                                   ? root->data.mapping.pairs.start : NULL;
         p && p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(&y, p->key);
        yaml_node_t *v = yaml_document_get_node(&y, p->value);
        if (k && v && v->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, "title"))
            style = (int)v->data.scalar.style;
    }
    yaml_document_delete(&y);
    return style;
}

/* Issue #22: a title YAML 1.1 or 1.2 would read as a boolean, null, a
 * number, a date or a symbol is quoted (Jekyll showed "true", "31",
 * "Null"); other titles stay plain. */
static void test_titles_yaml_would_retype(void)
{
    static const char *const typed[] = {"yes", "Yes", "no", "on", "OFF", "y", "n", "true",
                                        "False", "null", "Null", "~", "0x1F", "0o17", "017",
                                        "1_000", "-12", "+5", ".5", "1e3", ".inf", ".NaN",
                                        "1:20", "2026-03-01", "2026-03-01 10:00:00", ":sym",
                                        "<<", "="};
    static const char *const plain[] = {"바다숲 54곳 조성", "2026년 3월 1일 발표", "Hello world",
                                        "yesterday", "nullable"};
    for (int want_plain = 0; want_plain < 2; want_plain++) {
        const char *const *list = want_plain ? plain : typed;
        size_t n = want_plain ? sizeof plain / sizeof *plain : sizeof typed / sizeof *typed;
        for (size_t i = 0; i < n; i++) {
            gisa_document d = doc_titled(list[i]);
            gisa_post_options o;
            memset(&o, 0, sizeof o);
            o.format = i % 2 ? GISA_POST_HUGO : GISA_POST_JEKYLL;
            o.no_check = 1;
            gisa_post post;
            gisa_error err;
            if (gisa_compose(&d, &o, &post, &err) != GISA_OK) {
                fprintf(stderr, "compose failed for title \"%s\": %s\n", list[i], err.message);
                check_failures++;
                continue;
            }
            int style = title_style(post.text);
            if ((style == YAML_PLAIN_SCALAR_STYLE) != want_plain) {
                fprintf(stderr, "title \"%s\" written %s\n", list[i],
                        want_plain ? "quoted" : "plain, where YAML reads it as no string");
                check_failures++;
            }
            gisa_post_clear(&post);
        }
    }
}

static void test_fields_and_body(void)
{
    gisa_document d = doc_titled("바다숲 54곳 조성");
    gisa_post_options o;
    memset(&o, 0, sizeof o);
    o.category = "정책: 해양";
    gisa_post post;
    gisa_error err;
    CHECK_INT(gisa_compose(&d, &o, &post, &err), GISA_OK);
    CHECK(strncmp(post.filename, "2026-03-12-badasup-54", 21) == 0);
    yaml_document_t y;
    const char *rest = NULL;
    CHECK(parse_post(post.text, &y, &rest));
    char v[512];
    CHECK(fm_value(&y, "date", v, sizeof v) && strncmp(v, "2026-03-12", 10) == 0);
    CHECK(fm_value(&y, "categories", v, sizeof v));
    CHECK_STR(v, "정책: 해양");
    CHECK(fm_value(&y, "source_url", v, sizeof v));
    CHECK_STR(v, d.url);
    CHECK(fm_value(&y, "source_org", v, sizeof v));
    CHECK_STR(v, "해양수산부");
    CHECK(fm_value(&y, "license", v, sizeof v));
    CHECK_STR(v, "KOGL-1");
    CHECK(fm_value(&y, "excerpt", v, sizeof v));
    CHECK_HAS(v, "바다숲 54곳을 조성한다고");
    yaml_document_delete(&y);
    /* The body may emphasise the lead sentence; compare without "**". */
    char plain[4096];
    size_t k = 0;
    for (const char *c = rest; c && *c && k + 1 < sizeof plain; c++)
        if (!(c[0] == '*' && c[1] == '*') && !(c > rest && c[-1] == '*' && c[0] == '*'))
            plain[k++] = *c;
    plain[k] = '\0';
    rest = plain;
    CHECK_HAS(rest, body[0].text);
    CHECK_HAS(rest, "\\# 샵으로 시작하는 둘째 문단"); /* not a heading */
    CHECK_HAS(rest, "해양수산부");                 /* attribution */
    CHECK_HAS(rest, "공공누리 제1유형");
    CHECK_INT(count_str(rest, body[0].text), 1); /* once in the body */
    gisa_post_clear(&post);
}

static void test_missing_title_or_date(void)
{
    /* No title, no heading and no body to take a lead sentence from. */
    gisa_document d = doc_titled(NULL);
    d.nblocks = 0;
    gisa_post post;
    gisa_error err;
    CHECK_INT(gisa_compose(&d, NULL, &post, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "release.html");
    CHECK(post.text == NULL);

    d = doc_titled("제목");
    d.date = NULL;
    CHECK_INT(gisa_compose(&d, NULL, &post, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "release.html");
    CHECK_HAS(err.message, "date");

    gisa_post_options o;
    memset(&o, 0, sizeof o);
    o.date = "2026-01-02";
    CHECK_INT(gisa_compose(&d, &o, &post, &err), GISA_OK);
    CHECK(post.filename && strncmp(post.filename, "2026-01-02-", 11) == 0);
    gisa_post_clear(&post);
}

int main(void)
{
    test_tricky_titles();
    test_titles_yaml_would_retype();
    test_fields_and_body();
    test_missing_title_or_date();
    CHECK_DONE();
}
