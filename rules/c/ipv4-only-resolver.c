#include <netdb.h>
#include <string.h>

int lookup(const char *host, struct in_addr *out)
{
    struct hostent *he;
    // ruleid: v6lint.c.ipv4-only-resolver
    he = gethostbyname(host);
    if (he == NULL)
        return -1;
    memcpy(out, he->h_addr_list[0], 4);
    return 0;
}

int lookup_r(const char *host)
{
    struct hostent ret, *res;
    char buf[1024];
    int err;
    // ruleid: v6lint.c.ipv4-only-resolver
    return gethostbyname_r(host, &ret, buf, sizeof buf, &res, &err);
}

int lookup2(const char *host, int v6)
{
    // ruleid: v6lint.c.ipv4-only-resolver
    struct hostent *a = gethostbyname2(host, AF_INET);
    // ruleid: v6lint.c.ipv4-only-resolver
    struct hostent *c = gethostbyname(host);
    // ok: v6lint.c.ipv4-only-resolver
    struct hostent *b = gethostbyname2(host, AF_INET6);
    return a != NULL || b != NULL || c != NULL;
}

int modern(const char *host)
{
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    // ok: v6lint.c.ipv4-only-resolver
    return getaddrinfo(host, "80", &hints, &res);
}

void comment_only(void)
{
    // ok: v6lint.c.ipv4-only-resolver
    const char *doc = "gethostbyname() is deprecated";
    (void)doc;
}

HANDLE win_async(HWND w, const char *host, char *buf, int len)
{
    // ruleid: v6lint.c.ipv4-only-resolver
    return WSAAsyncGetHostByName(w, WM_USER + 1, host, buf, len);
}

/* Compatibility wrapper that maps the Winsock error into errno. */
static inline struct hostent *compat_gethostbyname(const char *n)
{
    // ok: v6lint.c.ipv4-only-resolver
    struct hostent *res = gethostbyname(n);
    if (!res) errno = WSAGetLastError();
    return res;
}
