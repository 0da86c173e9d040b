/* fuzz_http - what fetching reads from a server without a parser of
 * libcurl's: any bytes as a Retry-After value (delay-seconds or one of the
 * three HTTP-date forms), and the first 16 bytes as an IPv6 address and
 * the first 4 as an IPv4 one, judged by the address table. */
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *value = malloc(size + 1);
    if (!value)
        return 0;
    memcpy(value, data, size);
    value[size] = '\0';
    double s = fetch_retry_after(value, 784111777);
    if (!(s == -1 || s >= 0))
        abort(); /* a NaN or a negative wait must never come out */
    free(value);
    struct sockaddr_in6 in6;
    struct sockaddr_in in4;
    memset(&in6, 0, sizeof in6);
    memset(&in4, 0, sizeof in4);
    in6.sin6_family = AF_INET6;
    in4.sin_family = AF_INET;
    memcpy(&in6.sin6_addr, data, size < 16 ? size : 16);
    memcpy(&in4.sin_addr, data, size < 4 ? size : 4);
    netaddr_verdict v;
    char text[160];
    if (netaddr_refused(&in6, &v))
        netaddr_describe(&v, text, sizeof text);
    if (netaddr_refused(&in4, &v))
        netaddr_describe(&v, text, sizeof text);
    return 0;
}
