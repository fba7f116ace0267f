use std::str::FromStr;
use url::idna::{domain_to_ascii, domain_to_unicode};

impl FromStr for Host {
    type Err = Error;

    fn from_str(s: &str) -> Result<Host, Error> {
        let (host_port, res) = domain_to_unicode(s);
        if res.is_err() {
            return Err(Error::Header);
        }
        // ruleid: v6lint.rust.idna-host-port
        let idx = host_port.rfind(':');
        let port = idx.and_then(|idx| s[idx + 1..].parse().ok());
        let hostname = match idx {
            None => host_port,
            Some(idx) => host_port[..idx].to_owned(),
        };
        Ok(Host { hostname, port })
    }
}

fn authority_ascii(authority: &str) -> Option<(String, Option<u16>)> {
    let ascii = idna::domain_to_ascii(authority).ok()?;
    // ruleid: v6lint.rust.idna-host-port
    match ascii.rsplit_once(':') {
        Some((h, p)) => Some((h.to_owned(), p.parse().ok())),
        None => Some((ascii, None)),
    }
}

fn split_first(s: &str) -> Result<Host, Error> {
    // The port is cut off first and a bracketed literal is kept as is: only names are decoded.
    // ok: v6lint.rust.idna-host-port
    let idx = s.rfind(':');
    let port = idx.and_then(|idx| s[idx + 1..].parse().ok());
    let name = match port {
        None => s,
        Some(_) => &s[..idx.unwrap()],
    };
    let hostname = if name.starts_with('[') {
        name.to_owned()
    } else {
        let (hostname, res) = domain_to_unicode(name);
        if res.is_err() {
            return Err(Error::Header);
        }
        hostname
    };
    Ok(Host { hostname, port })
}

fn display_name(domain: &str) -> String {
    let (unicode, _) = domain_to_unicode(domain);
    // A name without a port: splitting the labels on '.' is not a host:port split.
    // ok: v6lint.rust.idna-host-port
    unicode.split('.').collect::<Vec<_>>().join(".")
}

fn sni(uri: &Uri) -> Option<String> {
    // ok: v6lint.rust.idna-host-port
    let ascii = domain_to_ascii(uri.host()?).ok()?;
    Some(ascii)
}
