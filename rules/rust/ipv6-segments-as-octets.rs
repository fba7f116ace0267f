use std::net::{IpAddr, Ipv6Addr, SocketAddr};

pub fn google_v6() -> [SocketAddr; 2] {
    [
        SocketAddr::new(
            // ruleid: v6lint.rust.ipv6-segments-as-octets
            IpAddr::V6(Ipv6Addr::new(
                0x20,
                0x01,
                0x48,
                0x60,
                0x48,
                0x60,
                0x88,
                0x88,
            )),
            53,
        ),
        SocketAddr::new(
            // ok: v6lint.rust.ipv6-segments-as-octets
            IpAddr::V6(Ipv6Addr::new(0x2001, 0x4860, 0x4860, 0, 0, 0, 0, 0x8844)),
            53,
        ),
    ]
}

// semgrep does not look inside macro token trees (vec![...]), so the cases are in arrays.
pub fn others() -> [Ipv6Addr; 3] {
    [
        // ok: v6lint.rust.ipv6-segments-as-octets
        Ipv6Addr::new(0xfe80, 0, 0, 0, 0x02, 0x1b, 0x21, 0xff),
        // ok: v6lint.rust.ipv6-segments-as-octets
        Ipv6Addr::new(0, 0, 0, 0, 0, 0xffff, 0xc00a, 0x02ff),
        // ok: v6lint.rust.ipv6-segments-as-octets
        Ipv6Addr::from([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01]),
    ]
}
