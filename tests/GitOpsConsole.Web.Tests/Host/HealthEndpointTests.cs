using System.Net;
using System.Text.Json;

namespace GitOpsConsole.Web.Tests.Host;

public class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_Anonymous_ReportsHealthy()
    {
        await using var factory = new ConsoleFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_MigratedStore_ListsEachComponent()
    {
        await using var factory = new ConsoleFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var components = json.RootElement.GetProperty("components").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal("Healthy", components["database"].GetProperty("status").GetString());
        Assert.Contains("migrations applied", components["database"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(factory.DataDirectory, components["data-directory"].GetProperty("description").GetString());
    }
}
