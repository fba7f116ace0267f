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
        var ep6 = new IPEndPoint(IPAddress.IPv6Loopback, port);
        // ok: v6lint.csharp.ipaddress-loopback-endpoint
        bool local = IPAddress.IsLoopback(ep.Address);
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
