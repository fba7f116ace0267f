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
}
