using System.Net;
using k8s.Autorest;

namespace GitOpsConsole.Integrations.Tests.Operator;

internal static class ClusterReads
{
    /// <summary>Whether a read finds the object: true, or false on 404; other failures propagate.</summary>
    public static async Task<bool> ExistsAsync(Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
