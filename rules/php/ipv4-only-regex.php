<?php

function is_ip_address(string $ip): bool
{
    // ruleid: v6lint.php.ipv4-only-regex
    return (bool) preg_match('/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/', $ip);
}

class ProxyList
{
    public function trusted(): bool
    {
        // ruleid: v6lint.php.ipv4-only-regex
        if (preg_match('/^([0-9]{1,3}\.){3}[0-9]{1,3}$/', $_SERVER['REMOTE_ADDR'])) {
            return in_array($_SERVER['REMOTE_ADDR'], $this->proxies, true);
        }
        return false;
    }

    public function hostIsLiteral(string $host): bool
    {
        // ruleid: v6lint.php.ipv4-only-regex
        return preg_match('/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/', $host) === 1;
    }

    public function eitherFamily(string $ip): bool
    {
        // ok: v6lint.php.ipv4-only-regex
        if (preg_match('/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/', $ip)) {
            return true;
        }
        return filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6) !== false;
    }

    public function versionNumber(string $version): bool
    {
        // ok: v6lint.php.ipv4-only-regex
        return preg_match('/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/', $version) === 1;
    }

    public function withV6(string $ip): bool
    {
        // ok: v6lint.php.ipv4-only-regex
        return preg_match('/^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-f:]+$/i', $ip) === 1;
    }
}
