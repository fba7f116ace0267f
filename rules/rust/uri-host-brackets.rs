use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::str::FromStr;

impl H3Connector {
    pub async fn connect(&mut self, dest: Uri) -> Result<H3Connection, BoxError> {
        // ruleid: v6lint.rust.uri-host-brackets
        let host = dest.host().ok_or("destination must have a host")?;
        let port = dest.port_u16().unwrap_or(443);
        let addrs = if let Some(addr) = IpAddr::from_str(host).ok() {
            vec![SocketAddr::new(addr, port)]
        } else {
            resolve(&mut self.resolver, Name::from_str(host)?).await?.collect()
        };
        self.remote_connect(addrs, host).await
    }

    pub async fn connect_trimmed(&mut self, dest: Uri) -> Result<H3Connection, BoxError> {
        // ok: v6lint.rust.uri-host-brackets
        let host = dest
            .host()
            .ok_or("destination must have a host")?
            .trim_start_matches('[')
            .trim_end_matches(']');
        let port = dest.port_u16().unwrap_or(443);
        let addrs = match IpAddr::from_str(host) {
            Ok(addr) => vec![SocketAddr::new(addr, port)],
            Err(_) => resolve(&mut self.resolver, Name::from_str(host)?).await?.collect(),
        };
        self.remote_connect(addrs, host).await
    }
}

fn remote(url: &Url) -> anyhow::Result<SocketAddr> {
    // ruleid: v6lint.rust.uri-host-brackets
    let remote = (url.host_str().unwrap(), url.port().unwrap_or(4433))
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| anyhow!("couldn't resolve to an address"))?;
    Ok(remote)
}

fn settings(cfg: &Config) -> std::io::Result<Vec<SocketAddr>> {
    // A configuration's host() is a plain name, not a URI authority.
    // ok: v6lint.rust.uri-host-brackets
    let host = cfg.host().unwrap_or("localhost");
    // ok: v6lint.rust.uri-host-brackets
    let local = (cfg.host().unwrap_or("::1"), 8080).to_socket_addrs()?;
    Ok((host, 53).to_socket_addrs()?.chain(local).collect())
}

fn fine(url: &Url) -> std::io::Result<Vec<SocketAddr>> {
    // ok: v6lint.rust.uri-host-brackets
    url.socket_addrs(|| Some(443))
}

impl<R: Resolve> HttpConnector<R> {
    async fn call_async(&mut self, dst: Uri) -> Result<TcpStream, ConnectError> {
        let config = &self.config;
        // The helper returns dst.host() as it is, brackets included.
        let (host, port) = get_host_port(config, &dst)?;
        let addrs = if let Some(addrs) = dns::SocketAddrs::try_parse(host, port) {
            addrs
        } else {
            // ruleid: v6lint.rust.uri-host-brackets
            let addrs = resolve(&mut self.resolver, dns::Name::new(host.into()))
                .await
                .map_err(ConnectError::dns)?;
            dns::SocketAddrs::new(addrs.collect())
        };
        ConnectingTcp::new(addrs, config).connect().await
    }

    async fn call_trimmed(&mut self, dst: Uri) -> Result<TcpStream, ConnectError> {
        let config = &self.config;
        let (host, port) = get_host_port(config, &dst)?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        // ok: v6lint.rust.uri-host-brackets
        let addrs = resolve(&mut self.resolver, dns::Name::new(host.into())).await?;
        ConnectingTcp::new(dns::SocketAddrs::new(addrs.collect()), config).connect().await
    }

    async fn call_config(&mut self, settings: &Settings) -> Result<TcpStream, ConnectError> {
        // A settings struct's host is a plain name, not a URI authority.
        let (host, port) = host_port(&self.config, settings)?;
        // ok: v6lint.rust.uri-host-brackets
        let addrs = (host, port).to_socket_addrs()?;
        connect_first(addrs).await
    }

    async fn call_split(&mut self, dst: Uri) -> Result<TcpStream, ConnectError> {
        // A helper that yields a SocketAddr, not a host string.
        let (addr, port) = resolve_target(&self.config, &dst)?;
        // ok: v6lint.rust.uri-host-brackets
        let addrs = resolve(&mut self.resolver, dns::Name::new(addr.into())).await?;
        ConnectingTcp::new(dns::SocketAddrs::new(addrs.collect()), &self.config).connect().await
    }
}
