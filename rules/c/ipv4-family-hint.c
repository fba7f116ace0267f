#include <netdb.h>
#include <string.h>

int resolve4(const char *host, struct addrinfo **res)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    // ruleid: v6lint.c.ipv4-family-hint
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    return getaddrinfo(host, "80", &hints, res);
}

int resolve_ptr(const char *host, struct addrinfo *h, struct addrinfo **res)
{
    // ruleid: v6lint.c.ipv4-family-hint
    h->ai_family = PF_INET;
    return getaddrinfo(host, NULL, h, res);
}

int resolve_any(const char *host, struct addrinfo **res)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    // ok: v6lint.c.ipv4-family-hint
    hints.ai_family = AF_UNSPEC;
    return getaddrinfo(host, "80", &hints, res);
}

int resolve_choice(const char *host, int v6, struct addrinfo **res)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    if (v6)
        hints.ai_family = AF_INET6;
    else
        // ok: v6lint.c.ipv4-family-hint
        hints.ai_family = AF_INET;
    return getaddrinfo(host, "80", &hints, res);
}

int walk(struct addrinfo *res)
{
    struct addrinfo *p;
    int n = 0;
    for (p = res; p; p = p->ai_next)
        // ok: v6lint.c.ipv4-family-hint
        if (p->ai_family == AF_INET)
            n++;
    return n;
}

/* IPv4 first, AF_INET6 only when that lookup fails: dual-stack hosts never get IPv6. */
int connect_tcp(const char *addr, int port, struct addrinfo **servinfo)
{
    struct addrinfo hints;
    char service[6];
    int rv;
    snprintf(service, sizeof service, "%d", port);
    memset(&hints, 0, sizeof hints);
    // ruleid: v6lint.c.ipv4-family-hint
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if ((rv = getaddrinfo(addr, service, &hints, servinfo)) != 0) {
        hints.ai_family = AF_INET6;
        if ((rv = getaddrinfo(addr, service, &hints, servinfo)) != 0)
            return -1;
    }
    return 0;
}

/* The results loop handles AF_INET6, but the hint already dropped every AAAA record. */
int try_connect(const char *host, const char *port, int tls)
{
    struct addrinfo hints, *res, *rp;
    int fd = -1;
    memset(&hints, 0, sizeof hints);
    if (tls) {
        // ruleid: v6lint.c.ipv4-family-hint
        hints.ai_family = PF_INET;
    } else {
        hints.ai_family = PF_UNSPEC;
    }
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    for (rp = res; rp; rp = rp->ai_next) {
        if (rp->ai_family == AF_INET || rp->ai_family == AF_INET6) {
            fd = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
            if (fd >= 0 && connect(fd, rp->ai_addr, rp->ai_addrlen) == 0)
                break;
        }
    }
    freeaddrinfo(res);
    return fd;
}

/* A -4 / -6 command-line choice. */
int lookup_pref(const char *host, struct addrinfo **res, int prefer_ipv4)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    if (prefer_ipv4)
        // ok: v6lint.c.ipv4-family-hint
        hints.ai_family = AF_INET;
    return getaddrinfo(host, NULL, &hints, res);
}

/* One lookup per family, both kept. */
int lookup_both(const char *host, struct addrinfo **v4, struct addrinfo **v6)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    // ok: v6lint.c.ipv4-family-hint
    hints.ai_family = AF_INET;
    getaddrinfo(host, NULL, &hints, v4);
    hints.ai_family = AF_INET6;
    return getaddrinfo(host, NULL, &hints, v6);
}

int lookup_mode(const char *host, struct addrinfo **res, int mode)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    switch (mode) {
    case MODE_V4:
        // ok: v6lint.c.ipv4-family-hint
        hints.ai_family = AF_INET;
        break;
    case MODE_V6:
        hints.ai_family = AF_INET6;
        break;
    default:
        hints.ai_family = AF_UNSPEC;
    }
    return getaddrinfo(host, NULL, &hints, res);
}

int lookup_each(const char *host, struct addrinfo **out)
{
    static const int families[] = { AF_INET, AF_INET6 };
    struct addrinfo hints;
    int i;
    for (i = 0; i < 2; i++) {
        memset(&hints, 0, sizeof hints);
        // ok: v6lint.c.ipv4-family-hint
        hints.ai_family = families[i];
        getaddrinfo(host, NULL, &hints, &out[i]);
    }
    return 0;
}

int lookup_cfg(struct server_conf *conf, const char *host, struct addrinfo **res)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    if (conf->use_ipv6)
        hints.ai_family = AF_INET6;
    else if (conf->any_family)
        hints.ai_family = AF_UNSPEC;
    else
        // ok: v6lint.c.ipv4-family-hint
        hints.ai_family = AF_INET;
    return getaddrinfo(host, NULL, &hints, res);
}

/* Numeric literal probe: IPv4 literal first, IPv6 literal next, then a name lookup. */
int numeric_first(const char *h, const char *p, struct addrinfo **res)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof(hints));
    hints.ai_socktype = SOCK_STREAM;
    // ok: v6lint.c.ipv4-family-hint
    hints.ai_family = AF_INET;
    hints.ai_flags = AI_NUMERICHOST;
    if (getaddrinfo(h, p, &hints, res) != 0) {
        hints.ai_family = AF_INET6;
        if (getaddrinfo(h, p, &hints, res) != 0) {
            hints.ai_family = AF_UNSPEC;
            hints.ai_flags = 0;
            return getaddrinfo(h, p, &hints, res);
        }
    }
    return 0;
}
