namespace GitOpsConsole.Web.Ingestion;

/// <summary>Reads a request body up to a limit; signatures are computed over these exact bytes.</summary>
internal static class RequestBody
{
    /// <returns>The body, or null when it is larger than <paramref name="limit"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
