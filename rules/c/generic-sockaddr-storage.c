#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

struct conn {
    int sfd;
    // ruleid: v6lint.c.generic-sockaddr-storage
    struct sockaddr request_addr;
    socklen_t request_addr_size;
    // ok: v6lint.c.generic-sockaddr-storage
    struct sockaddr *bound;
};

int accept_client(int lfd)
{
    // ruleid: v6lint.c.generic-sockaddr-storage
    struct sockaddr addr;
    socklen_t len = sizeof(addr);
    return accept(lfd, &addr, &len);
}

int read_datagram(int fd, char *buf, size_t n)
{
    // ruleid: v6lint.c.generic-sockaddr-storage
    struct sockaddr from;
    socklen_t fromlen = sizeof from;
    return recvfrom(fd, buf, n, 0, (struct sockaddr *)&from, &fromlen);
}

int peer_of(int fd, struct sockaddr_storage *ss)
{
    // ruleid: v6lint.c.generic-sockaddr-storage
    socklen_t len = sizeof(struct sockaddr);
    return getpeername(fd, (struct sockaddr *)ss, &len);
}

int accept_any(int lfd, struct sockaddr_storage *ss)
{
    socklen_t len;
    // ruleid: v6lint.c.generic-sockaddr-storage
    len = sizeof(struct sockaddr);
    int cfd = accept(lfd, (struct sockaddr *)ss, &len);
    return cfd;
}

int bind_result(int fd, const struct addrinfo *ai)
{
    // ruleid: v6lint.c.generic-sockaddr-storage
    return bind(fd, ai->ai_addr, sizeof(struct sockaddr));
}

void remember(struct conn *c, const struct sockaddr *sa)
{
    // ruleid: v6lint.c.generic-sockaddr-storage
    memcpy(&c->request_addr, sa, sizeof(struct sockaddr));
}

/* Pointers and parameters of type struct sockaddr * are how every family is passed. */
int send_to(int fd, const void *buf, size_t n, const struct sockaddr *dst, socklen_t dstlen)
{
    // ok: v6lint.c.generic-sockaddr-storage
    const struct sockaddr *target = dst;
    return sendto(fd, buf, n, 0, target, dstlen);
}

int accept_storage(int lfd)
{
    // ok: v6lint.c.generic-sockaddr-storage
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    return accept(lfd, (struct sockaddr *)&ss, &len);
}

union sockaddr_any {
    // ok: v6lint.c.generic-sockaddr-storage
    struct sockaddr sa;
    struct sockaddr_in sin;
    struct sockaddr_in6 sin6;
};

/* An AF_UNSPEC connect dissolves a UDP socket's association: the sockaddr holds no address. */
int disconnect_udp(int fd)
{
    // ok: v6lint.c.generic-sockaddr-storage
    struct sockaddr sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_family = AF_UNSPEC;
    return connect(fd, &sa, sizeof sa);
}

/* IPv4-only code is reported by ipv4-sockaddr-type on its sockaddr_in, not here again. */
int bind4(int fd, unsigned short port)
{
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(port);
    // ok: v6lint.c.generic-sockaddr-storage
    return bind(fd, (struct sockaddr *)&sin, sizeof(struct sockaddr));
}

struct iface {
    char name[16];
    // ok: v6lint.c.generic-sockaddr-storage
    struct sockaddr hwaddr;
};

int accept_len(int lfd, struct sockaddr_storage *ss)
{
    // ok: v6lint.c.generic-sockaddr-storage
    socklen_t len = sizeof(struct sockaddr_storage);
    return accept(lfd, (struct sockaddr *)ss, &len);
}
