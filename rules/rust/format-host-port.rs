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

fn destination(https: bool, host: String, port: u16, user: &str, pass: &str) -> Vec<String> {
    vec![
        // ruleid: v6lint.rust.format-host-port
        format!(
            "{}://{}:{}",
            if https { "https" } else { "http" },
            host,
            port
        ),
        // ruleid: v6lint.rust.format-host-port
        format!("{}://{}:{}/", scheme(https), host, port),
        // ok: v6lint.rust.format-host-port
        format!("{}://{}:{}@{}", scheme(https), user, pass, host),
        // ok: v6lint.rust.format-host-port
        format!("{}://[{}]:{}", scheme(https), host, port),
    ]
}

fn scheme(https: bool) -> &'static str {
    if https { "https" } else { "http" }
}
