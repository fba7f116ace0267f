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

class Eyeballs
{
    // Interleaving both families for a Happy Eyeballs connect: nothing is lost.
    IPAddress[] Interleave(IPAddress[] all)
    {
        var v6 = all.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).ToArray();
        // ok: v6lint.csharp.first-internetwork-address
        var v4 = all.Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToArray();
        return Mix(v6, v4);
    }

    IPAddress PreferV4(string host)
    {
        var list = Dns.GetHostAddresses(host);
        // ok: v6lint.csharp.first-internetwork-address
        var v4 = list.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        if (v4 != null)
            return v4;
        return list.First(a => a.AddressFamily == AddressFamily.InterNetworkV6);
    }

    // ok: v6lint.csharp.first-internetwork-address
    static Split Both(IPAddress[] a) => new Split(a.Where(x => x.AddressFamily == AddressFamily.InterNetwork), a.Where(x => x.AddressFamily == AddressFamily.InterNetworkV6));

    IPAddress Lan()
    {
        // ruleid: v6lint.csharp.first-internetwork-address
        var local = Dns.GetHostEntry(Dns.GetHostName()).AddressList.Where(i => i.AddressFamily == AddressFamily.InterNetwork);
        return local.Last();
    }
}
