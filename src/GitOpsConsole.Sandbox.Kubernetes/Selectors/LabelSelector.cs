using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Selectors;

/// <summary>A parsed label selector in the query-string syntax (=, ==, !=, in, notin, key, !key).</summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<Requirement>();
        foreach (var term in SplitTerms(text))
        {
            requirements.Add(ParseTerm(term.Trim(), text));
        }
        return new LabelSelector(requirements);
    }

    // Commas separate requirements except inside the parentheses of in/notin sets.
    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    private static Requirement ParseTerm(string term, string whole)
    {
        if (term.Length == 0)
        {
            throw Bad(whole);
        }
        if (term.StartsWith('!'))
        {
            return new Requirement(CheckKey(term[1..].Trim(), whole), Op.NotExists, []);
        }
        foreach (var (token, op) in new[] { ("!=", Op.NotEquals), ("==", Op.Equals), ("=", Op.Equals) })
        {
            var at = term.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                return new Requirement(CheckKey(term[..at].Trim(), whole), op, [term[(at + token.Length)..].Trim()]);
            }
        }
        var open = term.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && term.EndsWith(')'))
        {
            var head = term[..open].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (head.Length == 2 && (head[1] == "in" || head[1] == "notin"))
            {
                var values = term[(open + 1)..^1].Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
                return new Requirement(CheckKey(head[0], whole), head[1] == "in" ? Op.In : Op.NotIn, values);
            }
            throw Bad(whole);
        }
        return new Requirement(CheckKey(term, whole), Op.Exists, []);
    }

    private static string CheckKey(string key, string whole) =>
        key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '!' or '=') ? throw Bad(whole) : key;

    private static ApiException Bad(string text) =>
        ApiException.BadRequest($"unable to parse requirement: invalid label selector \"{text}\"");

    private enum Op { Equals, NotEquals, In, NotIn, Exists, NotExists }

    private sealed record Requirement(string Key, Op Operator, IReadOnlyCollection<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var has = labels.TryGetValue(Key, out var value);
            return Operator switch
            {
                Op.Equals => has && Values.Contains(value!),
                Op.NotEquals => !has || !Values.Contains(value!),
                Op.In => has && Values.Contains(value!),
                Op.NotIn => !has || !Values.Contains(value!),
                Op.Exists => has,
                _ => !has,
            };
        }
    }
}
