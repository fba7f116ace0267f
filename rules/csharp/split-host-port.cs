using System;
using System.Net;
using System.Net.Sockets;

class P
{
    void Parse(string endpoint, string header)
    {
        // ruleid: v6lint.csharp.split-host-port
        var parts = endpoint.Split(':');
        // ok: v6lint.csharp.split-host-port
        var kv = header.Split(':');
    }
}

class MultiHostPool
{
    void Configure(string[] hosts, Settings settings)
    {
        for (var i = 0; i < hosts.Length; i++)
        {
            var host = hosts[i].Trim();
            var port = settings.Port;
            var portSeparator = host.IndexOf(':');
            if (portSeparator != -1)
            {
                // ruleid: v6lint.csharp.split-host-port
                port = int.Parse(host.Substring(portSeparator + 1));
                host = host.Substring(0, portSeparator);
            }
        }
    }

    TcpClient Open(string spec)
    {
        // ruleid: v6lint.csharp.split-host-port
        var bits = spec.Split(':');
        return new TcpClient(bits[0], int.Parse(bits[1]));
    }

    IPAddress[] Resolve(string seed)
    {
        // ruleid: v6lint.csharp.split-host-port
        string[] items = seed.Split(':', 2);
        return Dns.GetHostAddresses(items[0]);
    }

    void Single(Settings settings)
    {
        var idx = settings.Host!.IndexOf(':');
        // ruleid: v6lint.csharp.split-host-port
        settings.Port = int.Parse(settings.Host.Substring(idx + 1));
    }
}

class LookAlikes
{
    void Other(string value, string line, string creds, string name)
    {
        // ok: v6lint.csharp.split-host-port
        var hm = value.Split(':');
        var h = int.Parse(hm[0]);
        var m = int.Parse(hm[1]);
        // ok: v6lint.csharp.split-host-port
        var pair = line.Split(':');
        dict[pair[0]] = pair[1];
        // ok: v6lint.csharp.split-host-port
        var up = creds.Split(':');
        Login(up[0], up[1]);
        var j = line.LastIndexOf(':');
        // ok: v6lint.csharp.split-host-port
        var port = int.Parse(line.Substring(j + 1));
        var k = name.IndexOf('=');
        // ok: v6lint.csharp.split-host-port
        var n = int.Parse(name.Substring(k + 1));
        // ok: v6lint.csharp.split-host-port
        var cols = line.Split(',');
        var c = int.Parse(cols[1]);
    }
}

class MoreLookAlikes
{
    void Map(string line, Dictionary<string, string> dict)
    {
        // ok: v6lint.csharp.split-host-port
        var pair = line.Split(':');
        dict.Add(pair[0], pair[1]);
        // ok: v6lint.csharp.split-host-port
        var ratio = line.Split(':');
        if (int.TryParse(ratio[0], out var w) && int.TryParse(ratio[1], out var h)) Resize(w, h);
    }
}
