using System.Text.RegularExpressions;

namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// Reads and writes the trailer block (the last paragraph of <c>Key: value</c> lines) that ties a
/// commit to the run and step that made it.
/// </summary>
public static partial class GitTrailers
{
    /// <summary>The message with the trailers appended as its final paragraph.</summary>
    public static string Append(string message, IReadOnlyList<GitTrailer> trailers)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(trailers);
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new GitOperationException("A commit message is required.");
        }

        var body = message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        if (trailers.Count == 0)
        {
            return body + "\n";
        }

        foreach (var trailer in trailers)
        {
            Validate(trailer);
        }

        return body + "\n\n" + string.Join("\n", trailers.Select(t => $"{t.Key}: {t.Value}")) + "\n";
    }

    /// <summary>The trailers of a commit message; empty when its last paragraph is not a trailer block.</summary>
    public static IReadOnlyList<GitTrailer> Parse(string message)
    {
        var paragraphs = message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split("\n\n");
        if (paragraphs.Length < 2)
        {
            return [];
        }

        var lines = paragraphs[^1].Split('\n');
        var trailers = new List<GitTrailer>(lines.Length);
        foreach (var line in lines)
        {
            var match = TrailerLine().Match(line);
            if (!match.Success)
            {
                return [];
            }

            trailers.Add(new GitTrailer(match.Groups["key"].Value, match.Groups["value"].Value.Trim()));
        }

        return trailers;
    }

    /// <summary>True when every wanted trailer is in the message (keys case-insensitive, values exact).</summary>
    public static bool HasAll(string message, IReadOnlyList<GitTrailer> wanted)
    {
        var present = Parse(message);
        return wanted.All(w => present.Any(p =>
            string.Equals(p.Key, w.Key, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.Value, w.Value.Trim(), StringComparison.Ordinal)));
    }

    private static void Validate(GitTrailer trailer)
    {
        if (!TrailerKey().IsMatch(trailer.Key))
        {
            throw new GitOperationException($"'{trailer.Key}' is not a trailer key: use letters, digits and '-'.");
        }

        if (string.IsNullOrWhiteSpace(trailer.Value) || trailer.Value.Contains('\n', StringComparison.Ordinal))
        {
            throw new GitOperationException($"Trailer '{trailer.Key}' needs a one-line, non-empty value.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex TrailerKey();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9][A-Za-z0-9-]*):\s(?<value>.*)$")]
    private static partial Regex TrailerLine();
}
