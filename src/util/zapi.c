/* zapi.c - zlib, loaded by the first gzip, HWP, WARC or .jsonl.gz it
 * reads or writes (zapi.h). */
#define ZAPI_NO_REDIRECT /* the list is checked against zlib's own names */
#include "zapi.h"

LAZYLIB_DEFINE(z_api, z_api, Z_FUNCS, GISA_Z_SONAME, "zlib1g", "gzip, HWP and WARC")
