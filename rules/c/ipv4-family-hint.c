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
