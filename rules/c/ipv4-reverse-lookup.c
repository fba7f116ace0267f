#include <netdb.h>

const char *peer_name(struct in_addr *a)
{
    // ruleid: v6lint.c.ipv4-reverse-lookup
    struct hostent *he = gethostbyaddr((const char *)a, sizeof *a, AF_INET);
    return he ? he->h_name : "?";
}

int peer_name2(struct sockaddr *sa, socklen_t len, char *host, size_t n)
{
    // ok: v6lint.c.ipv4-reverse-lookup
    return getnameinfo(sa, len, host, n, NULL, 0, NI_NAMEREQD);
}

void win(HWND w, const char *a)
{
    char buf[MAXGETHOSTSTRUCT];
    // ruleid: v6lint.c.ipv4-reverse-lookup
    WSAAsyncGetHostByAddr(w, WM_USER, a, 4, AF_INET, buf, sizeof buf);
}
