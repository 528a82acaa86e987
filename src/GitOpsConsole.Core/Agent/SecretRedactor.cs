using System.Text.RegularExpressions;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// Blanks what looks like a secret before text reaches a model: key/value pairs named password, token, secret
/// or key, bearer tokens, private-key blocks, Secret data, and any configured pattern. The trace keeps the
/// original; only the model's copy is redacted.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    private static readonly Regex[] BuiltIn =
    [
        new(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----", RegexOptions.Compiled),
        new(@"(?i)\bbearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.Compiled),
        new(@"(?i)(""?[\w.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)[\w.-]*""?\s*[:=]\s*)(""[^""]*""|'[^']*'|[^\s,;}""']+)", RegexOptions.Compiled),
        new(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b", RegexOptions.Compiled),
        new(@"\bgh[pousr]_[A-Za-z0-9]{20,}\b", RegexOptions.Compiled),
        // GitHub fine-grained tokens, and JSON Web Tokens (Argo CD account tokens, GitHub App JWTs) without a Bearer in front.
        new(@"\bgithub_pat_[A-Za-z0-9_]{20,}\b", RegexOptions.Compiled),
        new(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", RegexOptions.Compiled),
    ];

    private readonly Regex[] _extra;

    public SecretRedactor(IEnumerable<string> patterns)
    {
        _extra = [.. patterns.Select(p => new Regex(p, RegexOptions.None, TimeSpan.FromSeconds(1)))];
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var pattern in BuiltIn)
        {
            text = pattern.Replace(text, m => m.Groups.Count > 2 && m.Groups[1].Success ? m.Groups[1].Value + Quote(m.Groups[2].Value) : Mask);
        }

        foreach (var pattern in _extra)
        {
            text = pattern.Replace(text, Mask);
        }

        return text;
    }

    private static string Quote(string value) => value.StartsWith('"') ? $"\"{Mask}\"" : value.StartsWith('\'') ? $"'{Mask}'" : Mask;
}
