#include <arpa/inet.h>

void show(const struct sockaddr_storage *ss)
{
    // ruleid: v6lint.c.ipv4-address-buffer
    char buf[INET6_ADDRSTRLEN];
    getnameinfo((const struct sockaddr *)ss, sizeof *ss, buf, sizeof buf, NULL, 0, NI_NUMERICHOST);
}

const char *fmt(const void *a)
{
    // ruleid: v6lint.c.ipv4-address-buffer
    static char out[INET6_ADDRSTRLEN];
    return getnameinfo_wrapper(a, out, sizeof out);
}

void ok(const void *a)
{
    // ok: v6lint.c.ipv4-address-buffer
    char buf[INET6_ADDRSTRLEN];
    use(buf);
}

void per_family(int family, const void *a)
{
    char b6[INET6_ADDRSTRLEN];
    // ok: v6lint.c.ipv4-address-buffer
    char b4[INET_ADDRSTRLEN];
    if (family == AF_INET6)
        inet_ntop(AF_INET6, a, b6, sizeof b6);
    else
        inet_ntop(AF_INET, a, b4, sizeof b4);
}
