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
                // ruleid: v6lint.csharp.split-host-port
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

class EndpointText
{
    static EndPoint Parse(string endpoint)
    {
        string host;
        int port;
        int i = endpoint.IndexOf(':');
        if (i < 0)
        {
            host = endpoint;
            port = 0;
        }
        else
        {
            // ruleid: v6lint.csharp.split-host-port
            host = endpoint.Substring(0, i);
            // ruleid: v6lint.csharp.split-host-port
            var portText = endpoint.Substring(i + 1);
            if (!TryParseInt32(portText, out port)) return null;
        }
        return Make(host, port);
    }

    static Broker FromConfig(string address)
    {
        var index = address.IndexOf(":");
        if (index == -1)
            return new Broker(address, -1);
        // ruleid: v6lint.csharp.split-host-port
        string portStr = address.Substring(index + 1).Trim();
        return new Broker(address.Substring(0, index), portStr.Length == 0 ? -1 : int.Parse(portStr));
    }

    static void Header(string line)
    {
        var colon = line.IndexOf(':');
        // ok: v6lint.csharp.split-host-port
        var name = line.Substring(0, colon);
        // ok: v6lint.csharp.split-host-port
        var value = line.Substring(colon + 1);
        Add(name, value);
    }

    static void Credentials(string userInfo)
    {
        var sep = userInfo.IndexOf(':');
        // ok: v6lint.csharp.split-host-port
        var user = userInfo.Substring(0, sep);
        Login(user, userInfo.Substring(sep + 1));
    }

    static void Safe(string hostPort)
    {
        var last = hostPort.LastIndexOf(':');
        // ok: v6lint.csharp.split-host-port
        var host = hostPort.Substring(0, last).Trim('[', ']');
        // ok: v6lint.csharp.split-host-port
        var port = hostPort.Substring(last + 1);
        Connect(host, port);
    }
}

class BracketFirst
{
    static string[] Parse(string host)
    {
        if (host[0] == '[')
        {
            var close = host.IndexOf(']');
            return new[] { host.Substring(1, close - 1) };
        }
        // ok: v6lint.csharp.split-host-port
        var parts = host.Split(':');
        return parts;
    }

    static string[] ParseText(string address)
    {
        if (address.StartsWith("["))
            return ParseBracketed(address);
        // ok: v6lint.csharp.split-host-port
        return address.Split(':');
    }
}

class EndPointText
{
    static bool TryParse(string addressWithPort, out string addressPart, out string portPart)
    {
        addressPart = addressWithPort;
        portPart = null;
        var lastColonIndex = addressWithPort.LastIndexOf(':');
        if (lastColonIndex > 0)
        {
            var firstColonIndex = addressWithPort.IndexOf(':');
            if (firstColonIndex != lastColonIndex)
            {
                addressPart = addressWithPort;
            }
            else
            {
                // ok: v6lint.csharp.split-host-port
                addressPart = addressWithPort.Substring(0, firstColonIndex);
                // ok: v6lint.csharp.split-host-port
                portPart = addressWithPort.Substring(firstColonIndex + 1);
            }
        }
        return true;
    }

    static void SplitAnyway(string endpoint, string other, out string host, out string port)
    {
        // LastIndexOf on another string tells nothing about this one.
        var last = other.LastIndexOf(':');
        var i = endpoint.IndexOf(':');
        if (last > 0)
        {
            host = other;
            port = null;
        }
        else
        {
            // ruleid: v6lint.csharp.split-host-port
            host = endpoint.Substring(0, i);
            // ruleid: v6lint.csharp.split-host-port
            port = endpoint.Substring(i + 1);
        }
    }
}
