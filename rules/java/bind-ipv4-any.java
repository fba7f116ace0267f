import java.net.*;

class Server {
    void start(int port) throws Exception {
        ServerSocket s = new ServerSocket();
        // ruleid: v6lint.java.bind-ipv4-any
        s.bind(new InetSocketAddress("0.0.0.0", port));
        // ok: v6lint.java.bind-ipv4-any
        s.bind(new InetSocketAddress(port));
        // ok: v6lint.java.bind-ipv4-any
        s.bind(new InetSocketAddress("::", port));
        // ruleid: v6lint.java.bind-ipv4-any
        InetAddress any = InetAddress.getByName("0.0.0.0");
    }

    void testRebindIPv4IPv6() throws Exception {
        // ok: v6lint.java.bind-ipv4-any
        InetSocketAddress addr = new InetSocketAddress("0.0.0.0", 2181);
        factory.configure(addr, 100);
    }

    void testClientPortDefault() throws Exception {
        // ok: v6lint.java.bind-ipv4-any
        InetSocketAddress expected = new InetSocketAddress("0.0.0.0", 12345);
        assertEquals(expected, config.getClientPortAddress());
        // ok: v6lint.java.bind-ipv4-any
        assertEquals(new InetSocketAddress("0.0.0.0", 12345), config.getClientPortAddress());
    }

    void testRebind() throws Exception {
        // A test not about the family binds IPv4 only all the same.
        // ruleid: v6lint.java.bind-ipv4-any
        InetSocketAddress addr = new InetSocketAddress("0.0.0.0", 2181);
        factory.configure(addr, 100);
        assertEquals(addr, factory.getLocalAddress());
    }
}

class Listener {
    // ruleid: v6lint.java.bind-ipv4-any
    static final InetSocketAddress ANY = new InetSocketAddress("0.0.0.0", 8080);
}
