#include <netdb.h>

int connect_to(const char *host)
{
    // ok: v6lint.c.hostent-type
    struct hostent *he;
    he = lookup_somehow(host);
    return he != NULL;
}

void show(void)
{
    // ruleid: v6lint.c.hostent-type
    HOSTENT *h;
    (void)h;
}

int direct(const char *host)
{
    // ok: v6lint.c.hostent-type
    struct hostent *he = gethostbyname(host);
    return he != NULL;
}

int win(void)
{
    // ruleid: v6lint.c.hostent-type
    LPHOSTENT h;
    return h != NULL;
}

int modern(void)
{
    // ok: v6lint.c.hostent-type
    struct addrinfo *res;
    return res != NULL;
}

void win_types(void)
{
    // ruleid: v6lint.c.hostent-type
    HOSTENT h1;
    // ruleid: v6lint.c.hostent-type
    PHOSTENT h2;
}
