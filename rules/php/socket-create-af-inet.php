<?php
// ruleid: v6lint.php.socket-create-af-inet
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
// ok: v6lint.php.socket-create-af-inet
$t = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP);
// ok: v6lint.php.socket-create-af-inet
$u = $v6 ? socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) : socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
// ok: v6lint.php.socket-create-af-inet
$w = socket_create(AF_UNIX, SOCK_STREAM, 0);
// ok: v6lint.php.socket-create-af-inet
$x = socket_create(!$this->isIpv6() ? AF_INET : AF_INET6, SOCK_STREAM, SOL_TCP);
// ok: v6lint.php.socket-create-af-inet
$y = socket_create(filter_var($host, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6) ? AF_INET6 : AF_INET, SOCK_DGRAM, SOL_UDP);
