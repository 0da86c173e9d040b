/* encoding.c - decide a page's encoding and convert it to UTF-8.
 *
 * Order of evidence: a byte-order mark; then the bytes themselves, since
 * text that is valid UTF-8 and holds multi-byte sequences is UTF-8 whatever
 * a <meta> tag claims (mislabelled pages are common); then the declared
 * charset (Content-Type, <meta>); then uchardet. Undeclared text that is
 * overwhelmingly valid UTF-8 but holds a few invalid bytes is corrupt, and
 * is refused rather than guessed at; declared as a legacy charset, it is
 * read as the UTF-8 it is, the bad bytes each a U+FFFD. UTF-8 that was once decoded as
 * Windows-1252 and encoded again is put back (mojibake.c). */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "extract.h"
#include "uchardetapi.h"

#define SNIFF_BYTES 8192

/* Copy the charset named after "charset=" in s[0..n) into name. */
static int find_charset_param(const char *s, size_t n, char *name, size_t cap)
{
    static const char key[] = "charset";
    for (size_t i = 0; i + sizeof key - 1 < n; i++) {
        if (strncasecmp(s + i, key, sizeof key - 1) != 0)
            continue;
        size_t j = i + sizeof key - 1;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j >= n || s[j] != '=')
            continue;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
            j++;
        size_t k = 0;
        while (j < n && k + 1 < cap &&
               (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_' ||
                s[j] == ':' || s[j] == '.'))
            name[k++] = s[j++];
        name[k] = '\0';
        if (k > 0)
            return 1;
    }
    return 0;
}

/* Labels browsers treat as a superset are converted as the superset. */
static const char *iconv_name(const char *label)
{
    static const struct { const char *label, *name; } map[] = {
        {"euc-kr", "CP949"},      {"ks_c_5601-1987", "CP949"},
        {"ksc5601", "CP949"},     {"uhc", "CP949"},
        {"iso-8859-1", "CP1252"}, {"latin1", "CP1252"},
        {"us-ascii", "CP1252"},   {"ascii", "CP1252"},
        {"gb2312", "GB18030"},    {"gbk", "GB18030"},
        {"shift_jis", "CP932"},   {"sjis", "CP932"},
        {"x-sjis", "CP932"},      {"iso-8859-9", "CP1254"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(label, map[i].label) == 0)
            return map[i].name;
    return label;
}

static int is_utf8_label(const char *label)
{
    return strcasecmp(label, "utf-8") == 0 || strcasecmp(label, "utf8") == 0;
}

/* Convert with iconv, writing U+FFFD for each byte it cannot map. */
static int convert(const unsigned char *in, size_t len, const char *from, buf *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return 0;
    char *src = (char *)in;
    size_t left = len;
    while (left > 0) {
        if (!buf_reserve(out, left * 2 + 16))
            break;
        char *dst = out->ptr + out->len;
        size_t room = out->cap - out->len - 1;
        size_t rc = iconv(cd, &src, &left, &dst, &room);
        out->len = (size_t)(dst - out->ptr);
        if (rc != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        /* EILSEQ or EINVAL (truncated at the end): skip one byte. */
        buf_append(out, "\xEF\xBF\xBD", 3);
        src++;
        left--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    if (out->ptr)
        out->ptr[out->len] = '\0';
    return !out->oom;
}

/* uchardet's guess into name; NULL when it has none, or when uchardet
 * cannot be loaded (*why then says so). */
static const char *detect(const unsigned char *s, size_t len, char *name, size_t cap,
                          const char **why)
{
    if (!uchardet_api_get(why))
        return NULL;
    uchardet_t ud = UD(uchardet_new)();
    if (!ud)
        return NULL;
    const char *found = NULL;
    if (UD(uchardet_handle_data)(ud, (const char *)s, len) == 0) {
        UD(uchardet_data_end)(ud);
        const char *cs = UD(uchardet_get_charset)(ud);
        if (cs && *cs) {
            snprintf(name, cap, "%s", cs);
            found = name;
        }
    }
    UD(uchardet_delete)(ud);
    return found;
}

/* Refuse data that is plainly not text: NUL bytes or many control bytes. */
static int looks_binary(const unsigned char *s, size_t len)
{
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, ctl = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 0)
            return 1;
        if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' &&
            s[i] != '\f' && s[i] != 0x1b)
            ctl++;
    }
    return ctl * 20 > n; /* over 5% control bytes */
}

