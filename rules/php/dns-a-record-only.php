<?php

class UrlRules
{
    public function validateActiveUrl($attribute, $value)
    {
        if ($url = parse_url($value, PHP_URL_HOST)) {
            // ruleid: v6lint.php.dns-a-record-only
            return checkdnsrr($url, 'A');
        }
        return false;
    }

    public function addressesOf(string $host): array
    {
        // ruleid: v6lint.php.dns-a-record-only
        $records = dns_get_record($host, DNS_A);
        return array_column($records ?: [], 'ip');
    }

    public function anyFamily(string $host): bool
    {
        // ok: v6lint.php.dns-a-record-only
        return checkdnsrr($host, 'A') || checkdnsrr($host, 'AAAA');
    }

    public function bothFamilies(string $host): bool
    {
        // ok: v6lint.php.dns-a-record-only
        return !empty(dns_get_record($host, DNS_A | DNS_AAAA));
    }

    public function perFamily(string $host): array
    {
        // ok: v6lint.php.dns-a-record-only
        $v4 = dns_get_record($host, DNS_A) ?: [];
        $v6 = dns_get_record($host, DNS_AAAA) ?: [];
        return array_merge($v4, $v6);
    }

    public function mailDomain(string $domain): bool
    {
        // ok: v6lint.php.dns-a-record-only
        return checkdnsrr($domain, 'MX');
    }

    public function ipv4Only(string $ip): bool
    {
        if (filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4)) {
            // ok: v6lint.php.dns-a-record-only
            return dns_get_record($ip, DNS_A) !== [];
        }
        return false;
    }
}
