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
