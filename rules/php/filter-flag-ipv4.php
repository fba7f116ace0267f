<?php
function valid($ip) {
    // ruleid: v6lint.php.filter-flag-ipv4
    return filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false;
}
function valid_public($ip) {
    // ruleid: v6lint.php.filter-flag-ipv4
    return filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 | FILTER_FLAG_NO_PRIV_RANGE);
}
function any_family($ip) {
    // ok: v6lint.php.filter-flag-ipv4
    return filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 | FILTER_FLAG_IPV6);
}
function family($ip) {
    // ok: v6lint.php.filter-flag-ipv4
    if (filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4)) {
        return 4;
    } elseif (filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6)) {
        return 6;
    }
    return 0;
}
function plain($ip) {
    // ok: v6lint.php.filter-flag-ipv4
    return filter_var($ip, FILTER_VALIDATE_IP);
}
