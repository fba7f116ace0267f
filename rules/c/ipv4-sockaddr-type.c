#include <netinet/in.h>

int serve(int fd)
{
    // ruleid: v6lint.c.ipv4-sockaddr-type
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    return accept(fd, (struct sockaddr *)&peer, &len);
}

struct conn {
    int fd;
    // ruleid: v6lint.c.ipv4-sockaddr-type
    struct in_addr remote;
};

union addr_any {
    // ok: v6lint.c.ipv4-sockaddr-type
    struct in_addr v4;
    struct in6_addr v6;
};

int serve_any(int fd)
{
    // ok: v6lint.c.ipv4-sockaddr-type
    struct sockaddr_storage peer;
    socklen_t len = sizeof peer;
    return accept(fd, (struct sockaddr *)&peer, &len);
}

const char *show(const struct sockaddr *sa, char *buf)
{
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
        return inet_ntop(AF_INET6, &s6->sin6_addr, buf, INET6_ADDRSTRLEN);
    }
    // ok: v6lint.c.ipv4-sockaddr-type
    const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;
    return inet_ntop(AF_INET, &s4->sin_addr, buf, INET6_ADDRSTRLEN);
}

void win(void)
{
    // ruleid: v6lint.c.ipv4-sockaddr-type
    SOCKADDR_IN service;
    // ruleid: v6lint.c.ipv4-sockaddr-type
    IPAddr dest;
    (void)service; (void)dest;
}

void mcast(int fd)
{
    // ruleid: v6lint.c.ipv4-sockaddr-type
    struct ip_mreq m;
    (void)m;
}

struct peer_info {
    int family;
    // ok: v6lint.c.ipv4-sockaddr-type
    struct in_addr a4;
    struct in6_addr a6;
};

/* The remaining wsipv6ok.h type names. */
void win_types(void)
{
    // ruleid: v6lint.c.ipv4-sockaddr-type
    IN_ADDR a;
    // ruleid: v6lint.c.ipv4-sockaddr-type
    PIN_ADDR pa;
    // ruleid: v6lint.c.ipv4-sockaddr-type
    LPIN_ADDR lpa;
    // ruleid: v6lint.c.ipv4-sockaddr-type
    PSOCKADDR_IN ps;
    // ruleid: v6lint.c.ipv4-sockaddr-type
    LPSOCKADDR_IN lps;
}

int ersatz_socketpair(int type, int fds[2])
{
    // ok: v6lint.c.ipv4-sockaddr-type
    struct sockaddr_in listen_addr;
    return pair_over(&listen_addr, type, fds);
}

/* A variant of a tagged address union: the union holds the IPv6 form too. */
struct addr_creds {
    // ok: v6lint.c.ipv4-sockaddr-type
    struct sockaddr_in sin;
    unsigned int uid;
};

union tagged_addr {
    struct sockaddr sa;
    struct sockaddr_in6 sin6;
    struct addr_creds creds;
};

/* A struct used in a union without any IPv6 member stays IPv4-only. */
struct v4_creds {
    // ruleid: v6lint.c.ipv4-sockaddr-type
    struct sockaddr_in sin;
    unsigned int uid;
};

union v4_only_addr {
    struct sockaddr sa;
    struct v4_creds creds;
};

/* An IPv6-capable union next to it that does not contain the struct. */
struct lone_peer {
    // ruleid: v6lint.c.ipv4-sockaddr-type
    struct sockaddr_in sin;
};

union other_addr {
    struct sockaddr_in6 sin6;
    struct sockaddr sa;
};
