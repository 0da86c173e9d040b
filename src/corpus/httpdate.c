/* httpdate.c - Retry-After, read strictly (RFC 9110, 10.2.3).
 *
 * The value is either delay-seconds (digits only) or an HTTP-date in one
 * of its three forms: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the
 * obsolete RFC 850 form ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime's
 * ("Sun Nov  6 08:49:37 1994"). Anything else is no Retry-After at all:
 * strtod() would take "nan" (no backoff), "0x3" and "1e3", and a lenient
 * date parser guesses at garbage. */
#include <string.h>
#include <time.h>

#include "corpus.h"

/* Exactly `n` digits at *p, advanced past them. */
static int digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if ((*p)[i] < '0' || (*p)[i] > '9')
            return 0;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 1;
}

static int literal(const char **p, const char *s)
{
    size_t n = strlen(s);
    if (strncmp(*p, s, n) != 0)
        return 0;
    *p += n;
    return 1;
}

/* One of `names` (each `width` letters, or the full names given) at *p. */
static int name_index(const char **p, const char *const *names, int count)
{
    for (int i = 0; i < count; i++)
        if (literal(p, names[i]))
            return i;
    return -1;
}

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const long_days[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};

/* "HH:MM:SS" */
static int clock_time(const char **p, struct tm *tm)
{
    return digits(p, 2, &tm->tm_hour) && literal(p, ":") && digits(p, 2, &tm->tm_min) &&
           literal(p, ":") && digits(p, 2, &tm->tm_sec);
}

static int imf_fixdate(const char *p, struct tm *tm)
{
    return name_index(&p, days, 7) >= 0 && literal(&p, ", ") && digits(&p, 2, &tm->tm_mday) &&
           literal(&p, " ") && (tm->tm_mon = name_index(&p, months, 12)) >= 0 &&
           literal(&p, " ") && digits(&p, 4, &tm->tm_year) && literal(&p, " ") &&
           clock_time(&p, tm) && literal(&p, " GMT") && !*p;
}

static int rfc850_date(const char *p, struct tm *tm)
{
    if (!(name_index(&p, long_days, 7) >= 0 && literal(&p, ", ") &&
          digits(&p, 2, &tm->tm_mday) && literal(&p, "-") &&
          (tm->tm_mon = name_index(&p, months, 12)) >= 0 && literal(&p, "-") &&
          digits(&p, 2, &tm->tm_year) && literal(&p, " ") && clock_time(&p, tm) &&
          literal(&p, " GMT") && !*p))
        return 0;
    tm->tm_year += tm->tm_year < 70 ? 2000 : 1900; /* RFC 9110: a 50-year window, near enough */
    return 1;
}

static int asctime_date(const char *p, struct tm *tm)
{
    if (!(name_index(&p, days, 7) >= 0 && literal(&p, " ") &&
          (tm->tm_mon = name_index(&p, months, 12)) >= 0 && literal(&p, " ")))
        return 0;
    if (*p == ' ') { /* " 6" */
        p++;
        if (!digits(&p, 1, &tm->tm_mday))
            return 0;
    } else if (!digits(&p, 2, &tm->tm_mday)) {
        return 0;
    }
    return literal(&p, " ") && clock_time(&p, tm) && literal(&p, " ") &&
           digits(&p, 4, &tm->tm_year) && !*p;
}

/* Seconds since the epoch of an HTTP-date, or -1. */
static double http_date(const char *v)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!imf_fixdate(v, &tm) && !rfc850_date(v, &tm) && !asctime_date(v, &tm))
        return -1;
    if (tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
        tm.tm_sec > 60 || tm.tm_year < 1970)
        return -1;
    tm.tm_year -= 1900;
    time_t t = timegm(&tm);
    return t == (time_t)-1 ? -1 : (double)t;
}

double fetch_retry_after(const char *value, time_t now)
{
    if (!value)
        return -1;
    size_t len = strlen(value);
    while (len && (value[len - 1] == ' ' || value[len - 1] == '\t'))
        len--;
    while (len && (*value == ' ' || *value == '\t'))
        value++, len--;
    char v[64];
    if (len == 0 || len >= sizeof v)
        return -1;
    memcpy(v, value, len);
    v[len] = '\0';
    if (strspn(v, "0123456789") == len) {
        double s = 0;
        for (size_t i = 0; i < len && s < 1e9; i++) /* saturates: it is capped anyway */
            s = s * 10 + (v[i] - '0');
        return s;
    }
    double t = http_date(v);
    if (t < 0)
        return -1;
    double s = t - (double)now;
    return s > 0 ? s : 0;
}
