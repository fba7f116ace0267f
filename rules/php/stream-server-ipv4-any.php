<?php
// ruleid: v6lint.php.stream-server-ipv4-any
$server = stream_socket_server("tcp://0.0.0.0:8000", $errno, $errstr);
// ok: v6lint.php.stream-server-ipv4-any
$server6 = stream_socket_server("tcp://[::]:8000", $errno, $errstr);
// ruleid: v6lint.php.stream-server-ipv4-any
socket_bind($sock, '0.0.0.0', 9000);
