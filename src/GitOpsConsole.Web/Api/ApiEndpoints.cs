namespace GitOpsConsole.Web.Api;

/// <summary>The apps, drift and questions API, mapped by the pipeline in one call.</summary>
internal static class ApiEndpoints
{
    public static void MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAppsApi();
        endpoints.MapDriftApi();
        endpoints.MapQuestionsApi();
    }
}
