#include <arpa/inet.h>
#include <stdio.h>

void show(struct sockaddr_in *sin)
{
    // ruleid: v6lint.c.ipv4-address-conversion
    printf("%s\n", inet_ntoa(sin->sin_addr));
}

in_addr_t parse(const char *s)
{
    struct in_addr a;
    // ruleid: v6lint.c.ipv4-address-conversion
    if (inet_aton(s, &a) == 0)
        // ruleid: v6lint.c.ipv4-address-conversion
        return inet_addr("127.0.0.1");
    return a.s_addr;
}

int good(int family, const char *s, void *dst, char *out)
{
    // ok: v6lint.c.ipv4-address-conversion
    if (inet_pton(family, s, dst) != 1)
        return -1;
    // ok: v6lint.c.ipv4-address-conversion
    inet_ntop(family, dst, out, INET6_ADDRSTRLEN);
    return 0;
}

void my_inet_addr_wrapper(void)
{
    // ok: v6lint.c.ipv4-address-conversion
    int inet_addr_len = 4;
    (void)inet_addr_len;
}

void win(PCSTR s, IN_ADDR *a, PCSTR *end)
{
    // ruleid: v6lint.c.ipv4-address-conversion
    RtlIpv4StringToAddressA(s, TRUE, end, a);
}

void both(int family, const void *a, char *out)
{
    if (family == AF_INET6) {
        inet_ntop(AF_INET6, a, out, INET6_ADDRSTRLEN);
    } else {
        // ok: v6lint.c.ipv4-address-conversion
        strcpy(out, inet_ntoa(*(const struct in_addr *)a));
    }
}
