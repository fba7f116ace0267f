using System.Net;
using System.Net.Sockets;

class Connector
{
    void Tune(Socket socket)
    {
        // ruleid: v6lint.csharp.internetwork-only-option
        if (socket.AddressFamily == AddressFamily.InterNetwork)
            socket.NoDelay = true;
        if (bufferSize > 0)
            socket.ReceiveBufferSize = bufferSize;
    }

    void TuneBlock(Socket s)
    {
        // ruleid: v6lint.csharp.internetwork-only-option
        if (s.AddressFamily == AddressFamily.InterNetwork)
        {
            s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        }
    }

    Socket Open(EndPoint endpoint)
    {
        // ruleid: v6lint.csharp.internetwork-only-option
        var protocol = endpoint.AddressFamily == AddressFamily.InterNetwork ? ProtocolType.Tcp : ProtocolType.IP;
        return new Socket(endpoint.AddressFamily, SocketType.Stream, protocol);
    }

    Socket OpenBoth(EndPoint endpoint)
    {
        // ok: v6lint.csharp.internetwork-only-option
        var protocol = endpoint.AddressFamily == AddressFamily.InterNetwork || endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? ProtocolType.Tcp : ProtocolType.IP;
        return new Socket(endpoint.AddressFamily, SocketType.Stream, protocol);
    }

    void TuneBoth(Socket socket)
    {
        // ok: v6lint.csharp.internetwork-only-option
        if (socket.AddressFamily == AddressFamily.InterNetwork || socket.AddressFamily == AddressFamily.InterNetworkV6)
            socket.NoDelay = true;
    }

    void Multicast(Socket socket, IPAddress group)
    {
        // ok: v6lint.csharp.internetwork-only-option
        if (socket.AddressFamily == AddressFamily.InterNetwork)
        {
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group));
        }
        else if (socket.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(group));
        }
    }

    void PerFamily(Socket socket)
    {
        // ok: v6lint.csharp.internetwork-only-option
        if (socket.AddressFamily == AddressFamily.InterNetwork)
        {
            socket.Ttl = 4;
        }
        if (socket.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.HopLimit, 4);
        }
    }

    string Describe(IPAddress address)
    {
        // ok: v6lint.csharp.internetwork-only-option
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            label = "v4";
        }
        return label;
    }
}
