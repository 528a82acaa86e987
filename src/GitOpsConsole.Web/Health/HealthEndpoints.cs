namespace GitOpsConsole.Web.Health;

internal static class HealthEndpoints
{
    public static void AddReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadinessProbe.Tag])
            .AddCheck<DataDirectoryCheck>("data-directory", tags: [ReadinessProbe.Tag]);
        services.AddSingleton<ReadinessFeed>();
        services.AddSingleton<ReadinessProbe>();
        services.AddHostedService<ReadinessMonitor>();
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness answers as long as the process serves requests; it checks nothing else on purpose.
        endpoints.MapGet("/healthz", () => Results.Json(new { status = "Healthy" })).AllowAnonymous();

        endpoints.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken cancellationToken) =>
        {
            var report = await probe.CheckAsync(cancellationToken);
            return Results.Json(report, statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
    }
}
