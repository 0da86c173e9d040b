/* mhdapi.h - the libmicrohttpd functions the review desk calls, loaded by
 * desk_run: libmicrohttpd brings GnuTLS and its dozen libraries into every
 * gisa process otherwise (util/lazylib.h). The calls go through MH(name). */
#ifndef GISA_MHDAPI_H
#define GISA_MHDAPI_H

#include <sys/socket.h>

#include <microhttpd.h>

#include "../util/lazylib.h"

#define MHD_FUNCS(X)                                                               \
    X(struct MHD_Daemon *, MHD_start_daemon,                                       \
      (unsigned int, uint16_t, MHD_AcceptPolicyCallback, void *,                   \
       MHD_AccessHandlerCallback, void *, ...))                                    \
    X(void, MHD_stop_daemon, (struct MHD_Daemon *))                                \
    X(const union MHD_DaemonInfo *, MHD_get_daemon_info,                           \
      (struct MHD_Daemon *, enum MHD_DaemonInfoType, ...))                         \
    X(const char *, MHD_lookup_connection_value,                                   \
      (struct MHD_Connection *, enum MHD_ValueKind, const char *))                 \
    X(enum MHD_Result, MHD_queue_response,                                         \
      (struct MHD_Connection *, unsigned int, struct MHD_Response *))              \
    X(void, MHD_suspend_connection, (struct MHD_Connection *))                     \
    X(void, MHD_resume_connection, (struct MHD_Connection *))                      \
    X(struct MHD_Response *, MHD_create_response_from_buffer,                      \
      (size_t, void *, enum MHD_ResponseMemoryMode))                               \
    X(enum MHD_Result, MHD_add_response_header,                                    \
      (struct MHD_Response *, const char *, const char *))                         \
    X(void, MHD_destroy_response, (struct MHD_Response *))

typedef struct mhd_api {
    LAZYLIB_FIELDS(MHD_FUNCS)
} mhd_api;
LAZYLIB_DECLARE(mhd_api, mhd_api)

#define MH(name) (mhd_api_loaded()->name)

#endif
