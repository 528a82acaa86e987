namespace GitOpsConsole.Core.Scenarios;

/// <summary>The scenario's answer to a question a run asks, or null when a person has to answer in the chat panel.</summary>
public static class ScriptedAnswers
{
    public static string? For(IReadOnlyList<ScriptedAnswer> answers, string question, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(choices);
        var match = answers.FirstOrDefault(a => question.Contains(a.QuestionContains, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return null;
        }

        // A scripted answer outside the offered choices would be refused by the question; take the choice it names.
        return choices.Count == 0 ? match.Answer : choices.FirstOrDefault(c => string.Equals(c, match.Answer, StringComparison.OrdinalIgnoreCase));
    }
}
