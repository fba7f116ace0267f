using System;
using System.Net.Http;

class MediaServerSettings
{
    public string Host { get; set; }
    public int Port { get; set; }
    public string Name { get; set; }
    public int Count { get; set; }

    // ruleid: v6lint.csharp.host-port-join
    public string Address => $"{Host}:{Port}";

    // ruleid: v6lint.csharp.host-port-join
    public string Endpoint => string.Format("{0}:{1}", Host, Port);

    // ok: v6lint.csharp.host-port-join
    public string Label => $"{Name}:{Count}";
}

class PlexProxy
{
    HttpClient Build(PlexSettings settings, string host, int port, ILogger log)
    {
        var scheme = settings.UseSsl ? "https" : "http";
        // ruleid: v6lint.csharp.host-port-join
        var builder = new RequestBuilder($"{scheme}://{settings.Host}:{settings.Port}/library");
        // ruleid: v6lint.csharp.host-port-join
        var client = new HttpClient { BaseAddress = new Uri($"http://{host}:{port}/") };
        // ruleid: v6lint.csharp.host-port-join
        var u = "http://" + host + ":" + port + "/api";
        // ruleid: v6lint.csharp.host-port-join
        var f = string.Format("https://{0}:{1}/status", host, port);
        // ruleid: v6lint.csharp.host-port-join
        var v = new Uri(host + ":" + port);
        // ok: v6lint.csharp.host-port-join
        log.LogInformation($"Connecting to {host}:{port}");
        // ok: v6lint.csharp.host-port-join
        var key = $"{host}:{port}";
        // ok: v6lint.csharp.host-port-join
        var good = new UriBuilder("http", host, port).Uri;
        // ok: v6lint.csharp.host-port-join
        var ts = string.Format("{0}:{1}", hours, minutes);
        return client;
    }
}

class EndpointFormat
{
    static string Describe(EndPoint endpoint)
    {
        switch (endpoint)
        {
            case IPEndPoint ip:
                if (ip.Port == 0) return ip.Address.ToString();
                // ruleid: v6lint.csharp.host-port-join
                return ip.Address + ":" + Format.ToString(ip.Port);
            default:
                return endpoint.ToString();
        }
    }

    static string Label(IPEndPoint remote)
    {
        // ruleid: v6lint.csharp.host-port-join
        return $"{remote.Address}:{remote.Port}";
    }

    static string Bracketed(IPEndPoint ip)
    {
        var text = ip.Address.ToString();
        if (text.IndexOf(':') >= 0)
        {
            return "[" + text + "]:" + ip.Port;
        }
        // ok: v6lint.csharp.host-port-join
        return ip.Address + ":" + ip.Port;
    }

    static string PerFamily(IPEndPoint ip)
    {
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return $"[{ip.Address}]:{ip.Port}";
        // ok: v6lint.csharp.host-port-join
        return $"{ip.Address}:{ip.Port}";
    }

    static string Other(IPEndPoint a, IPEndPoint b)
    {
        // ok: v6lint.csharp.host-port-join
        return a.Address + ":" + b.Address;
    }
}

class DataSourceTests
{
    void DataSource(NpgsqlConnection conn, NpgsqlConnectionStringBuilder csb)
    {
        // ok: v6lint.csharp.host-port-join
        Assert.That(conn.DataSource, Is.EqualTo($"tcp://{csb.Host}:{csb.Port}"));
        // ok: v6lint.csharp.host-port-join
        Assert.AreEqual($"http://{csb.Host}:{csb.Port}/", conn.Url);
        // ruleid: v6lint.csharp.host-port-join
        var url = $"http://{csb.Host}:{csb.Port}/";
        Assert.That(Get(url), Is.EqualTo(200));
    }
}
