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
