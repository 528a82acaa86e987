using System.Net;
using System.Text.RegularExpressions;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>Does what a browser does with the sign-in page: fetch it, then post the form with its token.</summary>
internal static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var page = await client.GetStringAsync(new Uri($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
