import java.net.*;

class Peers {
    byte[] raw(InetAddress a) {
        // ruleid: v6lint.java.inet4address-cast
        Inet4Address v4 = (Inet4Address) a;
        return v4.getAddress();
    }

    String guarded(InetAddress a) {
        if (a instanceof Inet4Address) {
            // ok: v6lint.java.inet4address-cast
            return ((Inet4Address) a).getHostAddress();
        }
        return a.getHostAddress();
    }

    String ternary(InetAddress a) {
        // ok: v6lint.java.inet4address-cast
        return a instanceof Inet4Address ? ((Inet4Address) a).toString() : a.toString();
    }

    void early(InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            return;
        }
        // ok: v6lint.java.inet4address-cast
        Inet4Address v4 = (Inet4Address) a;
    }

    Inet4Address lookup(String host) throws Exception {
        // ruleid: v6lint.java.inet4address-cast
        return (Inet4Address) InetAddress.getByName(host);
    }
}
