/* arena.h - one region of memory per document, freed at once. */
#ifndef GISA_ARENA_H
#define GISA_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;
    size_t total; /* bytes held, for limits and benchmarks */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);

/* Allocate `n` bytes aligned for any type; NULL only when out of memory. */
void *arena_alloc(arena *a, size_t n);
void *arena_calloc(arena *a, size_t count, size_t size);
/* Copy `n` bytes and add a NUL. */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);

#endif
