using System.Net;

namespace GitOpsConsole.Web.Sandbox;

/// <summary>Which of the console's listening addresses a process on the same machine should call.</summary>
internal static class LoopbackAddress
{
    /// <summary>
    /// A loopback http address as is; else an http wildcard or interface binding reached through 127.0.0.1 on its port.
    /// Null when the console listens on no http address (https only needs a certificate the registry would not trust).
    /// </summary>
    public static Uri? Pick(IEnumerable<string> addresses)
    {
        var http = addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Scheme == Uri.UriSchemeHttp)
            .ToList();
        if (http.FirstOrDefault(u => u.IsLoopback) is { } loopback)
        {
            return new Uri(loopback.GetLeftPart(UriPartial.Authority));
        }

        return http.FirstOrDefault() is { } any ? new Uri($"http://{IPAddress.Loopback}:{any.Port}") : null;
    }
}
