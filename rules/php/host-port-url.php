<?php

class Connector
{
    public function uri($host, $port)
    {
        // ruleid: v6lint.php.host-port-url
        return sprintf('tcp://%s:%s', $host, $port);
    }

    public function listen($host, $port)
    {
        // ruleid: v6lint.php.host-port-url
        $server = @stream_socket_server("tcp://$host:$port", $errno, $errstr);
        return $server;
    }

    public function open()
    {
        // ruleid: v6lint.php.host-port-url
        $remote = "ssl://{$this->host}:{$this->port}";
        return stream_socket_client($remote, $errno, $errstr, $this->timeout);
    }

    public function openConfigured(array $config)
    {
        // ruleid: v6lint.php.host-port-url
        $address = 'tcp://' . $config['host'] . ':' . $config['port'];
        return stream_socket_client($address);
    }

    public function udp($serverAddr, $serverPort)
    {
        // ruleid: v6lint.php.host-port-url
        return stream_socket_client(sprintf('udp://%s:%d', $serverAddr, $serverPort));
    }
}

function bracketed_before(string $host, int $port)
{
    if (strpos($host, ':') !== false) {
        $host = '[' . $host . ']';
    }
    // ok: v6lint.php.host-port-url
    return sprintf('tcp://%s:%s', $host, $port);
}

function bracketed_inline(string $host, int $port)
{
    $host = str_contains($host, ':') ? "[$host]" : $host;
    // ok: v6lint.php.host-port-url
    return "tcp://$host:$port";
}

function validated_v6(string $serverHost, int $port)
{
    if (filter_var($serverHost, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6)) {
        $serverHost = '[' . $serverHost . ']';
    }
    // ok: v6lint.php.host-port-url
    return 'tls://' . $serverHost . ':' . $port;
}

function from_parse_url(string $dsn)
{
    $parts = parse_url($dsn);
    // ok: v6lint.php.host-port-url
    return "tcp://{$parts['host']}:{$parts['port']}";
}

function already_bracketed(string $host, int $port)
{
    // ok: v6lint.php.host-port-url
    return sprintf('tcp://[%s]:%d', $host, $port);
}

function not_a_host(string $user, string $db)
{
    // ok: v6lint.php.host-port-url
    $label = "mysql://$user:$db";
    // ok: v6lint.php.host-port-url
    $path = 'unix://' . $socketPath;
    return [$label, $path];
}

function host_uri(string $hostUri, int $port)
{
    // ok: v6lint.php.host-port-url
    return "tcp://{$hostUri}:{$port}";
}

class CubeLikeHandler
{
    private $host;
    private $port;

    public function __construct(string $url)
    {
        $urlInfo = parse_url($url);
        $this->host = $urlInfo['host'];
        $this->port = $urlInfo['port'];
    }

    protected function endpoint(): string
    {
        // ok: v6lint.php.host-port-url
        return 'http://' . $this->host . ':' . $this->port . '/1.0/event/put';
    }

    protected function stream(): string
    {
        // ok: v6lint.php.host-port-url
        return "tcp://$this->host:$this->port";
    }
}

function proxy_from_url(string $url): ?string
{
    $parsed = \parse_url($url);
    // ok: v6lint.php.host-port-url
    return isset($parsed['host']) ? "tcp://{$parsed['host']}:{$parsed['port']}" : null;
}
