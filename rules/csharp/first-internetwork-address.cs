using System.Linq;
using System.Net;
using System.Net.Sockets;

class Resolve
{
    IPAddress Get(string host)
    {
        // ruleid: v6lint.csharp.first-internetwork-address
        return Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
    }

    IPAddress Any(string host)
    {
        // ok: v6lint.csharp.first-internetwork-address
        return Dns.GetHostAddresses(host).First();
    }
}
