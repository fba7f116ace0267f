<?php
// ruleid: v6lint.php.explode-host-port
list($host, $port) = explode(':', $server_addr);
// ok: v6lint.php.explode-host-port
list($k, $v) = explode(':', $line, 2);

class ServeCommand
{
    protected function getHostAndPort()
    {
        // ruleid: v6lint.php.explode-host-port
        $hostParts = explode(':', $this->input->getOption('host'));
        return [$hostParts[0], $hostParts[1] ?? null];
    }
}

function parse_dsn(string $proto_opts): array
{
    $parsed = [];
    if (strpos($proto_opts, ':') !== false) {
        // ruleid: v6lint.php.explode-host-port
        [$proto_opts, $parsed['port']] = explode(':', $proto_opts);
    }
    $parsed['hostspec'] = $proto_opts;
    return $parsed;
}

function server_name(string $httpHost): string
{
    // ruleid: v6lint.php.explode-host-port
    return substr($httpHost, 0, strpos($httpHost, ':'));
}

function look_alikes(string $credentials, string $time, string $ref): array
{
    // ok: v6lint.php.explode-host-port
    [$user, $password] = explode(':', $credentials, 2);
    // ok: v6lint.php.explode-host-port
    [$hours, $minutes] = explode(':', $time);
    // ok: v6lint.php.explode-host-port
    $name = substr($ref, 0, strpos($ref, ':'));
    $pos = strrpos($ref, ':');
    // ok: v6lint.php.explode-host-port
    $host = trim(substr($ref, 0, $pos), '[]');
    return [$user, $password, $hours, $minutes, $name, $host];
}
