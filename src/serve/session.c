/* session.c - sessions and their CSRF tokens. A session is made when the
 * page is loaded (an HttpOnly, SameSite=Strict cookie); its token goes
 * into the page and must come back in X-CSRF-Token with every request
 * that changes anything. The table is bounded: the oldest session is
 * forgotten first (its page asks to be reloaded). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "serve.h"

#define MAX_SESSIONS 256

typedef struct session {
    char sid[33], token[33];
} session;

struct sessions {
    pthread_mutex_t lock;
    session s[MAX_SESSIONS];
    size_t n, next; /* filled slots; the slot the next session takes */
};

sessions *sessions_new(void)
{
    sessions *s = calloc(1, sizeof *s);
    if (s)
        pthread_mutex_init(&s->lock, NULL);
    return s;
}

void sessions_free(sessions *s)
{
    if (!s)
        return;
    pthread_mutex_destroy(&s->lock);
    free(s);
}

/* 16 random bytes as 32 hex digits, from the kernel's generator. */
static int random_hex(char out[33])
{
    unsigned char b[16];
    size_t got = 0;
    while (got < sizeof b) {
        ssize_t n = getrandom(b + got, sizeof b - got, 0);
        if (n <= 0)
            return 0;
        got += (size_t)n;
    }
    for (size_t i = 0; i < sizeof b; i++)
        snprintf(out + 2 * i, 3, "%02x", b[i]);
    return 1;
}

int session_create(sessions *s, char sid[33], char token[33])
{
    if (!random_hex(sid) || !random_hex(token))
        return 0;
    pthread_mutex_lock(&s->lock);
    session *slot = &s->s[s->next];
    memcpy(slot->sid, sid, 33);
    memcpy(slot->token, token, 33);
    s->next = (s->next + 1) % MAX_SESSIONS;
    if (s->n < MAX_SESSIONS)
        s->n++;
    pthread_mutex_unlock(&s->lock);
    return 1;
}

int session_token(sessions *s, const char *sid, char token[33])
{
    int found = 0;
    if (strlen(sid) != 32)
        return 0;
    pthread_mutex_lock(&s->lock);
    for (size_t i = 0; i < s->n && !found; i++)
        if (!memcmp(s->s[i].sid, sid, 33)) {
            memcpy(token, s->s[i].token, 33);
            found = 1;
        }
    pthread_mutex_unlock(&s->lock);
    return found;
}

int session_check(sessions *s, const char *sid, const char *given)
{
    char token[33];
    if (!sid || !given || !session_token(s, sid, token) || strlen(given) != 32)
        return 0;
    unsigned diff = 0; /* every byte compared: no timing hint */
    for (size_t i = 0; i < 32; i++)
        diff |= (unsigned)(token[i] ^ given[i]);
    return diff == 0;
}
