use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpListener};

fn serve() -> std::io::Result<()> {
    // ruleid: v6lint.rust.ipv4-localhost
    let l = TcpListener::bind("127.0.0.1:8080")?;
    // ruleid: v6lint.rust.ipv4-localhost
    let m = TcpListener::bind((Ipv4Addr::LOCALHOST, 9000))?;
    // ok: v6lint.rust.ipv4-localhost
    let t = TcpListener::bind("127.0.0.1:0")?;
    // ok: v6lint.rust.ipv4-localhost
    let s = TcpListener::bind("[::1]:8080")?;
    Ok(())
}

fn more(sock: &socket2::Socket, port: u16) -> std::io::Result<std::net::SocketAddr> {
    // ruleid: v6lint.rust.ipv4-localhost
    let a = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 8443)))?;
    // ruleid: v6lint.rust.ipv4-localhost
    sock.bind(&socket2::SockAddr::from(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 5000)))?;
    // Ephemeral test listeners, whatever the form.
    // ok: v6lint.rust.ipv4-localhost
    let b = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))?;
    // ok: v6lint.rust.ipv4-localhost
    sock.bind(&socket2::SockAddr::from(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0)))?;
    // A destination, not a listener.
    // ok: v6lint.rust.ipv4-localhost
    let dst = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port));
    drop((a, b));
    Ok(dst)
}
