using System.Net;
using System.Net.Sockets;

class Srv
{
    void Start(int port)
    {
        // ruleid: v6lint.csharp.ipaddress-any-bind
        var l = new TcpListener(IPAddress.Any, port);
        // ok: v6lint.csharp.ipaddress-any-bind
        var ep = new IPEndPoint(IPAddress.Loopback, port);
        // ok: v6lint.csharp.ipaddress-any-bind
        var l6 = new TcpListener(IPAddress.IPv6Any, port);
        // ok: v6lint.csharp.ipaddress-any-bind
        var l2 = TcpListener.Create(port);
        // ok: v6lint.csharp.ipaddress-any-bind
        bool local = IPAddress.IsLoopback(ep.Address);
    }
}
