import java.net.URI;

class Client {
    static final String STATUS_URL = "https://%s:%d/status";

    String url(String host, int port, String name, int count, Config cfg) {
        // ruleid: v6lint.java.url-concat
        String u = "http://" + host + ":" + port + "/api";
        // ruleid: v6lint.java.url-concat
        URI a = URI.create(scheme(cfg) + cfg.getHost() + ":" + cfg.getPort());
        // ruleid: v6lint.java.url-concat
        String b = protocol + "://" + host + ":" + port;
        // ruleid: v6lint.java.url-concat
        String c = String.format(STATUS_URL, host, port);
        // ok: v6lint.java.url-concat
        String label = name + ":" + count;
        // ok: v6lint.java.url-concat
        log.info("connecting to " + host + ":" + port);
        // ok: v6lint.java.url-concat
        String key = cfg.getHost() + ":" + cfg.getPort();
        return u + a + b + c + label + key;
    }
}

class F {
    String f(String host, int port) {
        // ruleid: v6lint.java.url-concat
        return String.format("%s:%d", host, port);
    }
}

class Bean {
    String electionAddress(Peer peer) {
        // ruleid: v6lint.java.url-concat
        return String.format("%s:%d", peer.cnxnFactory.getLocalAddress()
                .getHostString(), peer.getClientPort());
    }

    Request tunnel(HttpUrl url, Request.Builder builder) {
        // ruleid: v6lint.java.url-concat
        String requestLine = "CONNECT " + url.host() + ":" + url.port() + " HTTP/1.1";
        // ruleid: v6lint.java.url-concat
        builder.header("Host", url.host() + ":" + url.port());
        // ok: v6lint.java.url-concat
        builder.header("X-Upstream", url.host() + ":" + url.port());
        // ok: v6lint.java.url-concat
        String line = "GET " + path + " HTTP/1.1";
        return builder.build();
    }
}

class MetricsFixture {
    private final String httpHost = "127.0.0.1";
    private String serverHost = System.getProperty("host", "localhost");

    void call(int httpPort) {
        // ok: v6lint.java.url-concat
        String metricsUrl = String.format("http://%s:%d/metrics", httpHost, httpPort);
        // ok: v6lint.java.url-concat
        String base = "http://" + httpHost + ":" + httpPort;
        // A host read from configuration can be an IPv6 literal.
        // ruleid: v6lint.java.url-concat
        String other = "http://" + serverHost + ":" + httpPort;
    }
}

class Formats {
    static String formatInetAddr(InetSocketAddress addr) {
        String hostString = addr.getHostString();
        if (addr.getAddress() instanceof Inet6Address && hostString.contains(":")) {
            return String.format("[%s]:%s", hostString, addr.getPort());
        } else {
            // ok: v6lint.java.url-concat
            return String.format("%s:%s", hostString, addr.getPort());
        }
    }

    static String notBracketed(InetSocketAddress addr, boolean secure) {
        String hostString = addr.getHostString();
        if (secure) {
            return "tls";
        } else {
            // ruleid: v6lint.java.url-concat
            return String.format("%s:%s", hostString, addr.getPort());
        }
    }

    private String host;
    private int port;

    public int hashCode() {
        // ok: v6lint.java.url-concat
        return String.format("%s:%d", host, port).hashCode();
    }
}
