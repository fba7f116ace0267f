fn parse(addr: &str, line: &str) {
    // ruleid: v6lint.rust.split-host-port
    let (host, port) = addr.split_once(':').unwrap();
    // ok: v6lint.rust.split-host-port
    let (k, v) = line.split_once(':').unwrap();
    // ok: v6lint.rust.split-host-port
    let (h, p) = addr.rsplit_once(':').unwrap();
}
