class Client {
    String url(String host, int port, String name, int count) {
        // ruleid: v6lint.java.url-concat
        String u = "http://" + host + ":" + port + "/api";
        // ruleid: v6lint.java.url-concat
        String a = cfg.getHost() + ":" + cfg.getPort();
        // ok: v6lint.java.url-concat
        String label = name + ":" + count;
        return u + a + label;
    }
}
class F {
    String f(String host, int port) {
        // ruleid: v6lint.java.url-concat
        return String.format("%s:%d", host, port);
    }
}
