using System.Net;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>
/// An outside service refused a request. The message names the service, the status, the method and
/// path, what the service said and what to change; tokens are already taken out of it.
/// </summary>
public sealed class ServiceRequestException : Exception
{
    public ServiceRequestException(string service, HttpStatusCode status, string method, string path, string serviceMessage, string advice)
        : base(Compose(service, status, method, path, serviceMessage, advice))
    {
        Service = service;
        StatusCode = status;
        Method = method;
        Path = path;
        ServiceMessage = serviceMessage;
    }

    public ServiceRequestException()
        : this("service", HttpStatusCode.InternalServerError, "GET", "/", "", "")
    {
    }

    public ServiceRequestException(string message)
        : base(message)
    {
        Service = "service";
        Method = "GET";
        Path = "/";
        ServiceMessage = message;
    }

    public ServiceRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Service = "service";
        Method = "GET";
        Path = "/";
        ServiceMessage = message;
    }

    public string Service { get; }

    public HttpStatusCode StatusCode { get; }

    public string Method { get; }

    /// <summary>The request path with its query, as sent.</summary>
    public string Path { get; }

    /// <summary>The service's own explanation from the error body (may be empty).</summary>
    public string ServiceMessage { get; }

    private static string Compose(string service, HttpStatusCode status, string method, string path, string serviceMessage, string advice)
    {
        var said = string.IsNullOrWhiteSpace(serviceMessage) ? "" : $" ({serviceMessage.Trim()})";
        var todo = string.IsNullOrWhiteSpace(advice) ? "" : $": {advice}";
        return $"{service} answered {(int)status} for {method} {path}{said}{todo}";
    }
}
