use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, TcpListener, UdpSocket};

fn main() -> std::io::Result<()> {
    // ruleid: v6lint.rust.bind-ipv4-any
    let l = TcpListener::bind("0.0.0.0:8080")?;
    // ruleid: v6lint.rust.bind-ipv4-any
    let u = UdpSocket::bind(("0.0.0.0", 5353))?;
    // ruleid: v6lint.rust.bind-ipv4-any
    let a: SocketAddr = "0.0.0.0:3000".parse::<SocketAddr>().unwrap();
    // ruleid: v6lint.rust.bind-ipv4-any
    let b = SocketAddr::from(([0, 0, 0, 0], 3000));
    // ruleid: v6lint.rust.bind-ipv4-any
    let any = Ipv4Addr::UNSPECIFIED;
    // ok: v6lint.rust.bind-ipv4-any
    let l6 = TcpListener::bind("[::]:8080")?;
    // ok: v6lint.rust.bind-ipv4-any
    let lo = TcpListener::bind("127.0.0.1:0")?;
    Ok(())
}

#[derive(StructOpt)]
struct Opt {
    /// Address to listen on
    // ruleid: v6lint.rust.bind-ipv4-any
    #[structopt(long = "listen", default_value = "0.0.0.0:4433")]
    listen: SocketAddr,
    // ok: v6lint.rust.bind-ipv4-any
    #[structopt(long = "listen6", default_value = "[::]:4433")]
    listen6: SocketAddr,
    // ok: v6lint.rust.bind-ipv4-any
    #[structopt(long = "connect", default_value = "https://localhost:4433/")]
    url: String,
}

#[derive(clap::Parser)]
struct Args {
    // ruleid: v6lint.rust.bind-ipv4-any
    #[arg(long, default_value = "0.0.0.0")]
    bind: String,
}

fn local_for(addr: SocketAddr, io: &std::net::UdpSocket) -> SocketAddr {
    let unspec = if addr.is_ipv4() {
        // ok: v6lint.rust.bind-ipv4-any
        Ipv4Addr::UNSPECIFIED.into()
    } else {
        Ipv6Addr::UNSPECIFIED.into()
    };
    // ok: v6lint.rust.bind-ipv4-any
    let wildcard = io.local_addr().unwrap().ip() == Ipv4Addr::UNSPECIFIED;
    let _ = wildcard;
    SocketAddr::new(unspec, 0)
}

fn recv_any(multicast: IpAddr) -> SocketAddr {
    match multicast {
        // ok: v6lint.rust.bind-ipv4-any
        IpAddr::V4(_) => SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 5353),
        IpAddr::V6(_) => SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), 5353),
    }
}

fn write_preferred(v4: Option<SocketAddrV4>, w: &mut Vec<u8>) {
    // The IPv4 slot of a wire format, beside the IPv6 one.
    // ok: v6lint.rust.bind-ipv4-any
    w.extend(v4.map_or(Ipv4Addr::UNSPECIFIED, |x| *x.ip()).octets());
}

#[test]
fn echo_v4() {
    // A test of the IPv4 path (echo_v6 beside it).
    // ok: v6lint.rust.bind-ipv4-any
    run_echo(SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0));
}

fn client_endpoint() -> std::io::Result<UdpSocket> {
    // ruleid: v6lint.rust.bind-ipv4-any
    UdpSocket::bind(SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0))
}

fn make_transmit(contents: &[u8], segment_size: Option<usize>) -> Transmit<'_> {
    Transmit {
        // A datagram's destination in a unit test: nothing is bound to it.
        // ok: v6lint.rust.bind-ipv4-any
        destination: SocketAddr::from((Ipv4Addr::UNSPECIFIED, 1)),
        ecn: None,
        contents,
        segment_size,
        src_ip: None,
    }
}

fn client_config() -> EndpointConfig {
    EndpointConfig {
        // The local address the client endpoint binds.
        // ruleid: v6lint.rust.bind-ipv4-any
        local: SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)),
        remote: "[::1]:4433".parse().unwrap(),
    }
}

fn decode_subnet(family: u16, len: usize) -> Vec<u8> {
    // An IPv4-width buffer for an EDNS client-subnet of family 1.
    // ok: v6lint.rust.bind-ipv4-any
    let mut octets = Ipv4Addr::UNSPECIFIED.octets();
    octets[..len].to_vec()
}

fn reserved() -> Vec<IpNet> {
    vec![
        // 0.0.0.0/8, a prefix of a deny list.
        // ok: v6lint.rust.bind-ipv4-any
        IpNet::new_assert(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 8),
    ]
}

fn sinkholes(config: &Config) -> Blocklist {
    Blocklist {
        // ok: v6lint.rust.bind-ipv4-any
        sinkhole_ipv4: config.sinkhole_ipv4.unwrap_or(Ipv4Addr::UNSPECIFIED),
        sinkhole_ipv6: config.sinkhole_ipv6.unwrap_or(Ipv6Addr::UNSPECIFIED),
    }
}

fn default_listen(mut listen_addrs: Vec<IpAddr>) -> Vec<IpAddr> {
    if listen_addrs.is_empty() {
        // ok: v6lint.rust.bind-ipv4-any
        listen_addrs.push(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        listen_addrs.push(IpAddr::V6(Ipv6Addr::UNSPECIFIED));
    }
    listen_addrs
}

fn default_listen_any(mut listen_addrs: Vec<IpAddr>) -> Vec<IpAddr> {
    if listen_addrs.is_empty() {
        // ruleid: v6lint.rust.bind-ipv4-any
        listen_addrs.push(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    }
    listen_addrs
}

impl DnsClientStream for NeverReturns {
    // ok: v6lint.rust.bind-ipv4-any
    fn name_server_addr(&self) -> SocketAddr {
        SocketAddr::from(([0, 0, 0, 0], 53))
    }
}

fn listen_addr(cfg: &Config) -> SocketAddr {
    // ruleid: v6lint.rust.bind-ipv4-any
    cfg.listen.unwrap_or(SocketAddr::from(([0, 0, 0, 0], 53)))
}
