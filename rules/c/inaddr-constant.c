#include <netinet/in.h>
#include <string.h>

void listen_any(struct sockaddr_in *sin, int port)
{
    memset(sin, 0, sizeof *sin);
    sin->sin_family = AF_INET;
    // ruleid: v6lint.c.inaddr-constant
    sin->sin_addr.s_addr = htonl(INADDR_ANY);
    sin->sin_port = htons(port);
}

int is_local(unsigned long a)
{
    // ruleid: v6lint.c.inaddr-constant
    return a == htonl(INADDR_LOOPBACK);
}

void both(struct sockaddr_storage *ss, int family)
{
    if (family == AF_INET6) {
        ((struct sockaddr_in6 *)ss)->sin6_addr = in6addr_any;
    } else {
        // ok: v6lint.c.inaddr-constant
        ((struct sockaddr_in *)ss)->sin_addr.s_addr = htonl(INADDR_ANY);
    }
}

void v6(struct sockaddr_in6 *s)
{
    // ok: v6lint.c.inaddr-constant
    s->sin6_addr = in6addr_any;
}

int bcast(void)
{
    // ruleid: v6lint.c.inaddr-constant
    return INADDR_BROADCAST == 0;
}

int ersatz_socketpair(int type, int fds[2])
{
    struct sockaddr_in lo;
    memset(&lo, 0, sizeof(lo));
    // ok: v6lint.c.inaddr-constant
    lo.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return pair_over(&lo, type, fds);
}
