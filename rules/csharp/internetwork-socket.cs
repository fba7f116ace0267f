using System.Net;
using System.Net.Sockets;

class Net
{
    Socket Make()
    {
        // ruleid: v6lint.csharp.internetwork-socket
        return new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    }

    Socket Dual()
    {
        // ok: v6lint.csharp.internetwork-socket
        return new Socket(SocketType.Stream, ProtocolType.Tcp);
    }

    Socket For(IPEndPoint ep)
    {
        // ok: v6lint.csharp.internetwork-socket
        return new Socket(ep.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
    }

    UdpClient Udp()
    {
        // ruleid: v6lint.csharp.internetwork-socket
        return new UdpClient(AddressFamily.InterNetwork);
    }

    Socket ForName(EndPoint endpoint)
    {
        // ruleid: v6lint.csharp.internetwork-socket
        var family = endpoint.AddressFamily == AddressFamily.Unspecified ? AddressFamily.InterNetwork : endpoint.AddressFamily;
        return new Socket(family, SocketType.Stream, ProtocolType.Tcp);
    }

    Socket ForNameDual(EndPoint endpoint)
    {
        // ok: v6lint.csharp.internetwork-socket
        var family = endpoint.AddressFamily == AddressFamily.Unspecified ? AddressFamily.InterNetworkV6 : endpoint.AddressFamily;
        var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        socket.DualMode = true;
        return socket;
    }

    bool IsUnix(EndPoint endpoint)
    {
        // ok: v6lint.csharp.internetwork-socket
        return endpoint.AddressFamily == AddressFamily.Unix ? true : false;
    }

    Socket BroadcastSocket(int port)
    {
        // ok: v6lint.csharp.internetwork-socket
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.EnableBroadcast = true;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, 1);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    UdpClient Stream(int localPort)
    {
        // ruleid: v6lint.csharp.internetwork-socket
        var client = new UdpClient(localPort, AddressFamily.InterNetwork);
        return client;
    }
}

class HostsTests
{
    void FirstHostIsDown()
    {
        // ok: v6lint.csharp.internetwork-socket
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        socket.Bind(endpoint);
    }

    void ConnectsOut(IPEndPoint server)
    {
        var probe = new IPEndPoint(IPAddress.Loopback, 5432);
        // ruleid: v6lint.csharp.internetwork-socket
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(server);
    }
}

class PostmasterMock
{
    Socket _socket;

    internal PostmasterMock(string connectionString)
    {
        // ok: v6lint.csharp.internetwork-socket
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        _socket.Bind(endpoint);
    }
}

class Client
{
    Socket _socket;

    internal Client(IPEndPoint server)
    {
        // ruleid: v6lint.csharp.internetwork-socket
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Connect(server);
    }
}
