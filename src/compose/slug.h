/* slug.h - file-name slugs for posts. */
#ifndef GISA_SLUG_H
#define GISA_SLUG_H

#include "../util/buf.h"

#define SLUG_MAX 60 /* bytes; long enough to tell posts apart */

/* Append a slug of `title`: Hangul romanised (Revised Romanization), ASCII
 * letters and digits lower-cased, everything else a single hyphen. Never
 * empty ("post" when nothing is left), never holds a path separator. */
void slug_romanize(buf *out, const char *title);

#endif
