<?php

class Url
{
    protected static function filterValidHostName($host)
    {
        $host = trim($host);
        // ruleid: v6lint.php.port-strip-then-validate-ip
        $hostToCheck = preg_replace('/[^:]:[0-9]+$/', '', $host); // remove port number for validation
        $filtered    = filter_var($hostToCheck, FILTER_VALIDATE_DOMAIN, FILTER_FLAG_HOSTNAME) ?: filter_var($hostToCheck, FILTER_VALIDATE_IP);
        if ($filtered === $hostToCheck) {
            return $host;
        }
        return false;
    }

    public static function isIpHost(string $httpHost): bool
    {
        // ruleid: v6lint.php.port-strip-then-validate-ip
        $bare = preg_replace('/:\d+$/', '', $httpHost);
        return filter_var($bare, FILTER_VALIDATE_IP) !== false;
    }

    protected static function filterValidHostNameFixed($host)
    {
        $host = trim($host);
        // ok: v6lint.php.port-strip-then-validate-ip
        $hostWithoutPort = preg_replace('/:[0-9]+$/', '', $host);
        $ipv6 = null;
        if (preg_match('/^\[([0-9a-f:]+)\](:[0-9]+)?$/i', $host, $ipv6)) {
            return $host;
        }
        $isValid = filter_var($hostWithoutPort, FILTER_VALIDATE_IP) === $hostWithoutPort;
        return $isValid ? $host : false;
    }

    public static function hostWithoutPort(string $host): string
    {
        // ok: v6lint.php.port-strip-then-validate-ip
        $name = preg_replace('/:\d+$/', '', $host);
        return strtolower($name);
    }

    public static function ipWithoutPort(string $host): bool
    {
        // ok: v6lint.php.port-strip-then-validate-ip
        $bare = preg_replace('/^\[?([^\]]+?)\]?(:\d+)?$/', '$1', $host);
        return filter_var($bare, FILTER_VALIDATE_IP) !== false;
    }
}
