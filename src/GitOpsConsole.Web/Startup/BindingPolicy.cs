using System.Net;

namespace GitOpsConsole.Web.Startup;

/// <summary>Which addresses the console will listen on, and whether they are loopback only.</summary>
internal static class BindingPolicy
{
    public static IReadOnlyList<string> ConfiguredUrls(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>());
        return urls.Count == 0 ? [RootSettings.DefaultUrl] : urls;
    }

    public static bool IsLoopback(string url)
    {
        // Kestrel accepts wildcards that Uri cannot parse; they all mean "every interface".
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/', 2)[0];
        if (host.StartsWith('['))
        {
            host = host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
