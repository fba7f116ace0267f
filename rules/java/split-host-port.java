class Conf {
    void parse(String hostPort, String header, Config c) {
        // ruleid: v6lint.java.split-host-port
        String[] parts = hostPort.split(":");
        // ruleid: v6lint.java.split-host-port
        String[] b = c.getBootstrapServer().split(":");
        // ok: v6lint.java.split-host-port
        String[] kv = header.split(":");
        // ok: v6lint.java.split-host-port
        int i = hostPort.lastIndexOf(':');
    }
}
