import java.net.*;
import java.util.*;

class LocalAddressFinder {
    private static final Logger LOG = Logger.getLogger("net");

    // The registry advertises the first non-loopback address of the lowest-index interface.
    InetAddress findFirstNonLoopbackAddress() {
        InetAddress result = null;
        try {
            for (Enumeration<NetworkInterface> nics = NetworkInterface.getNetworkInterfaces();
                    nics.hasMoreElements(); ) {
                NetworkInterface ifc = nics.nextElement();
                if (!ifc.isUp()) {
                    continue;
                }
                for (Enumeration<InetAddress> addrs = ifc.getInetAddresses(); addrs.hasMoreElements(); ) {
                    InetAddress address = addrs.nextElement();
                    // ruleid: v6lint.java.inet4address-only-filter
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && preferred(address)) {
                        LOG.fine("using " + ifc.getDisplayName());
                        result = address;
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warning("cannot list interfaces");
        }
        return result;
    }

    String localIp(NetworkInterface nic) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
            // ruleid: v6lint.java.inet4address-only-filter
            if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
                return a.getHostAddress();
            }
        }
        return "127.0.0.1";
    }

    List<String> bindable(Collection<InetAddress> all) {
        List<String> out = new ArrayList<>();
        for (InetAddress a : all) {
            // ruleid: v6lint.java.inet4address-only-filter
            if (a != null && a instanceof Inet4Address) {
                out.add(a.getHostAddress());
            }
        }
        return out;
    }

    // Both families handled in one chain.
    InetAddress firstUsable(List<InetAddress> candidates) {
        for (InetAddress a : candidates) {
            // ok: v6lint.java.inet4address-only-filter
            if (a instanceof Inet4Address) {
                return a;
            } else if (a instanceof Inet6Address && !a.isLinkLocalAddress()) {
                return a;
            }
        }
        return null;
    }

    // IPv4 preferred, IPv6 kept as the fallback.
    InetAddress preferV4(List<InetAddress> candidates) {
        Inet6Address fallback = null;
        for (InetAddress a : candidates) {
            // ok: v6lint.java.inet4address-only-filter
            if (a instanceof Inet4Address) {
                return a;
            }
            if (fallback == null) {
                fallback = (Inet6Address) a;
            }
        }
        return fallback;
    }

    // The family switch follows the JVM's preference.
    InetAddress byPreference(List<InetAddress> candidates) {
        boolean v6 = Boolean.getBoolean("java.net.preferIPv6Addresses");
        for (InetAddress a : candidates) {
            // ok: v6lint.java.inet4address-only-filter
            if (a instanceof Inet4Address && !v6) {
                return a;
            }
        }
        return candidates.get(0);
    }

    // Named for IPv4: the caller asked for an IPv4 address.
    String getIpv4Address(NetworkInterface nic) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
            // ok: v6lint.java.inet4address-only-filter
            if (a instanceof Inet4Address) {
                return a.getHostAddress();
            }
        }
        return null;
    }

    // A per-family value, not a filter on which address is used.
    int prefixBits(InetAddress a) {
        // ok: v6lint.java.inet4address-only-filter
        if (a instanceof Inet4Address) {
            return 32;
        }
        return 128;
    }

    // Counting, not picking.
    int countV4(List<InetAddress> all) {
        int n = 0;
        for (InetAddress a : all) {
            // ok: v6lint.java.inet4address-only-filter
            if (a instanceof Inet4Address) {
                n++;
            }
        }
        return n;
    }

    private boolean preferred(InetAddress a) {
        return true;
    }

    static String hostAddr(String host) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        for (InetAddress inetAddress : all) {
            // ok: v6lint.java.inet4address-only-filter
            if (inetAddress instanceof Inet4Address) {
                return inetAddress.getHostAddress();
            }
        }
        return InetAddress.getByName(host).getHostAddress();
    }

    static String firstAddressOrNothing(String host) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        for (InetAddress inetAddress : all) {
            // ruleid: v6lint.java.inet4address-only-filter
            if (inetAddress instanceof Inet4Address) {
                return inetAddress.getHostAddress();
            }
        }
        return null;
    }
}
