using System.Text.Json.Serialization;
using GitOpsConsole.Data.Events;

namespace GitOpsConsole.Web.Ingestion;

internal static class IngestionRegistration
{
    public static void AddIngestion(this IServiceCollection services)
    {
        services.AddSingleton<EventFeed>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<EventQuery>();
        services.AddHostedService<SandboxPushIngestion>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
    }
}
