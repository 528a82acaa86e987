namespace GitOpsConsole.Core.Configuration;

/// <summary>One environment's agent policy: limits in range, freeze windows with valid times and a known time zone.</summary>
public static class AgentPolicyValidator
{
    public static IEnumerable<string> Validate(AgentPolicyOptions policy, string key)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MaxReplicas is < 0)
        {
            yield return $"{key}:MaxReplicas: must be 0 or more, got {policy.MaxReplicas}.";
        }

        for (var i = 0; i < policy.FreezeWindows.Count; i++)
        {
            var window = policy.FreezeWindows[i];
            var at = $"{key}:FreezeWindows:{i}";
            foreach (var (name, text) in new[] { ("Start", window.Start), ("End", window.End) })
            {
                if (!TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                {
                    yield return $"{at}:{name}: must be a time of day as HH:mm, got '{text}'.";
                }
            }

            if (window.Start == window.End)
            {
                yield return $"{at}: Start and End are both '{window.Start}'; a window needs a length.";
            }

            if (!string.IsNullOrWhiteSpace(window.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(window.TimeZone, out _))
            {
                yield return $"{at}:TimeZone: '{window.TimeZone}' is not a time zone this machine knows (use an IANA id such as Europe/Berlin).";
            }
        }
    }
}
