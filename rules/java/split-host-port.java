import java.net.InetSocketAddress;
import java.util.Arrays;

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

class SentinelPool {
    private static final String COLON = ":";

    void init(Set<String> sentinels) {
        for (String sentinel : sentinels) {
            // ruleid: v6lint.java.split-host-port
            HostAndPort hap = toHostAndPort(Arrays.asList(sentinel.split(":")));
            pool.add(hap);
        }
    }

    HostAndPort movedTarget(String reply) {
        String[] messageInfo = reply.split(" ");
        // ruleid: v6lint.java.split-host-port
        String[] targetHostAndPort = messageInfo[2].split(":");
        return new HostAndPort(targetHostAndPort[0], Integer.valueOf(targetHostAndPort[1]));
    }

    Member self(String self) {
        // ruleid: v6lint.java.split-host-port
        String[] info = self.split(COLON);
        Member m = new Member();
        m.setIp(info[0]);
        m.setPort(Integer.parseInt(info[1].trim()));
        return m;
    }

    InetSocketAddress quorum(String[] serverClientParts) {
        // ruleid: v6lint.java.split-host-port
        String serverParts[] = serverClientParts[0].split(":");
        return new InetSocketAddress(serverParts[0], 2888);
    }

    Member fromParam(String[] params) {
        return Member.builder()
                .ip(params[1].split(UtilsAndCommons.IP_PORT_SPLITER)[0])
                // ruleid: v6lint.java.split-host-port
                .port(Integer.parseInt(params[1].split(UtilsAndCommons.IP_PORT_SPLITER)[1]))
                .build();
    }

    String[] rpc(String serverAddress) {
        // ruleid: v6lint.java.split-host-port
        return serverAddress.split(Constants.COLON, 2);
    }

    String sourceIp(String remoteAddr) {
        // ruleid: v6lint.java.split-host-port
        return StringUtils.substringBefore(remoteAddr, CommonConstants.COLON);
    }

    void url(String url) {
        int port = 0;
        int i = url.indexOf(":");
        if (i >= 0) {
            // ruleid: v6lint.java.split-host-port
            port = Integer.parseInt(url.substring(i + 1));
            url = url.substring(0, i);
        }
    }
}

class LookAlikes {
    void times(String time, String line, String entry, String userInfo, String version) {
        // ok: v6lint.java.split-host-port
        String[] hm = time.split(":");
        int hours = Integer.parseInt(hm[0]);
        int minutes = Integer.parseInt(hm[1]);
        // ok: v6lint.java.split-host-port
        String[] fields = line.split(":");
        int hour = Integer.parseInt(fields[0]);
        int minute = Integer.parseInt(fields[1]);
        // ok: v6lint.java.split-host-port
        String[] pair = entry.split(":");
        props.put(pair[0], pair[1]);
        // ok: v6lint.java.split-host-port
        String[] up = userInfo.split(":");
        login(up[0], up[1]);
        // ok: v6lint.java.split-host-port
        String[] pieces = entry.split(",");
        int n = Integer.parseInt(pieces[1]);
        // ok: v6lint.java.split-host-port
        String[] module = entry.split(":");
        load(module[0], module[1]);
        // ok: v6lint.java.split-host-port
        int major = Integer.parseInt(version.split(":")[1]);
        // ok: v6lint.java.split-host-port
        String drive = entry.substring(0, entry.indexOf(":"));
        int j = entry.lastIndexOf(':');
        // ok: v6lint.java.split-host-port
        int p = Integer.parseInt(entry.substring(j + 1));
        int k = entry.indexOf("=");
        // ok: v6lint.java.split-host-port
        int v = Integer.parseInt(entry.substring(k + 1));
    }

    void sentinelSlaveDown(String slave) {
        // ruleid: v6lint.java.split-host-port
        String[] parts = slave.replace("redis://", "").split(":");
        markDown(parts[0], parts[1]);
    }

    String[] gatewayParts(String ip) {
        int index = ip.indexOf(Constants.IP_PORT_SEPARATOR);
        if (index != -1) {
            // ruleid: v6lint.java.split-host-port
            return new String[] {ip.substring(0, index), ip.substring(index + 1)};
        }
        return new String[] {ip, "8080"};
    }

    String[] settingPair(String line) {
        int i = line.indexOf(":");
        // ok: v6lint.java.split-host-port
        return new String[] {line.substring(0, i), line.substring(i + 1)};
    }

    String[] schemeAndRest(String url) {
        // ok: v6lint.java.split-host-port
        return url.replace("jdbc:", "").split(":");
    }

    String[] lastColon(String address) {
        int i = address.lastIndexOf(":");
        // ok: v6lint.java.split-host-port
        return new String[] {address.substring(0, i), address.substring(i + 1)};
    }

}

class LoopbackFixture {
    private static final String HOSTPORT = "127.0.0.1:" + PortAssignment.unique();
    private static String HOST = "127.0.0.1";
    private static String HOSTPORT2 = HOST + ":" + PORT;
    private String serverAddress = System.getProperty("server", "localhost:2181");

    void start() {
        // ok: v6lint.java.split-host-port
        final int port = Integer.parseInt(HOSTPORT.split(":")[1]);
        // ok: v6lint.java.split-host-port
        final int port2 = Integer.parseInt(HOSTPORT2.split(":")[1]);
        final String local = "127.0.0.1:" + PortAssignment.unique();
        // ok: v6lint.java.split-host-port
        final int port3 = Integer.parseInt(local.split(":")[1]);
        // A configurable value is still parsed as host:port.
        // ruleid: v6lint.java.split-host-port
        final int port4 = Integer.parseInt(serverAddress.split(":")[1]);
    }
}

class Routes {
    static int getPort(String hostPort) {
        // ok: v6lint.java.split-host-port
        String[] split = hostPort.split(":");
        String portstr = split[split.length - 1];
        return Integer.parseInt(portstr);
    }

    static void queues(String orderConf) {
        for (String broker : orderConf.split(";")) {
            // ok: v6lint.java.split-host-port
            String[] item = broker.split(":");
            int nums = Integer.parseInt(item[1]);
            for (int i = 0; i < nums; i++) {
                add(new MessageQueue(item[0], i));
            }
        }
    }

    static String[] configPaths(String brokerConfigList) {
        // ok: v6lint.java.split-host-port
        return brokerConfigList.split(":");
    }

    static void quorum(String addr) {
        String host;
        if (addr.contains("[")) {
            host = addr.substring(1, addr.indexOf("]"));
        } else {
            // ok: v6lint.java.split-host-port
            host = addr.substring(0, addr.indexOf(":"));
        }
        // The unbracketed branch of an unrelated check still splits an address.
        if (addr.contains("/")) {
            addr = addr.substring(addr.indexOf("/") + 1);
        } else {
            // ruleid: v6lint.java.split-host-port
            host = addr.substring(0, addr.indexOf(":"));
        }
    }

    static String createAddress(String host, Object port) {
        if (host.contains(":") && !host.startsWith("[")) {
            // ruleid: v6lint.java.split-host-port
            String[] splittedHost = host.split(":");
            host = "[" + splittedHost[0] + splittedHost[1] + "]";
        } else {
            host = map(host);
        }
        return host;
    }
}
