using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>Relays a CGI program's output: header lines (with "Status:" for the code), a blank line, the body.</summary>
internal static class CgiResponse
{
    public static async Task CopyAsync(Stream output, HttpResponse response, CancellationToken cancellationToken)
    {
        while (await ReadLineAsync(output, cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
            }
            else
            {
                response.Headers.Append(name, value);
            }
        }
        await output.CopyToAsync(response.Body, cancellationToken);
    }

    /// <summary>Reads one header line byte by byte, so not a byte of the body is consumed with it.</summary>
    private static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            }
            bytes.Add(one[0]);
        }
        return bytes.Count == 0 ? null : Encoding.ASCII.GetString([.. bytes]);
    }
}
