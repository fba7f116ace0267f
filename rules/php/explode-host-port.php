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

class ClusterNodes
{
    public function fromId(string $connectionID): array
    {
        // ruleid: v6lint.php.explode-host-port
        $host = explode(':', $connectionID, 2);
        return ['host' => $host[0], 'port' => $host[1]];
    }

    public function hostWithoutPort(bool $withoutPort)
    {
        $host = $this->header('host');
        if ($host && $withoutPort && $pos = \strpos($host, ':')) {
            // ruleid: v6lint.php.explode-host-port
            return \substr($host, 0, $pos);
        }
        return $host;
    }

    public function serverName(string $serverAddr): string
    {
        $colon = strpos($serverAddr, ':');
        // ruleid: v6lint.php.explode-host-port
        return $colon === false ? $serverAddr : substr($serverAddr, 0, $colon);
    }

    public function getRemoteIp(): string
    {
        $pos = strrpos($this->remoteAddress, ':');
        if ($pos) {
            // ruleid: v6lint.php.explode-host-port
            return substr($this->remoteAddress, 0, $pos);
        }
        return '';
    }

    public function peerHost($peerName): string
    {
        // ruleid: v6lint.php.explode-host-port
        return substr($peerName, 0, strrpos($peerName, ':'));
    }

    public function getRemoteIpTrimmed(): string
    {
        $pos = strrpos($this->remoteAddress, ':');
        // ok: v6lint.php.explode-host-port
        return $pos ? trim(substr($this->remoteAddress, 0, $pos), '[]') : '';
    }

    public function listenAddress(string $address): array
    {
        $pos = strrpos($address, ':');
        // ok: v6lint.php.explode-host-port
        $hostname = substr($address, 0, $pos);
        return [$hostname, substr($address, $pos + 1)];
    }

    public function look_alikes(string $line, string $time): array
    {
        // ok: v6lint.php.explode-host-port
        $parts = explode(':', $line, 2);
        // ok: v6lint.php.explode-host-port
        $hours = explode(':', $time);
        $pos = strpos($line, ':');
        // ok: v6lint.php.explode-host-port
        $key = substr($line, 0, $pos);
        return [$parts, $hours, $key];
    }
}

class HostHeader
{
    public function getPort()
    {
        if ($host = $this->headers->get('HOST')) {
            if (false !== $pos = strrpos($host, ':')) {
                // ruleid: v6lint.php.explode-host-port
                return intval(substr($host, $pos + 1));
            }
            return 'https' === $this->getScheme() ? 443 : 80;
        }
        return $this->server->get('SERVER_PORT');
    }

    public function getPortChecked()
    {
        $host = $this->headers->get('HOST');
        if ($host[0] === '[') {
            $pos = strpos($host, ':', strrpos($host, ']'));
        } else {
            $pos = strrpos($host, ':');
        }
        // ok: v6lint.php.explode-host-port
        return false !== $pos ? intval(substr($host, $pos + 1)) : 80;
    }

    public function listenPort(string $address)
    {
        $pos = strrpos($address, ':');
        // ok: v6lint.php.explode-host-port
        return substr($address, $pos + 1);
    }
}

class AsyncConnectionLike
{
    public function __construct(string $remoteAddress)
    {
        // ok: v6lint.php.explode-host-port
        [$scheme, $this->remoteAddress] = explode(':', $remoteAddress, 2);
        // ok: v6lint.php.explode-host-port
        list($protocol, $address) = explode(':', $remoteAddress, 2);
    }
}

function split_checked(string $hostName): array
{
    $port = null;
    if ($hostName[0] === '[') {
        $end = strpos($hostName, ']');
        $hostName = substr($hostName, $end + 1);
    }
    if (substr_count($hostName, ':') === 1) {
        $index = strpos($hostName, ':');
        $port = substr($hostName, $index + 1);
        // ok: v6lint.php.explode-host-port
        $hostName = substr($hostName, 0, $index);
    }
    return [$hostName, $port];
}

function parse_proto_opts(string $proto_opts): array
{
    $parsed = [];
    if (preg_match('/(\[[a-f0-9:]+\])/i', $proto_opts, $matches)) {
        $parsed['hostspec'] = $matches[1];
    } elseif (str_contains($proto_opts, ':')) {
        // ok: v6lint.php.explode-host-port
        [$proto_opts, $parsed['port']] = explode(':', $proto_opts);
    }
    return $parsed;
}

function host_and_port($input)
{
    if (preg_match('/(\[.*\]):?([0-9]+)?/', $input->getOption('host'), $matches) === 1) {
        return [$matches[1], $matches[2] ?? null];
    }
    // ok: v6lint.php.explode-host-port
    $hostParts = explode(':', $input->getOption('host'));
    return [$hostParts[0], $hostParts[1] ?? null];
}
