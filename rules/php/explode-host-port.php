<?php
// ruleid: v6lint.php.explode-host-port
list($host, $port) = explode(':', $server_addr);
// ok: v6lint.php.explode-host-port
list($k, $v) = explode(':', $line, 2);
