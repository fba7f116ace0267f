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

async fn fetch_url(url: hyper::Uri) -> std::io::Result<TcpStream> {
    let host = url.host().expect("uri has no host");
    let port = url.port_u16().unwrap_or(80);
    // http::Uri::host() is "[::1]" for an IPv6 literal: brackets already there.
    // ok: v6lint.rust.format-host-port
    let addr = format!("{}:{}", host, port);
    TcpStream::connect(addr).await
}

fn socks_target(dst: &Uri, resolved: Option<SocketAddr>) -> Result<String, Error> {
    let original_host = dst.host().ok_or(Error::NoHost)?;
    let mut host = original_host.to_owned();
    let port = dst.port_u16().unwrap_or(80);
    if let Some(target) = resolved {
        host = target.ip().to_string();
    }
    // `host` is no longer the URI's (bracketed) host: a resolved IPv6 address has no brackets.
    // ruleid: v6lint.rust.format-host-port
    Ok(format!("{}:{}", host, port))
}
