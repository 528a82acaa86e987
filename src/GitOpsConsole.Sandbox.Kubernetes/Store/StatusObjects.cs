using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>Builds metav1.Status bodies, the shape every Kubernetes client decodes errors from.</summary>
internal static class StatusObjects
{
    public static JsonObject Failure(ApiException error)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
            ["reason"] = error.Reason,
            ["code"] = error.Code,
        };
        if (error.Details is not null)
        {
            status["details"] = error.Details.DeepClone();
        }
        return status;
    }

    public static JsonObject Success(string? name = null, string? kind = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
        };
        if (name is not null)
        {
            status["details"] = new JsonObject { ["name"] = name, ["kind"] = kind };
        }
        return status;
    }
}
