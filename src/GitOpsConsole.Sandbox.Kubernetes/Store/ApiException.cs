using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>A request failure that becomes a metav1.Status response with the given code and reason.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }
    public string Reason { get; }
    public JsonObject? Details { get; }

    public static ApiException NotFound(string resource, string name) =>
        new(404, "NotFound", $"{resource} \"{name}\" not found", Detail(resource, name));

    public static ApiException AlreadyExists(string resource, string name) =>
        new(409, "AlreadyExists", $"{resource} \"{name}\" already exists", Detail(resource, name));

    public static ApiException Conflict(string resource, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": {why}", Detail(resource, name));

    public static ApiException Invalid(string kind, string name, string message) =>
        new(422, "Invalid", $"{kind} \"{name}\" is invalid: {message}", Detail(kind, name));

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiException Gone(string message) => new(410, "Expired", message);

    private static JsonObject Detail(string resource, string name)
    {
        var dot = resource.IndexOf('.', StringComparison.Ordinal);
        var details = new JsonObject { ["name"] = name };
        if (dot > 0)
        {
            details["group"] = resource[(dot + 1)..];
            details["kind"] = resource[..dot];
        }
        else
        {
            details["kind"] = resource;
        }
        return details;
    }
}
