<?php
// ruleid: v6lint.php.socket-create-af-inet
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
// ok: v6lint.php.socket-create-af-inet
$t = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP);
// ok: v6lint.php.socket-create-af-inet
$u = $v6 ? socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) : socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
// ok: v6lint.php.socket-create-af-inet
$w = socket_create(AF_UNIX, SOCK_STREAM, 0);
