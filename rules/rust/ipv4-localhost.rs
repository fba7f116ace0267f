use std::net::{Ipv4Addr, TcpListener};

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
