/* pressheader.c - a Korean press release's first-page block. */
#include "office.h"

void press_header(doc *d)
{
    (void)d;
}
