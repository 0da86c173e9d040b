/* xmlapi.c - libxml2, loaded by the first HTML page, HWPX part or feed
 * (xmlapi.h). */
#define XMLAPI_NO_REDIRECT /* the list is checked against libxml2's own names */
#include "xmlapi.h"

LAZYLIB_DEFINE(xml_api, xml_api, XML_FUNCS, GISA_XML_SONAME, "libxml2",
               "reading HTML and XML")
