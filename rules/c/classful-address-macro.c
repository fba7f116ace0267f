#include <netinet/in.h>

int is_mcast(unsigned long a)
{
    // ruleid: v6lint.c.classful-address-macro
    return IN_MULTICAST(ntohl(a));
}

unsigned long default_mask(unsigned long a)
{
    // ruleid: v6lint.c.classful-address-macro
    if (IN_CLASSA(a))
        return 0xff000000UL;
    return 0xffffff00UL;
}

int is_mcast_any(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET6)
        return IN6_IS_ADDR_MULTICAST(&((const struct sockaddr_in6 *)sa)->sin6_addr);
    // ok: v6lint.c.classful-address-macro
    return IN_MULTICAST(ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr));
}

int v6(const struct in6_addr *a)
{
    // ok: v6lint.c.classful-address-macro
    return IN6_IS_ADDR_MULTICAST(a);
}

int classes(unsigned long a)
{
    // ruleid: v6lint.c.classful-address-macro
    int b = IN_CLASSB(a);
    // ruleid: v6lint.c.classful-address-macro
    int c = IN_CLASSC(a);
    // ruleid: v6lint.c.classful-address-macro
    int d = IN_CLASSD(a);
    return b + c + d;
}
