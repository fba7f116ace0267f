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
// ruleid: v6lint.php.ip2long
$n = \ip2long(trim($ip));
