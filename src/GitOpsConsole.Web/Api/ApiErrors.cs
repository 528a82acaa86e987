namespace GitOpsConsole.Web.Api;

/// <summary>Problem answers naming what was wrong, the same wording style as the ingestion endpoints.</summary>
internal static class ApiErrors
{
    public static IResult UnknownApp(string name) =>
        Results.Problem($"No application named '{name}' is configured (GitOps:Applications).", statusCode: StatusCodes.Status404NotFound, title: "Unknown application");

    public static IResult Invalid(string why) =>
        Results.Problem(why, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
