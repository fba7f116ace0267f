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

async fn socks_connect(dst: Uri, resolved: Option<SocketAddr>, https: bool) -> Result<Uri, Error> {
    let mut host = dst.host().ok_or(Error::NoHost)?.to_owned();
    let port = dst.port_u16().unwrap_or(80);
    if let Some(target) = resolved {
        let ip = target.ip();
        if ip.is_ipv6() {
            host = format!("[{}]", ip);
        } else {
            host = ip.to_string();
        }
    }
    // The IPv6 case was bracketed just above.
    // ok: v6lint.rust.format-host-port
    let uri = format!("{}://{}:{}", if https { "https" } else { "http" }, host, port).parse()?;
    Ok(uri)
}

macro_rules! test_client {
    ($req:expr) => {{
        let req = $req;
        let host = req.uri().host().ok_or(Error::AbsoluteUriRequired)?;
        let port = req.uri().port_u16().unwrap_or(80);
        // Uri::host() is bracketed already, inside a macro body too.
        // ok: v6lint.rust.format-host-port
        let stream = TcpStream::connect(format!("{}:{}", host, port)).await?;
        let target_host = req.headers().get("x-target").unwrap().to_str().unwrap();
        // ruleid: v6lint.rust.format-host-port
        let other = TcpStream::connect(format!("{}:{}", target_host, port)).await?;
        (stream, other)
    }};
}

macro_rules! configured_client {
    ($cfg:expr) => {{
        let host = $cfg.host.clone();
        let port = $cfg.port;
        // A configured host is a plain name or IP: no brackets.
        // ruleid: v6lint.rust.format-host-port
        TcpStream::connect(format!("{}:{}", host, port)).await?
    }};
}

async fn fetch_metrics(port: u16) -> String {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    // ok: v6lint.rust.format-host-port
    reqwest::get(format!("http://{}:{}/", addr.ip(), addr.port())).await.unwrap().text().await.unwrap()
}

fn dig_args(server: &Container) -> Vec<String> {
    let server_addr = server.ipv4_addr();
    // ok: v6lint.rust.format-host-port
    vec![format!("{server_addr}:{PORT}")]
}

fn dig_args_any(server: &Container) -> Vec<String> {
    let server_addr = server.ip_addr();
    // ruleid: v6lint.rust.format-host-port
    vec![format!("{server_addr}:{PORT}")]
}
