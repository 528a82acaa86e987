namespace GitOpsConsole.Web.Components;

/// <summary>The light/dark choice is kept per browser in a cookie, so even the first render has the right theme.</summary>
public static class ThemeCookie
{
    public const string Name = "gitops-theme";

    public static bool? Read(HttpContext? http) => http?.Request.Cookies[Name] switch
    {
        "dark" => true,
        "light" => false,
        _ => null,
    };
}
