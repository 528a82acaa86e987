namespace GitOpsConsole.Web.Api;

/// <summary>The apps and drift API, mapped by the pipeline in one call.</summary>
internal static class ApiEndpoints
{
    public static void MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAppsApi();
        endpoints.MapDriftApi();
    }
}
