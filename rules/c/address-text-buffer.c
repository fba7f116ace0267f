#include <arpa/inet.h>
#include <netdb.h>

#define PEER_IP_LEN 46
// ruleid: v6lint.c.address-text-buffer
#define NODE_IPLEN INET_ADDRSTRLEN /* address string length */
// ok: v6lint.c.address-text-buffer
#define IPV4_TEXT_LEN INET_ADDRSTRLEN

sds client_info(struct client *c)
{
    int port = 0;
    // ruleid: v6lint.c.address-text-buffer
    char ip[32], flags[16];
    net_peer_to_string(c->fd, ip, sizeof(ip), &port);
    return sdscatprintf(sdsempty(), "addr=%s:%d flags=%s", ip, port, flags);
}

struct upstream *create_upstream(char *hostname, int port)
{
    // ruleid: v6lint.c.address-text-buffer
    char buf[32];
    if (netResolve(NULL, hostname, buf, sizeof(buf)) == -1)
        return NULL;
    return upstream_new(buf, port);
}

void log_peer(const struct sockaddr *sa, socklen_t len)
{
    // ruleid: v6lint.c.address-text-buffer
    char host[40];
    if (getnameinfo(sa, len, host, sizeof host, NULL, 0, NI_NUMERICHOST) == 0)
        log_info("peer %s", host);
}

void describe(const struct sockaddr_storage *ss, const void *addr)
{
    // ruleid: v6lint.c.address-text-buffer
    char text[INET_ADDRSTRLEN];
    if (ss->ss_family != AF_INET && ss->ss_family != AF_INET6)
        return;
    inet_ntop(ss->ss_family, addr, text, sizeof text);
    puts(text);
}

/* The family is the IPv4 constant: 16 bytes are enough. */
void v4_only(const struct in_addr *a)
{
    // ok: v6lint.c.address-text-buffer
    char dotted[16];
    inet_ntop(AF_INET, a, dotted, sizeof(dotted));
    puts(dotted);
}

/* Wide enough. */
void wide(struct client *c)
{
    int port;
    // ok: v6lint.c.address-text-buffer
    char ip[64];
    net_peer_to_string(c->fd, ip, sizeof(ip), &port);
}

/* A small buffer for something that is no address. */
void flags_text(struct client *c)
{
    // ok: v6lint.c.address-text-buffer
    char flags[16];
    client_flags_to_string(c, flags, sizeof(flags));
}

/* A host name lookup into a large buffer, numeric only not asked. */
void reverse(const struct sockaddr *sa, socklen_t len)
{
    // ok: v6lint.c.address-text-buffer
    char name[32];
    getnameinfo(sa, len, name, sizeof name, NULL, 0, NI_NAMEREQD);
}

/* Per-family branches, each with its own buffer. */
void both(int family, const void *a)
{
    char b6[INET6_ADDRSTRLEN];
    // ok: v6lint.c.address-text-buffer
    char b4[INET_ADDRSTRLEN];
    if (family == AF_INET6)
        inet_ntop(AF_INET6, a, b6, sizeof b6);
    else if (family == AF_INET)
        inet_ntop(family, a, b4, sizeof b4);
}
