#include <stdio.h>

void endpoint(char *buf, size_t n, const char *host, int port)
{
    // ruleid: v6lint.c.host-port-format
    snprintf(buf, n, "%s:%d", host, port);
}

void url(char *buf, size_t n, const char *server_name, unsigned port)
{
    // ruleid: v6lint.c.host-port-format
    snprintf(buf, n, "http://%s:%u/status", server_name, port);
}

void where(char *buf, size_t n, const char *file, int line)
{
    // ok: v6lint.c.host-port-format
    snprintf(buf, n, "%s:%d", file, line);
}

void bracketed(char *buf, size_t n, const char *host, int port)
{
    // ok: v6lint.c.host-port-format
    snprintf(buf, n, "[%s]:%d", host, port);
}
