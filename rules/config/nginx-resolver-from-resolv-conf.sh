#!/bin/bash
# Compute the DNS resolvers for use in the templates
# ruleid: v6lint.config.nginx-resolver-from-resolv-conf
export RESOLVERS=$(awk '$1 == "nameserver" {print $2}' ORS=' ' /etc/resolv.conf | sed 's/ *$//g')
mkdir -p /etc/nginx/resolvers/
# ruleid: v6lint.config.nginx-resolver-from-resolv-conf
echo resolver $(awk 'BEGIN{ORS=" "} $1=="nameserver" {print $2}' /etc/resolv.conf) "valid=10s;" > /etc/nginx/resolvers.conf
# ruleid: v6lint.config.nginx-resolver-from-resolv-conf
RESOLVER=$(grep "^nameserver" /etc/resolv.conf | head -1 | awk '{print $2}')
if [ -n "$RESOLVER" ]; then
  sed -i "s/resolver 100.100.224.10/resolver ${RESOLVER}/g" /etc/nginx/conf.d/default.conf
fi
# ruleid: v6lint.config.nginx-resolver-from-resolv-conf
DNS_RESOLVER=$(awk '/^nameserver/ {print $2; exit}' /etc/resolv.conf)
sed "s/__DNS_RESOLVER__/${DNS_RESOLVER}/" /etc/nginx/nginx.conf.template > /etc/nginx/nginx.conf

# The fix: IPv6 nameservers bracketed.
# ok: v6lint.config.nginx-resolver-from-resolv-conf
export RESOLVERS=$(awk '$1 == "nameserver" {print ($2 ~ ":")? "["$2"]": $2}' ORS=' ' /etc/resolv.conf | sed 's/ *$//g')
# ok: v6lint.config.nginx-resolver-from-resolv-conf
NS=$(awk '/^nameserver/ { if ($2 ~ /:/) printf "[%s] ", $2; else printf "%s ", $2 }' /etc/resolv.conf)
echo "resolver $NS;" > /etc/nginx/conf.d/resolver.conf

# Nameservers read for other uses: dig, firewall rules, a plain check.
# ok: v6lint.config.nginx-resolver-from-resolv-conf
resolvers=$(awk '$1 == "nameserver" {print $2}' /etc/resolv.conf)
for r in $resolvers; do
  test "$r" = 127.0.0.11
done
# ok: v6lint.config.nginx-resolver-from-resolv-conf
dnssrv=$(cat /etc/resolv.conf | grep nameserver | awk '{print $2}')
dig +short "@$dnssrv" example.org
# ok: v6lint.config.nginx-resolver-from-resolv-conf
dns_resolver=$(grep -m1 '^nameserver' /etc/resolv.conf | awk '{print $2}')
iptables -A OUTPUT -p udp -d "$dns_resolver" --dport 53 -j ACCEPT
