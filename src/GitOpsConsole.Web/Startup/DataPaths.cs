namespace GitOpsConsole.Web.Startup;

/// <summary>Absolute locations under <c>GitOps:DataDirectory</c>.</summary>
public sealed record DataPaths(string Root)
{
    public string InitialAdminPassword => Path.Combine(Root, "initial-admin-password");
}
