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
        var l2 = TcpListener.Create(port);
        // ok: v6lint.csharp.ipaddress-any-bind
        bool local = IPAddress.IsLoopback(ep.Address);
    }

    void Start6(int port)
    {
        // ok: v6lint.csharp.ipaddress-any-bind
        var l6 = new TcpListener(IPAddress.IPv6Any, port);
    }
}

class Discovery
{
    async Task Discover(Socket udp, byte[] probe, byte[] buffer, CancellationToken token)
    {
        using (udp)
        {
            try
            {
                await udp.SendToAsync(probe, new IPEndPoint(IPAddress.Broadcast, 65001), token);
                // ok: v6lint.csharp.ipaddress-any-bind
                var reply = await udp.ReceiveMessageFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), token);
            }
            catch (SocketException) { }
        }
    }

    Socket Broadcaster(int port)
    {
        var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
        socket.EnableBroadcast = true;
        // ok: v6lint.csharp.ipaddress-any-bind
        socket.Bind(new IPEndPoint(IPAddress.Any, port));
        return socket;
    }

    TcpListener Server(int port)
    {
        // ruleid: v6lint.csharp.ipaddress-any-bind
        return new TcpListener(IPAddress.Any, port);
    }
}

class EndpointSamples
{
    static IPEndPoint[] All()
    {
        // ok: v6lint.csharp.ipaddress-any-bind
        return new[] { new IPEndPoint(IPAddress.Any, 1337), new IPEndPoint(IPAddress.IPv6Any, 1337) };
    }

    static IPEndPoint EchoServer(int port)
    {
        // ruleid: v6lint.csharp.ipaddress-any-bind
        return new IPEndPoint(IPAddress.Any, port);
    }
}
