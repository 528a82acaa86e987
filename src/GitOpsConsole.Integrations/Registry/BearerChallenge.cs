using System.Net.Http.Headers;

namespace GitOpsConsole.Integrations.Registry;

/// <summary>A <c>WWW-Authenticate: Bearer realm="…",service="…",scope="…"</c> challenge, as registries send on 401.</summary>
public sealed record BearerChallenge(Uri Realm, string? Service, string? Scope)
{
    public static BearerChallenge? From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
        return header?.Parameter is null ? null : Parse(header);
    }

    private static BearerChallenge? Parse(AuthenticationHeaderValue header)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = header.Parameter!;
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var key = text[i..eq].Trim(' ', ',');
            string value;
            if (eq + 1 < text.Length && text[eq + 1] == '"')
            {
                var close = text.IndexOf('"', eq + 2);
                close = close < 0 ? text.Length : close;
                value = text[(eq + 2)..close];
                i = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', eq);
                comma = comma < 0 ? text.Length : comma;
                value = text[(eq + 1)..comma];
                i = comma;
            }

            values[key] = value;
            i++;
        }

        return values.TryGetValue("realm", out var realm) && Uri.TryCreate(realm, UriKind.Absolute, out var uri)
            ? new BearerChallenge(uri, values.GetValueOrDefault("service"), values.GetValueOrDefault("scope"))
            : null;
    }

    public Uri TokenUri()
    {
        var query = new List<string>();
        if (Service is not null)
        {
            query.Add("service=" + Uri.EscapeDataString(Service));
        }

        if (Scope is not null)
        {
            query.Add("scope=" + Uri.EscapeDataString(Scope));
        }

        var builder = new UriBuilder(Realm);
        builder.Query = string.Join('&', new[] { builder.Query.TrimStart('?') }.Where(q => q.Length > 0).Concat(query));
        return builder.Uri;
    }
}
