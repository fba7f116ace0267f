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

void prompt(char *buf, size_t n, const struct cfg *config)
{
    // ruleid: v6lint.c.host-port-format
    snprintf(buf, n, "cache %s:%d> ", config->hostip, config->hostport);
}

int log_prefix(char *dst, size_t n, const char *db, const char *user, const char *host, int port)
{
    // ruleid: v6lint.c.host-port-format
    return snprintf(dst, n, "%s/%s@%s:%d ", db, user, host, port);
}

void gossip(char *msg, size_t n, const char *ip, const struct srv *self)
{
    // ruleid: v6lint.c.host-port-format
    snprintf(msg, n, "%s:%d:%s:%llu", ip, self->port, self->id, self->epoch);
}

char *node_key(const char *addr, int port)
{
    // ruleid: v6lint.c.host-port-format
    return aprintf("node-%s:%u", addr, port);
}

/* The pair after the host is not what the colon joins. */
void located(char *buf, size_t n, const char *file, int line, const char *host, int port)
{
    // ok: v6lint.c.host-port-format
    snprintf(buf, n, "%s:%d: cannot reach %s port %d", file, line, host, port);
}

/* The IPv6 branch brackets the address. */
int log_prefix_fixed(char *dst, size_t n, const struct sock *s, const char *host, int port)
{
    if (sock_family(s) == AF_INET6)
        return snprintf(dst, n, "%p: [%s]:%d ", s, host, port);
    else
        // ok: v6lint.c.host-port-format
        return snprintf(dst, n, "%p: %s:%d ", s, host, port);
}

void status_line(char *buf, size_t n, const char *host, int port)
{
    // ok: v6lint.c.host-port-format
    snprintf(buf, n, "connected to [%s]:%d", host, port);
}

/* "%s:%d" with a count, not a port. */
void queue_stats(char *buf, size_t n, const char *server, int depth)
{
    // ok: v6lint.c.host-port-format
    snprintf(buf, n, "queue %s:%d", server, depth);
}
