<?php
// ruleid: v6lint.php.gethostbyname
$ip = gethostbyname('example.com');
// ruleid: v6lint.php.gethostbyname
$all = gethostbynamel('example.com');
// ok: v6lint.php.gethostbyname
$records = dns_get_record('example.com', DNS_A | DNS_AAAA);
// ruleid: v6lint.php.gethostbyname
$addr = @gethostbyname(trim($host));
