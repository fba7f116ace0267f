#include <arpa/inet.h>

int server_text(union sa *ns, char *txt, size_t n)
{
    if (ns->sa->sa_family == AF_INET6) {
        // ruleid: v6lint.c.family-mismatch
        if (!lib_inet_ntop(AF_INET, &ns->sa6->sin6_addr, txt, n))
            return -1;
    }
    return 0;
}

int parse6(const char *s, struct sockaddr_in6 *sin6)
{
    // ruleid: v6lint.c.family-mismatch
    return inet_pton(AF_INET, s, &sin6->sin6_addr);
}

int text_of(const struct sockaddr *sa, char *txt, size_t n)
{
    if (sa->sa_family == AF_INET6)
        // ok: v6lint.c.family-mismatch
        return inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, txt, n) != NULL;
    // ok: v6lint.c.family-mismatch
    return inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, txt, n) != NULL;
}
