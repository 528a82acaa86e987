using System.Net.Http.Headers;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Tokens;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>HTTP clients of the console's API that authenticate with a fresh API token of a role.</summary>
public static class ApiClients
{
    public static async Task<HttpClient> WithTokenAsync(WebApplicationFactory<Program> factory, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var created = await factory.Services.GetRequiredService<ApiTokenStore>()
            .CreateAsync($"test-{role}-{Guid.NewGuid():N}", role, "admin", null, TestContext.Current.CancellationToken);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Value.Token);
        return client;
    }
}
