/* yamlapi.c - libyaml, loaded by the first front matter written or read
 * (yamlapi.h). */
#include "yamlapi.h"

LAZYLIB_DEFINE(yaml_api, yaml_api, YAML_FUNCS, GISA_YAML_SONAME, "libyaml-0-2",
               "a post's front matter")
