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
}
