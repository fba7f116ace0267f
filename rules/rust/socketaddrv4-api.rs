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

pub trait Resolver {
    // ruleid: v6lint.rust.socketaddrv4-api
    fn reverse(&self, addr: &Ipv4Addr) -> Option<String>;
    // ruleid: v6lint.rust.socketaddrv4-api
    fn upstream(&self) -> Ipv4Addr;
    // ok: v6lint.rust.socketaddrv4-api
    fn upstream_v4(&self) -> Ipv4Addr;
}

// ruleid: v6lint.rust.socketaddrv4-api
fn is_blocked(peer: &Ipv4Addr) -> bool {
    peer.is_private()
}

impl Container {
    // The IPv4 half of a per-family accessor: its name says so.
    // ok: v6lint.rust.socketaddrv4-api
    pub fn ipv4_addr(&self) -> Ipv4Addr {
        self.ipv4_addr
    }
}

// ok: v6lint.rust.socketaddrv4-api
pub fn referral(zone: &str, ipv4_addr: Ipv4Addr) -> String {
    format!("{zone} A {ipv4_addr}")
}

impl From<Ipv4Addr> for RData {
    // The IPv4 conversion of a type that has the IPv6 one beside it.
    // ok: v6lint.rust.socketaddrv4-api
    fn from(a: Ipv4Addr) -> Self {
        RData::A(A(a))
    }
}
