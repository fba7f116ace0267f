import java.util.List;

class Boot {
    void init() {
        // ruleid: v6lint.java.prefer-ipv4-stack
        System.setProperty("java.net.preferIPv4Stack", "true");
        // ok: v6lint.java.prefer-ipv4-stack
        System.setProperty("java.net.preferIPv6Addresses", "true");
        // ok: v6lint.java.prefer-ipv4-stack
        System.setProperty("java.net.preferIPv4Stack", "false");
    }

    List<String> jvmArgs() {
        // ruleid: v6lint.java.prefer-ipv4-stack
        return List.of("-Xmx1g", "-Djava.net.preferIPv4Stack=true");
    }
}
