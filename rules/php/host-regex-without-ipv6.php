<?php

class HttpParser
{
    public static function input(array $headers, $connection)
    {
        if (isset($headers['host'][0])) {
            // ruleid: v6lint.php.host-regex-without-ipv6
            if (!preg_match('/^(([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9])(:[0-9]+)?$/', $headers['host'][0])) {
                $connection->end("HTTP/1.1 400 Bad Request\r\n\r\n", true);
                return 0;
            }
        }
        return 1;
    }

    public static function trustedHost(string $host): bool
    {
        // ruleid: v6lint.php.host-regex-without-ipv6
        return preg_match('/^[\w.-]+(?::\d{1,5})?$/', $host) === 1;
    }

    public static function withLiteral(string $host): bool
    {
        // ok: v6lint.php.host-regex-without-ipv6
        return preg_match('/^(?:\[[^\]\r\n]+\]|[^\s:\/\[\]\r\n]+)(?::[0-9]+)?$/', $host) === 1;
    }

    public static function colonClass(string $hostname): bool
    {
        // ok: v6lint.php.host-regex-without-ipv6
        return preg_match('/^[a-z0-9.:-]+(:\d+)?$/i', $hostname) === 1;
    }

    public static function timeOfDay(string $value): bool
    {
        // ok: v6lint.php.host-regex-without-ipv6
        return preg_match('/^\d{2}(:\d+)?$/', $value) === 1;
    }
}
