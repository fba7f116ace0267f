<?php

abstract class SmtpTransport
{
    protected $domain = '[127.0.0.1]';

    public function __construct()
    {
        if (!empty($_SERVER['SERVER_NAME']) && $this->isFqdn($_SERVER['SERVER_NAME'])) {
            $this->domain = $_SERVER['SERVER_NAME'];
        } elseif (!empty($_SERVER['SERVER_ADDR'])) {
            // ruleid: v6lint.php.smtp-address-literal
            $this->domain = sprintf('[%s]', $_SERVER['SERVER_ADDR']);
        }
    }

    public function heloFor(string $localIp): string
    {
        // ruleid: v6lint.php.smtp-address-literal
        $helo = '[' . $localIp . ']';
        return 'EHLO ' . $helo;
    }

    public function tagged(string $serverAddr): string
    {
        $prefix = strpos($serverAddr, ':') === false ? '' : 'IPv6:';
        // ok: v6lint.php.smtp-address-literal
        $domain = sprintf('[%s%s]', $prefix, $serverAddr);
        return $domain;
    }

    public function branch(string $addr): string
    {
        if (strpos($addr, ':') !== false) {
            $ehloDomain = '[IPv6:' . $addr . ']';
        } else {
            // ok: v6lint.php.smtp-address-literal
            $ehloDomain = '[' . $addr . ']';
        }
        return $ehloDomain;
    }

    public function url(string $hostIp, int $port): string
    {
        // ok: v6lint.php.smtp-address-literal
        $host = '[' . $hostIp . ']';
        return "http://$host:$port/";
    }
}
