#include <sys/socket.h>
#include <netdb.h>

int v4_only(void)
{
    // ruleid: v6lint.c.af-inet-socket
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    return fd;
}

int v4_pf(void)
{
    // ruleid: v6lint.c.af-inet-socket
    return socket(PF_INET, SOCK_DGRAM, IPPROTO_UDP);
}

int per_family(int want6)
{
    int fd;
    if (want6 == AF_INET6)
        fd = socket(AF_INET6, SOCK_STREAM, 0);
    else
        // ok: v6lint.c.af-inet-socket
        fd = socket(AF_INET, SOCK_STREAM, 0);
    return fd;
}

int by_switch(struct addrinfo *p)
{
    switch (p->ai_family) {
    case AF_INET:
        // ok: v6lint.c.af-inet-socket
        return socket(AF_INET, SOCK_STREAM, 0);
    case AF_INET6:
        return socket(AF_INET6, SOCK_STREAM, 0);
    }
    return -1;
}

int from_results(struct addrinfo *res)
{
    struct addrinfo *p;
    for (p = res; p != NULL; p = p->ai_next) {
        // ok: v6lint.c.af-inet-socket
        int fd = socket(p->ai_family, p->ai_socktype, p->ai_protocol);
        if (fd >= 0)
            return fd;
    }
    return -1;
}

int unix_sock(void)
{
    // ok: v6lint.c.af-inet-socket
    return socket(AF_UNIX, SOCK_STREAM, 0);
}

SOCKET win(void)
{
    // ruleid: v6lint.c.af-inet-socket
    return WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0);
}

static int listen_fd(struct addrinfo *ai)
{
    // ruleid: v6lint.c.af-inet-socket
    int fd = lib_socket_(ai ? ai->ai_family : AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    return fd;
}

static int probe_fd(void)
{
    // ruleid: v6lint.c.af-inet-socket
    return socket(have_addr ? addr_family : AF_INET, SOCK_DGRAM, 0);
}

static int dns_fd(void)
{
    // ruleid: v6lint.c.af-inet-socket
    return net_create_socket(AF_INET, SOCK_DGRAM, 0);
}

static int family_fd(const struct sockaddr *sa)
{
    // ok: v6lint.c.af-inet-socket
    return lib_socket_(sa->sa_family, SOCK_STREAM, 0);
}

static int setting(void)
{
    // ok: v6lint.c.af-inet-socket
    return set_socket_option(AF_INET, IP_TTL, 64);
}

/* socketpair() stand-in for Windows over 127.0.0.1. */
int win_socketpair(int family, int type, int proto, int fds[2])
{
    // ok: v6lint.c.af-inet-socket
    int lst = socket(AF_INET, type, 0);
    return loopback_pair(lst, fds);
}
