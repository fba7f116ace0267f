use std::net::{IpAddr, SocketAddr, UdpSocket as StdUdpSocket};
use tokio::net::{TcpListener, UdpSocket};

fn run(runtime: &Runtime, sockaddrs: &[SocketAddr], server: &mut ServerFuture) -> Result<(), String> {
    for udp_socket in sockaddrs {
        let udp_socket = runtime
            // ruleid: v6lint.rust.bind-without-v6only
            .block_on(UdpSocket::bind(udp_socket))
            .map_err(|err| format!("failed to bind to UDP socket address: {err}"))?;
        server.register_socket(udp_socket);
    }
    for tcp_listener in sockaddrs {
        let tcp_listener = runtime
            // ruleid: v6lint.rust.bind-without-v6only
            .block_on(TcpListener::bind(tcp_listener))
            .map_err(|err| format!("failed to bind to TCP socket address: {err}"))?;
        server.register_listener(tcp_listener);
    }
    Ok(())
}

async fn listen_all(listen_addrs: &[IpAddr], port: u16) -> std::io::Result<Vec<TcpListener>> {
    let mut out = Vec::new();
    for ip in listen_addrs {
        // ruleid: v6lint.rust.bind-without-v6only
        out.push(TcpListener::bind((*ip, port)).await?);
    }
    Ok(out)
}

impl<P: Provider> Transport for GenTransport<P> {
    fn listen_on(&mut self, id: ListenerId, addr: Multiaddr) -> Result<(), TransportError<Error>> {
        let (socket_addr, version) = multiaddr_to_socketaddr(addr)?;
        // ruleid: v6lint.rust.bind-without-v6only
        let socket = StdUdpSocket::bind(socket_addr).map_err(Error::from)?;
        self.listeners.push(Listener::new(id, socket, version)?);
        Ok(())
    }
}

fn build_udp_socket(addr: SocketAddr) -> std::io::Result<UdpSocket> {
    let socket = Socket::new(Domain::for_address(addr), Type::DGRAM, Some(Protocol::UDP))?;
    if addr.is_ipv6() {
        socket.set_only_v6(true)?;
    }
    socket.set_nonblocking(true)?;
    // ok: v6lint.rust.bind-without-v6only
    socket.bind(&addr.into())?;
    UdpSocket::from_std(socket.into())
}

async fn listen_fixed(listen_addrs: &[SocketAddr]) -> std::io::Result<Vec<UdpSocket>> {
    let mut out = Vec::new();
    for addr in listen_addrs {
        // ok: v6lint.rust.bind-without-v6only
        out.push(build_udp_socket(*addr)?);
    }
    Ok(out)
}

fn first_that_binds(candidates: &[SocketAddr]) -> Option<StdUdpSocket> {
    for addr in candidates {
        // Stops at the first success: never two binds.
        // ok: v6lint.rust.bind-without-v6only
        if let Ok(socket) = StdUdpSocket::bind(addr) {
            return Some(socket);
        }
    }
    None
}

async fn one_per_port(ports: &[u16]) -> std::io::Result<Vec<TcpListener>> {
    let mut out = Vec::new();
    for port in ports {
        // Different ports: no two sockets share one.
        // ok: v6lint.rust.bind-without-v6only
        out.push(TcpListener::bind(("::", *port)).await?);
    }
    Ok(out)
}

impl Transport for MemoryTransport {
    fn listen_on(&mut self, id: ListenerId, addr: Multiaddr) -> Result<(), TransportError<Error>> {
        // ok: v6lint.rust.bind-without-v6only
        let socket = StdUdpSocket::bind("127.0.0.1:0")?;
        self.hub.register(id, addr, socket)
    }
}
