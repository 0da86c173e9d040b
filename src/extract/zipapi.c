/* zipapi.c - libzip, loaded on the first HWPX document (zipapi.h). */
#include "zipapi.h"

LAZYLIB_DEFINE(zip_api, zip_api, ZIP_FUNCS, GISA_ZIP_SONAME, "libzip4", "reading HWPX")
