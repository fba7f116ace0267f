use std::net::{IpAddr, Ipv4Addr, SocketAddr, SocketAddrV4};

// ruleid: v6lint.rust.socketaddrv4-api
fn connect(addr: SocketAddrV4) -> bool {
    true
}

pub struct Config {
    // ruleid: v6lint.rust.socketaddrv4-api
    pub bind: Ipv4Addr,
    // ok: v6lint.rust.socketaddrv4-api
    pub peer: SocketAddr,
}

// ok: v6lint.rust.socketaddrv4-api
fn connect_any(addr: SocketAddr) -> bool {
    true
}

// ok: v6lint.rust.socketaddrv4-api
fn ip(a: IpAddr) -> IpAddr {
    a
}
