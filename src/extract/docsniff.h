/* docsniff.h - is a response a document gisa reads? For the corpus
 * stage, which must not see the extract stage's internals. */
#ifndef GISA_DOCSNIFF_H
#define GISA_DOCSNIFF_H

#include <stddef.h>

/* 1 when `data` is an HWP 5, HWPX or PDF document by its first bytes. */
int is_document(const unsigned char *data, size_t len);

#endif
