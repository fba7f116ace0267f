<?php
function in_range($ip, $lo, $hi) {
    // ruleid: v6lint.php.ip2long
    $n = ip2long($ip);
    return $n >= $lo && $n <= $hi;
}
// ruleid: v6lint.php.ip2long
echo long2ip(3232235777);
// ok: v6lint.php.ip2long
$bin = inet_pton($_SERVER['REMOTE_ADDR']);
// ok: v6lint.php.ip2long
$obj->ip2long($x);
// ruleid: v6lint.php.ip2long
$host = long2ip(base_convert($m[1], 16, 10));

function nip_host($host) {
    if (preg_match('/([0-9]{1,3}([.-][0-9]{1,3}){3})$/', $host, $m)) {
        $host = str_replace('-', '.', $m[1]);
    } elseif (preg_match('/^([0-9a-f]{8})$/i', $host, $m)) {
        // Eight hex digits: 32 bits by construction.
        // ok: v6lint.php.ip2long
        $host = long2ip(base_convert($m[1], 16, 10));
    } else {
        $host = str_replace('-', ':', $host);
    }
    return $host;
}

function from_any_hex($host) {
    if (preg_match('/^([0-9a-f]+)$/i', $host, $m)) {
        // Any number of hex digits: an IPv6 value is cut.
        // ruleid: v6lint.php.ip2long
        return long2ip(hexdec($m[1]));
    }
    return $host;
}
// ruleid: v6lint.php.ip2long
$n = \ip2long(trim($ip));
