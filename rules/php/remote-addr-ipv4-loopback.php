<?php

function is_local_request(): bool
{
    // ruleid: v6lint.php.remote-addr-ipv4-loopback
    return $_SERVER['REMOTE_ADDR'] == '127.0.0.1';
}

function deny_remote()
{
    // ruleid: v6lint.php.remote-addr-ipv4-loopback
    if ($_SERVER['REMOTE_ADDR'] !== '127.0.0.1') {
        header('HTTP/1.0 403 Forbidden');
        exit('This script is only accessible from localhost.');
    }
}

class DevController
{
    public function guard($request)
    {
        // ruleid: v6lint.php.remote-addr-ipv4-loopback
        if (!in_array($request->getClientIp(), ['127.0.0.1', '192.168.0.10'], true)) {
            throw new AccessDeniedHttpException();
        }
        $clientIp = $request->getClientIp();
        // ruleid: v6lint.php.remote-addr-ipv4-loopback
        return '127.0.0.1' === $clientIp;
    }

    public function guardBoth($request)
    {
        // ok: v6lint.php.remote-addr-ipv4-loopback
        if (!in_array($request->getClientIp(), ['127.0.0.1', '::1'], true)) {
            throw new AccessDeniedHttpException();
        }
        // ok: v6lint.php.remote-addr-ipv4-loopback
        return $_SERVER['REMOTE_ADDR'] === '127.0.0.1' || $_SERVER['REMOTE_ADDR'] === '::1';
    }
}

function config_host(array $config): bool
{
    // ok: v6lint.php.remote-addr-ipv4-loopback
    return $config['database_host'] === '127.0.0.1';
}

function default_addr(string $remoteAddr): string
{
    // ok: v6lint.php.remote-addr-ipv4-loopback
    return $remoteAddr === '' ? '127.0.0.1' : $remoteAddr;
}
