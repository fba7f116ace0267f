using System.Net;
using System.Net.Sockets;

class Local
{
    void Start(int port, Socket s)
    {
        // ruleid: v6lint.csharp.ipaddress-loopback-endpoint
        var ep = new IPEndPoint(IPAddress.Loopback, port);
        // ruleid: v6lint.csharp.ipaddress-loopback-endpoint
        s.Connect(IPAddress.Loopback, port);
        // ok: v6lint.csharp.ipaddress-loopback-endpoint
        bool local = IPAddress.IsLoopback(ep.Address);
    }

    void Start6(int port)
    {
        // ok: v6lint.csharp.ipaddress-loopback-endpoint
        var ep6 = new IPEndPoint(IPAddress.IPv6Loopback, port);
    }
}

class TestServer
{
    TcpListener Probe()
    {
        // ok: v6lint.csharp.ipaddress-loopback-endpoint
        return new TcpListener(IPAddress.Loopback, 0);
    }
}

class Endpoints
{
    static IPEndPoint[] Samples(bool mono)
    {
        if (mono)
            // ok: v6lint.csharp.ipaddress-loopback-endpoint
            return new[] { new IPEndPoint(IPAddress.Loopback, 1337) };
        // ok: v6lint.csharp.ipaddress-loopback-endpoint
        return new[] { new IPEndPoint(IPAddress.Loopback, 1337), new IPEndPoint(IPAddress.IPv6Loopback, 1337) };
    }

    static IPEndPoint ClientHack(IPEndPoint ep) =>
        ep.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Loopback, ep.Port)
            // ok: v6lint.csharp.ipaddress-loopback-endpoint
            : new IPEndPoint(IPAddress.Loopback, ep.Port);

    static IPEndPoint Only(int port)
    {
        // ruleid: v6lint.csharp.ipaddress-loopback-endpoint
        return new IPEndPoint(IPAddress.Loopback, port);
    }
}
