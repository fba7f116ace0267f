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
