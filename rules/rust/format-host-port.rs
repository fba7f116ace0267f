fn urls(host: &str, port: u16, name: &str, n: u32) -> Vec<String> {
    vec![
        // ruleid: v6lint.rust.format-host-port
        format!("{}:{}", host, port),
        // ruleid: v6lint.rust.format-host-port
        format!("http://{host}:{port}/api"),
        // ok: v6lint.rust.format-host-port
        format!("{}:{}", name, n),
        // ok: v6lint.rust.format-host-port
        format!("[{}]:{}", host, port),
    ]
}