/* A non-UTF-8 charset named by the Content-Type or the page itself. */
static const char *declared_legacy(const gisa_source *src, const unsigned char *s,
                                   size_t len, char *name, size_t cap)
{
    if (src->content_type &&
        find_charset_param(src->content_type, strlen(src->content_type), name, cap) &&
        !is_utf8_label(name))
        return name;
    if (find_charset_param((const char *)s, len < SNIFF_BYTES ? len : SNIFF_BYTES, name,
                           cap) &&
        !is_utf8_label(name))
        return name;
    return NULL;
}

/* The converted text is the result, with the double-encoded UTF-8 that
 * mojibake_likely() found in it put back (mojibake.c). */
static gisa_status finish_conv(decoded_text *out, int damaged)
{
    if (damaged) {
        out->conv.len = mojibake_repair(out->conv.ptr, out->conv.len);
        out->conv.ptr[out->conv.len] = '\0';
    }
    out->text = out->conv.ptr;
    out->len = out->conv.len;
    return GISA_OK;
}

gisa_status decode_utf8(const gisa_source *src, decoded_text *out, gisa_error *err)
{
    const char *label = input_label(src->name);
    const unsigned char *s = src->data;
    size_t len = src->len;
    char name[64];
    out->conv = (buf)BUF_INIT;

    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        const char *enc = s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        if (!convert(s + 2, len - 2, enc, &out->conv))
            return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", label);
        snprintf(out->encoding, sizeof out->encoding, "%s", enc);
        out->text = out->conv.ptr;
        out->len = out->conv.len;
        return GISA_OK;
    }
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        s += 3;
        len -= 3;
    }
    if (looks_binary(s, len))
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: binary data, not a web page or text", label);

    utf8_scan scan = utf8_check(s, len);
    if (scan.invalid == 0) {
        snprintf(out->encoding, sizeof out->encoding, "UTF-8");
        if (!mojibake_likely((const char *)s, len)) {
            out->text = (const char *)s; /* no copy */
            out->len = len;
            return GISA_OK;
        }
        buf_append(&out->conv, (const char *)s, len);
        if (out->conv.oom)
            return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", label);
        return finish_conv(out, 1);
    }
    const char *enc = declared_legacy(src, s, len, name, sizeof name);
    /* Legacy bytes (EUC-KR, ...) form valid UTF-8 pairs by chance, but far
     * fewer than they form invalid ones; text that is overwhelmingly valid
     * UTF-8 with a few bad bytes is corrupt UTF-8, unless declared otherwise. */
    int mostly_utf8 = scan.multibyte >= 10 * scan.invalid;
    if (!enc && mostly_utf8)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: invalid UTF-8 at byte %zu (%zu bad bytes in UTF-8 text)",
                         label, scan.first_error, scan.invalid);
    /* Declared legacy but overwhelmingly UTF-8 (a site moved to UTF-8 and
     * kept its old <meta>): the declaration is what is wrong, and reading
     * the bytes by it would turn every character into mojibake. They are
     * read as UTF-8, each invalid byte a U+FFFD where it stood. */
    if (enc && mostly_utf8)
        enc = "UTF-8";
    const char *why = NULL;
    if (!enc)
        enc = detect(s, len, name, sizeof name, &why);
    if (!enc && why)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: no encoding declared, and %s", label, why);
    if (!enc || (is_utf8_label(enc) && !mostly_utf8))
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: invalid UTF-8 at byte %zu and no other encoding fits",
                         label, scan.first_error);
    const char *iname = iconv_name(enc);
    if (!convert(s, len, iname, &out->conv)) {
        buf_free(&out->conv);
        return gisa_fail(err, GISA_ERR_INPUT, "%s: unsupported encoding '%s'", label, enc);
    }
    snprintf(out->encoding, sizeof out->encoding, "%s", enc);
    for (char *p = out->encoding; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return finish_conv(out, mojibake_likely(out->conv.ptr, out->conv.len));
}
