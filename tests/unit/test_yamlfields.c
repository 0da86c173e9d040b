/* test_yamlfields.c - front-matter fields read from libyaml's events:
 * which fields are seen, which are skipped, and aliases refused. */
#include <stdlib.h>

#include "check.h"
#include "util/yamlfields.h"

typedef struct seen {
    char text[1024];
} seen;

static void collect(void *ctx, const char *key, const char *value, int nested)
{
    seen *s = ctx;
    size_t n = strlen(s->text);
    snprintf(s->text + n, sizeof s->text - n, "%s%s=%s;", nested ? "params." : "", key, value);
}

static int read_fields(const char *yaml, seen *s, yaml_fields_problem *p)
{
    memset(s, 0, sizeof *s);
    return yaml_fields_read(yaml, strlen(yaml), collect, s, p);
}

static void test_fields(void)
{
    seen s;
    yaml_fields_problem p;
    CHECK(read_fields("title: 제목\ndate: 2026-03-12\n", &s, &p));
    CHECK_STR(s.text, "title=제목;date=2026-03-12;");
    /* lists, other mappings and complex keys are skipped with their values;
     * params is read one level down */
    CHECK(read_fields("tags: [a, {b: c}, [d]]\n"
                      "other: {title: no}\n"
                      "? [complex, key]\n: value\n"
                      "params:\n  source_url: u\n  deep: {x: y}\n  source_hash: h\n"
                      "title: t\n",
                      &s, &p));
    CHECK_STR(s.text, "params.source_url=u;params.source_hash=h;title=t;");
    CHECK(read_fields("- a\n- b\n", &s, &p)); /* not a mapping: nothing */
    CHECK_STR(s.text, "");
    CHECK(read_fields("just text\n", &s, &p));
    CHECK_STR(s.text, "");
    CHECK(read_fields("", &s, &p));
    CHECK_STR(s.text, "");
}

static void test_refused(void)
{
    seen s;
    yaml_fields_problem p;
    CHECK(!read_fields("title: t\na: &x [1, 2]\nb: *x\n", &s, &p));
    CHECK(p.refused);
    CHECK_INT(p.line, 3);
    CHECK(strstr(p.what, "alias") != NULL);
    CHECK(!read_fields("title: [unclosed\n", &s, &p));
    CHECK(!p.refused);
    /* a billion laughs: refused at the first alias, whatever follows */
    char *big = malloc(200000);
    size_t n = (size_t)snprintf(big, 200000, "a0: &a0 [x, x]\n");
    for (int i = 1; n < 190000; i++)
        n += (size_t)snprintf(big + n, 200000 - n, "a%d: &a%d [*a%d, *a%d, *a%d]\n", i, i,
                              i - 1, i - 1, i - 1);
    memset(&s, 0, sizeof s);
    CHECK(!yaml_fields_read(big, n, collect, &s, &p));
    CHECK(p.refused);
    CHECK_INT(p.line, 2);
    free(big);
}

int main(void)
{
    test_fields();
    test_refused();
    CHECK_DONE();
}
