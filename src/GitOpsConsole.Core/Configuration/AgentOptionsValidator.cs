using System.Text.RegularExpressions;

namespace GitOpsConsole.Core.Configuration;

/// <summary>The agent's bounds and provider settings, each message naming its key.</summary>
public static class AgentOptionsValidator
{
    public static IEnumerable<string> Validate(AgentOptions agent, string key)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.MaxSteps is < 1 or > 1000)
        {
            yield return $"{key}:MaxSteps: must be between 1 and 1000, got {agent.MaxSteps}.";
        }

        if (agent.MaxWallTimeMinutes is < 1 or > 24 * 60)
        {
            yield return $"{key}:MaxWallTimeMinutes: must be between 1 and 1440, got {agent.MaxWallTimeMinutes}.";
        }

        if (agent.TokenBudget < 1)
        {
            yield return $"{key}:TokenBudget: must be at least 1, got {agent.TokenBudget}.";
        }

        if (agent.ToolOutputCap is < 256 or > 1_000_000)
        {
            yield return $"{key}:ToolOutputCap: must be between 256 and 1000000 characters, got {agent.ToolOutputCap}.";
        }

        if (agent.Provider is "AzureOpenAI" or "OpenAICompatible" && !Uri.TryCreate(agent.Endpoint, UriKind.Absolute, out _))
        {
            yield return $"{key}:Endpoint: the {agent.Provider} provider needs the service URL, got '{agent.Endpoint}'.";
        }

        if (agent.Provider is "OpenAI" or "AzureOpenAI" && string.IsNullOrWhiteSpace(agent.Model))
        {
            yield return $"{key}:Model: the {agent.Provider} provider needs a model (Azure: the deployment name).";
        }

        if (agent.QuestionTimeoutMinutes is < 1 or > 7 * 24 * 60)
        {
            yield return $"{key}:QuestionTimeoutMinutes: must be between 1 and 10080 (a week), got {agent.QuestionTimeoutMinutes}.";
        }

        foreach (var error in agent.Policies.SelectMany(p => AgentPolicyValidator.Validate(p.Value, $"{key}:Policies:{p.Key}")))
        {
            yield return error;
        }

        for (var i = 0; i < agent.RedactPatterns.Count; i++)
        {
            string? error = null;
            try
            {
                _ = new Regex(agent.RedactPatterns[i], RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
            }

            if (error is not null)
            {
                yield return $"{key}:RedactPatterns:{i}: not a regular expression: {error}";
            }
        }
    }
}
