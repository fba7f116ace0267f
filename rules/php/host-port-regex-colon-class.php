<?php

class Mailer
{
    public function smtpConnect(array $hosts)
    {
        foreach ($hosts as $hostentry) {
            $hostinfo = array();
            // ruleid: v6lint.php.host-port-regex-colon-class
            if (!preg_match('/^((ssl|tls):\/\/)*([a-zA-Z0-9:\[\]\.-]*):?([0-9]*)$/', trim($hostentry), $hostinfo)) {
                continue;
            }
            // ruleid: v6lint.php.host-port-regex-colon-class
            preg_match('/^([\w:.]+)(?::(\d+))?$/', $hostentry, $m);
            // ruleid: v6lint.php.host-port-regex-colon-class
            \preg_match('#^([0-9a-f:.]+)(:([0-9]+))?$#i', $hostentry, $m);
        }
    }

    public function fixed(array $hosts)
    {
        foreach ($hosts as $hostentry) {
            // ok: v6lint.php.host-port-regex-colon-class
            preg_match('/^((ssl|tls):\/\/)*([a-zA-Z0-9\.-]*|\[[a-fA-F0-9:]+\]):?([0-9]*)$/', trim($hostentry), $hostinfo);
            // ok: v6lint.php.host-port-regex-colon-class
            preg_match('/^([\w:.]+):(\d+)$/', $hostentry, $m);
            // ok: v6lint.php.host-port-regex-colon-class
            preg_match('/^([^:]+):?([0-9]*)$/', $hostentry, $m);
            // ok: v6lint.php.host-port-regex-colon-class
            preg_match('/^([a-z0-9.-]+)(?::(\d+))?$/i', $hostentry, $m);
            // ok: v6lint.php.host-port-regex-colon-class
            preg_match('/^(\d{2}:\d{2}):?(\d*)$/', $time, $m);
            // ok: v6lint.php.host-port-regex-colon-class
            preg_match('/^([[:alpha:]]+):?([0-9]*)$/', $label, $m);
        }
    }
}
