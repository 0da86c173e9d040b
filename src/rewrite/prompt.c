/* prompt.c - the prompt template: three parts ([system], [section],
 * [retry]) with {{placeholders}}. The built-in one is src/rewrite/prompt.txt,
 * compiled in and installed; --prompt FILE replaces it. A template is
 * checked when read, so a misspelt placeholder is an error at once, not
 * a silently literal "{{sourse}}" in every request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "rewrite.h"

static const char *const known[] = {"voice",     "title",    "source",  "paragraphs",
                                    "facts",     "sentence", "problems"};

const char *gisa_rewrite_default_prompt(void)
{
    return rewrite_prompt_text;
}

const char *voice_instruction(gisa_voice v)
{
    switch (v) {
    case GISA_VOICE_BLOG:
        return "블로그 글처럼 친근한 해요체(…해요, …했어요)로, 쉬운 말로 쓰세요.";
    case GISA_VOICE_BLOG_FORMAL:
        return "블로그 글처럼 읽기 쉬운 합니다체(…합니다, …했습니다)로 쓰세요.";
    case GISA_VOICE_NEWS:
        return "신문 기사처럼 간결한 해라체(…했다, …이다)로 쓰세요.";
    case GISA_VOICE_PLAIN:
        return "어려운 한자어와 행정 용어를 쉬운 말로 풀어, 짧은 문장의 합니다체로 쓰세요.";
    }
    return "";
}

const char *gisa_voice_name(gisa_voice v)
{
    switch (v) {
    case GISA_VOICE_BLOG: return "blog";
    case GISA_VOICE_BLOG_FORMAL: return "blog-formal";
    case GISA_VOICE_NEWS: return "news";
    case GISA_VOICE_PLAIN: return "plain";
    }
    return "blog";
}

/* Every {{name}} in s must be one we fill. */
static int check_placeholders(const char *s, const char *part, gisa_error *err)
{
    for (const char *p = strstr(s, "{{"); p; p = strstr(p + 2, "{{")) {
        const char *end = strstr(p + 2, "}}");
        size_t n = end ? (size_t)(end - p - 2) : 0;
        int ok = 0;
        for (size_t i = 0; end && i < sizeof known / sizeof *known; i++)
            ok |= strlen(known[i]) == n && !strncmp(p + 2, known[i], n);
        if (!ok) {
            gisa_fail(err, GISA_ERR_USAGE,
                      "prompt template: [%s] has an unknown placeholder \"%.*s\" (known: "
                      "voice, title, source, paragraphs, facts, sentence, problems)",
                      part, (int)(end ? n + 4 : strcspn(p, "\n")), p);
            return 0;
        }
    }
    return 1;
}

/* The text of part `name`: from the line after "[name]" to the next part's
 * line or the end, blank lines at both ends trimmed. */
static char *part_of(const char *text, const char *name)
{
    char head[32];
    snprintf(head, sizeof head, "[%s]\n", name);
    const char *p = text;
    while (p && strncmp(p, head, strlen(head)))
        p = (p = strchr(p, '\n')) ? p + 1 : NULL;
    if (!p)
        return NULL;
    p += strlen(head);
    const char *end = p;
    while (*end && !(end[0] == '[' && (end == p || end[-1] == '\n') &&
                     (!strncmp(end, "[system]\n", 9) || !strncmp(end, "[section]\n", 10) ||
                      !strncmp(end, "[retry]\n", 8) || !strncmp(end, "[title]\n", 8) ||
                      !strncmp(end, "[excerpt]\n", 10))))
        end = strchr(end, '\n') ? strchr(end, '\n') + 1 : end + strlen(end);
    while (*p == '\n')
        p++;
    while (end > p && (end[-1] == '\n' || end[-1] == ' '))
        end--;
    return strndup(p, (size_t)(end - p));
}

gisa_status prompt_parse(const char *text, prompt_template *t, gisa_error *err)
{
    memset(t, 0, sizeof t[0]);
    static const char *const names[] = {"system", "section", "retry", "title", "excerpt"};
    char **slots[] = {&t->system, &t->section, &t->retry, &t->title, &t->excerpt};
    for (int i = 0; i < 5; i++) {
        *slots[i] = part_of(text, names[i]);
        if (i >= 3 && !*slots[i])
            continue; /* [title] and [excerpt] are optional */
        if (!*slots[i] || !**slots[i]) {
            prompt_clear(t);
            return gisa_fail(err, GISA_ERR_USAGE,
                             "prompt template: no [%s] part (a line \"[%s]\" and its text); "
                             "see docs/rewrite.md",
                             names[i], names[i]);
        }
        if (!check_placeholders(*slots[i], names[i], err)) {
            prompt_clear(t);
            return GISA_ERR_USAGE;
        }
    }
    return GISA_OK;
}

void prompt_clear(prompt_template *t)
{
    free(t->system);
    free(t->section);
    free(t->retry);
    free(t->title);
    free(t->excerpt);
    memset(t, 0, sizeof t[0]);
}

void prompt_fill(const char *part, const char *const *names, const char *const *values,
                 size_t n, buf *out)
{
    const char *p = part;
    for (const char *q; (q = strstr(p, "{{"));) {
        buf_append(out, p, (size_t)(q - p));
        const char *end = strstr(q, "}}");
        size_t len = end ? (size_t)(end - q - 2) : 0, i = 0;
        while (i < n && !(strlen(names[i]) == len && !strncmp(q + 2, names[i], len)))
            i++;
        if (!end || i == n) { /* unchecked text: left as written */
            buf_append(out, q, 2);
            p = q + 2;
            continue;
        }
        buf_puts(out, values[i] ? values[i] : "");
        p = end + 2;
    }
    buf_puts(out, p);
}
