/* gsfapi.c - libgsf, loaded on the first HWP document (gsfapi.h). */
#include "gsfapi.h"

LAZYLIB_DEFINE(gsf_api, gsf_api, GSF_FUNCS, GISA_GSF_SONAME, "libgsf-1-114", "reading HWP")
