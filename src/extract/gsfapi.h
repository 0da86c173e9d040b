/* gsfapi.h - the libgsf and GLib functions the HWP reader calls, loaded
 * on the first HWP document (util/lazylib.h): libgsf brings GIO, GObject,
 * libxml2's and bzip2's loaders into every process otherwise. One handle,
 * on libgsf: dlsym finds GLib and GObject through it. extract_hwp calls
 * gsf_api_get; the calls after it go through GS(name). GObject's checking
 * macros (GSF_INFILE, G_VALUE_HOLDS_STRING...) call GLib by name, so the
 * reader spells out their checks with the table's functions instead. */
#ifndef GISA_GSFAPI_H
#define GISA_GSFAPI_H

#include <gsf/gsf-doc-meta-data.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-meta-names.h>
#include <gsf/gsf-msole-utils.h>
#include <gsf/gsf-timestamp.h>

#include "../util/lazylib.h"

#define GSF_FUNCS(X)                                                               \
    X(GsfInput *, gsf_input_memory_new, (guint8 const *, gsf_off_t, gboolean))     \
    X(GsfInfile *, gsf_infile_msole_new, (GsfInput *, GError **))                  \
    X(GType, gsf_infile_get_type, (void))                                          \
    X(int, gsf_infile_num_children, (GsfInfile *))                                 \
    X(GsfInput *, gsf_infile_child_by_name, (GsfInfile *, char const *))           \
    X(gsf_off_t, gsf_input_size, (GsfInput *))                                     \
    X(guint8 const *, gsf_input_read, (GsfInput *, size_t, guint8 *))              \
    X(GsfDocMetaData *, gsf_doc_meta_data_new, (void))                             \
    X(GError *, gsf_doc_meta_data_read_from_msole, (GsfDocMetaData *, GsfInput *)) \
    X(GsfDocProp *, gsf_doc_meta_data_lookup, (GsfDocMetaData const *, const char *)) \
    X(GValue const *, gsf_doc_prop_get_val, (GsfDocProp const *))                  \
    X(GType, gsf_timestamp_get_type, (void))                                       \
    X(gboolean, g_type_check_instance_is_a, (GTypeInstance *, GType))              \
    X(gboolean, g_type_check_value_holds, (const GValue *, GType))                 \
    X(const gchar *, g_value_get_string, (const GValue *))                         \
    X(gpointer, g_value_get_boxed, (const GValue *))                               \
    X(void, g_object_unref, (gpointer))                                            \
    X(void, g_error_free, (GError *))                                              \
    X(guint, g_log_set_handler, (const gchar *, GLogLevelFlags, GLogFunc, gpointer)) \
    X(void, g_log_default_handler,                                                 \
      (const gchar *, GLogLevelFlags, const gchar *, gpointer))                    \
    X(GDateTime *, g_date_time_new_from_unix_utc, (gint64))                        \
    X(gint, g_date_time_get_year, (GDateTime *))                                   \
    X(gint, g_date_time_get_month, (GDateTime *))                                  \
    X(gint, g_date_time_get_day_of_month, (GDateTime *))                           \
    X(void, g_date_time_unref, (GDateTime *))

typedef struct gsf_api {
    LAZYLIB_FIELDS(GSF_FUNCS)
} gsf_api;
LAZYLIB_DECLARE(gsf_api, gsf_api)

#define GS(name) (gsf_api_loaded()->name)

#endif
