using System.Globalization;

namespace GitOpsConsole.Sandbox.Kubernetes.Admission;

/// <summary>Hands out service cluster IPs from 10.96.0.0/16 (10.96.0.1 is the API service's in a real cluster).</summary>
internal sealed class ClusterIpAllocator
{
    private int _next = 10;

    public string Next()
    {
        var n = Interlocked.Increment(ref _next);
        return string.Create(CultureInfo.InvariantCulture, $"10.96.{(n >> 8) & 0xff}.{n & 0xff}");
    }
}
