/* slug.h - file-name slugs for posts. */
#ifndef GISA_SLUG_H
#define GISA_SLUG_H

#include "../util/buf.h"

#define SLUG_MAX 60 /* bytes; long enough to tell posts apart */

/* Append a slug of `title`: Hangul romanised (Revised Romanization), ASCII
 * letters and digits lower-cased, everything else a single hyphen. Never
 * empty ("post" when nothing is left), never holds a path separator. */
void slug_romanize(buf *out, const char *title);
/* The same with Hangul syllables kept as they are (Jekyll's own style). */
void slug_hangul(buf *out, const char *title);
/* The article id of a source URL: the value of an id-like query parameter
 * (newsId=148950123, aid=..., idxno=...) or the last path segment with
 * digits. Returns 0, writing nothing, when there is none. */
int slug_from_url(buf *out, const char *url);

#endif
