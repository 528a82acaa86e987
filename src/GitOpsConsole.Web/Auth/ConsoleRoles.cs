using System.Security.Claims;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Web.Auth;

/// <summary>Role names and policies. A role includes the ones below it, so each gets all its claims.</summary>
public static class ConsoleRoles
{
    public const string Viewer = nameof(UserRole.Viewer);
    public const string Operator = nameof(UserRole.Operator);
    public const string Admin = nameof(UserRole.Admin);

    /// <summary>Triggers, syncs, answers and approves.</summary>
    public const string CanOperate = "CanOperate";

    /// <summary>Changes settings and users.</summary>
    public const string CanAdminister = "CanAdminister";

    public static IEnumerable<Claim> ClaimsFor(UserRole role) =>
        Enum.GetValues<UserRole>().Where(r => r <= role).Select(r => new Claim(ClaimTypes.Role, r.ToString()));

    public static ClaimsPrincipal Principal(string userName, UserRole role, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, userName) };
        claims.AddRange(ClaimsFor(role));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The highest role a principal holds.</summary>
    public static UserRole HighestRole(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Enum.GetValues<UserRole>().Where(r => user.IsInRole(r.ToString())).DefaultIfEmpty(UserRole.Viewer).Max();
    }
}
