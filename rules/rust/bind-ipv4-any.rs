use std::net::{Ipv4Addr, SocketAddr, TcpListener, UdpSocket};

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
