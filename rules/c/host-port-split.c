#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct peer { char ip[64]; int port; };

/* "10.0.0.5:7000@17000" from a node table */
int load_node(struct peer *n, char *field)
{
    char *p;
    // ruleid: v6lint.c.host-port-split
    if ((p = strchr(field, ':')) == NULL) return -1;
    *p = '\0';
    strcpy(n->ip, field);
    n->port = atoi(p + 1);
    return 0;
}

int listen_spec(char *spec, int default_port)
{
    int the_port = default_port;
    // ruleid: v6lint.c.host-port-split
    char *s = strchr(spec, ':');
    if (s != NULL) {
        *s = '\0';
        ++s;
        if (!parse_strtol(s, &the_port))
            return -1;
    }
    return open_listener(spec, the_port);
}

void upstream_from_config(char *addr, char **ip, int *port)
{
    // ruleid: v6lint.c.host-port-split
    char *sep = strchr(addr, ':');
    if (sep) {
        *sep = '\0';
        *ip = addr;
        addr = sep + 1;
        *port = atoi(addr);
    }
}

size_t server_name_length(const char *server_name, size_t len)
{
    // ruleid: v6lint.c.host-port-split
    const char *colon = strchr(server_name, ':');
    if (colon) len = colon - server_name;
    return len;
}

void bridge_targets(struct target *t, char *saveptr)
{
    char *host, *tok;
    // ruleid: v6lint.c.host-port-split
    host = strtok_r(t->address, ":", &saveptr);
    tok = strtok_r(NULL, ":", &saveptr);
    t->port = tok ? atoi(tok) : 1883;
    t->host = strdup(host);
}

int scan_endpoint(const char *endpoint, char *host, int *port)
{
    // ruleid: v6lint.c.host-port-split
    return sscanf(endpoint, "%255[^:]:%d", host, port) == 2;
}

/* A header line "Content-Length: 42": no port, no address. */
long header_value(char *line)
{
    // ok: v6lint.c.host-port-split
    char *colon = strchr(line, ':');
    if (!colon) return -1;
    *colon = '\0';
    return atol(colon + 1);
}

/* "user:secret" credentials. */
void credentials(char *userinfo, char **user, char **pass)
{
    // ok: v6lint.c.host-port-split
    char *c = strchr(userinfo, ':');
    if (c) { *c = '\0'; *user = userinfo; *pass = c + 1; }
}

/* The colon only tells an IPv6 literal apart. */
void print_endpoint(char *buf, size_t n, const char *host, int port)
{
    // ok: v6lint.c.host-port-split
    if (strchr(host, ':') != NULL)
        snprintf(buf, n, "[%s]:%d", host, port);
    else
        snprintf(buf, n, "%s:%d", host, port);
}

/* Brackets are handled before the split. */
int parse_bind(char *addr, int *port)
{
    if (*addr == '[') {
        char *end = strchr(addr, ']');
        if (!end) return -1;
        *end = '\0';
        addr = end + 1;
    }
    // ok: v6lint.c.host-port-split
    char *p = strchr(addr, ':');
    if (p) { *p = '\0'; *port = atoi(p + 1); }
    return 0;
}

/* A second colon means an IPv6 address without a port. */
int parse_listen(char *host, int *port)
{
    // ok: v6lint.c.host-port-split
    char *s = strchr(host, ':');
    if (s != NULL && strchr(s + 1, ':') == NULL) {
        *s = '\0';
        *port = atoi(s + 1);
    }
    return 0;
}

/* "hh:mm" */
int minutes_of(char *clock, int *minute)
{
    // ok: v6lint.c.host-port-split
    char *p = strchr(clock, ':');
    if (!p) return -1;
    *minute = atoi(p + 1);
    return atoi(clock) * 60 + *minute;
}

/* A MAC address is colon-separated too. */
int mac_first_octet(char *mac_addr)
{
    // ok: v6lint.c.host-port-split
    char *p = strchr(mac_addr, ':');
    if (p) *p = '\0';
    return (int)strtol(mac_addr, NULL, 16);
}

/* PATH-style list. */
void search_dirs(char *path_list)
{
    // ok: v6lint.c.host-port-split
    for (char *d = strtok(path_list, ":"); d; d = strtok(NULL, ":"))
        add_dir(d);
}

/* "name:value" pairs, the value is no port. */
int tag_pair(const char *tag, char *name, int *value)
{
    // ok: v6lint.c.host-port-split
    return sscanf(tag, "%63[^=]=%d", name, value) == 2;
}

/* Brackets checked on another field: this split is still IPv4-only. */
int load_entry(struct peer *n, char **argv, int argc)
{
    char *p;
    for (int j = 2; j < argc; j++)
        if (argv[j][0] == '[') skip_slot(argv[j]);
    // ruleid: v6lint.c.host-port-split
    if ((p = strchr(argv[1], ':')) == NULL) return -1;
    *p = '\0';
    n->port = atoi(p + 1);
    return 0;
}
