<?php
function valid($ip) {
    // ruleid: v6lint.php.filter-flag-ipv4
    return filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false;
}
function valid_public($ip) {
    // ruleid: v6lint.php.filter-flag-ipv4
    return filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 | FILTER_FLAG_NO_PRIV_RANGE);
}
function any_family($ip) {
    // ok: v6lint.php.filter-flag-ipv4
    return filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 | FILTER_FLAG_IPV6);
}
function family($ip) {
    // ok: v6lint.php.filter-flag-ipv4
    if (filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4)) {
        return 4;
    } elseif (filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6)) {
        return 6;
    }
    return 0;
}
function plain($ip) {
    // ok: v6lint.php.filter-flag-ipv4
    return filter_var($ip, FILTER_VALIDATE_IP);
}
class NoProxyRules
{
    public function matches(string $rule, string $host): bool
    {
        list($ruleHost) = explode('/', $rule);
        // ruleid: v6lint.php.filter-flag-ipv4
        if (filter_var($ruleHost, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4)) {
            return gethostbyname($host) === $ruleHost;
        } else {
            return substr($host, -strlen($ruleHost)) === $ruleHost;
        }
    }

    public function packed(string $ip): string
    {
        // ok: v6lint.php.filter-flag-ipv4
        if (filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4)) {
            return pack('N', ip2long($ip));
        } else {
            return inet_pton($ip);
        }
    }

    public function socketFor(string $ip)
    {
        // ok: v6lint.php.filter-flag-ipv4
        if (filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4)) {
            $domain = AF_INET;
        } else {
            $domain = AF_INET6;
        }
        return socket_create($domain, SOCK_STREAM, SOL_TCP);
    }
}

function is_valid_host(string $host): bool
{
    if (substr($host, 0, 1) === '[' && substr($host, -1, 1) === ']') {
        return filter_var(substr($host, 1, -1), FILTER_VALIDATE_IP, FILTER_FLAG_IPV6) !== false;
    }
    if (is_numeric(str_replace('.', '', $host))) {
        // ok: v6lint.php.filter-flag-ipv4
        return filter_var($host, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false;
    }
    return filter_var('https://' . $host, FILTER_VALIDATE_URL) !== false;
}

class IpRules
{
    public function validateIpv4($attribute, $value)
    {
        // ok: v6lint.php.filter-flag-ipv4
        return filter_var($value, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false;
    }

    public function validateIp($attribute, $value)
    {
        // ruleid: v6lint.php.filter-flag-ipv4
        return filter_var($value, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false;
    }
}
// ruleid: v6lint.php.filter-flag-ipv4
$ok = filter_var($_SERVER['REMOTE_ADDR'], FILTER_VALIDATE_IP, FILTER_FLAG_IPV4);
