using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Sprig's regex functions; patterns are compiled once and cached so loops in templates don't recompile.</summary>
internal static class RegexFunctions
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static void Register(FunctionRegistry r)
    {
        r.Fixed("regexMatch", 2, (_, a) => Compile(Args.String(a, 0)).IsMatch(Args.String(a, 1)));
        r.Fixed("mustRegexMatch", 2, (_, a) => Compile(Args.String(a, 0)).IsMatch(Args.String(a, 1)));
        r.Fixed("regexFind", 2, (_, a) => Compile(Args.String(a, 0)).Match(Args.String(a, 1)) is { Success: true } m ? m.Value : string.Empty);
        r.Fixed("regexFindAll", 3, (_, a) => FindAll(Args.String(a, 0), Args.String(a, 1), Args.Int(a, 2)));
        r.Fixed("regexReplaceAll", 3, (_, a) => Compile(Args.String(a, 0)).Replace(Args.String(a, 1), ConvertReplacement(Args.String(a, 2))));
        r.Fixed("regexReplaceAllLiteral", 3, (_, a) => Compile(Args.String(a, 0)).Replace(Args.String(a, 1), Args.String(a, 2).Replace("$", "$$", StringComparison.Ordinal)));
        r.Fixed("regexSplit", 3, (_, a) => Split(Args.String(a, 0), Args.String(a, 1), Args.Int(a, 2)));
        r.Fixed("regexQuoteMeta", 1, (_, a) => Regex.Escape(Args.String(a, 0)));
    }

    private static Regex Compile(string pattern)
    {
        try
        {
            return Cache.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2)));
        }
        catch (ArgumentException ex)
        {
            throw new FunctionException($"error parsing regexp: {ex.Message}");
        }
    }

    /// <summary>Go expands <c>$name</c> greedily as a group name; .NET needs <c>${name}</c> for the same meaning.</summary>
    private static string ConvertReplacement(string replacement) =>
        Compile(@"\$([A-Za-z0-9_]+)").Replace(replacement, "$${$1}");

    private static List<object?> FindAll(string pattern, string s, int n)
    {
        var matches = Compile(pattern).Matches(s).Select(m => (object?)m.Value);
        return (n < 0 ? matches : matches.Take(n)).ToList();
    }

    private static List<object?> Split(string pattern, string s, int n)
    {
        var parts = n < 0 ? Compile(pattern).Split(s) : Compile(pattern).Split(s, n);
        return parts.Cast<object?>().ToList();
    }
}
