#include <netinet/in.h>
#include <sys/socket.h>

int join(int fd, struct ip_mreq *m)
{
    // ruleid: v6lint.c.ipv4-socket-option
    return setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, m, sizeof *m);
}

int ttl(int fd)
{
    int t = 4;
    // ruleid: v6lint.c.ipv4-socket-option
    setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &t, sizeof t);
    // ok: v6lint.c.ipv4-socket-option
    return setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &t, sizeof t);
}

int hops(int fd, int family)
{
    int t = 4;
    if (family == AF_INET6)
        return setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &t, sizeof t);
    // ok: v6lint.c.ipv4-socket-option
    return setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &t, sizeof t);
}

int v6only(int fd)
{
    int off = 0;
    // ok: v6lint.c.ipv4-socket-option
    return setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
}

/* The remaining wsipv6ok.h option names. */
void more(int fd, void *v, int n)
{
    // ruleid: v6lint.c.ipv4-socket-option
    setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, v, n);
    // ruleid: v6lint.c.ipv4-socket-option
    setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, v, n);
    // ruleid: v6lint.c.ipv4-socket-option
    setsockopt(fd, IPPROTO_IP, IP_DROP_MEMBERSHIP, v, n);
    // ruleid: v6lint.c.ipv4-socket-option
    getsockopt(fd, IPPROTO_IP, IP_TTL, v, &n);
}
