using System.Net;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>What one service's error answers mean: its message out of the body, and what a person must change.</summary>
public interface IServiceErrorAdvisor
{
    /// <summary>The service's name as people know it (GitHub, Argo CD, registry ghcr.io).</summary>
    string Service { get; }

    /// <summary>The human-readable message from an error body in the service's format; empty when there is none.</summary>
    string ReadMessage(string body);

    /// <summary>What to fix, for this status on this request; empty when there is nothing to add.</summary>
    string Advise(HttpStatusCode status, HttpMethod method, string path, string serviceMessage);
}
