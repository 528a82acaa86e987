using GitOpsConsole.Core;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Data.Agent;

/// <summary>A question was asked, answered, expired or withdrawn (stored first); an instruction was sent or read (Question is null).</summary>
public sealed record QuestionChange(Guid RunId, Guid? QuestionId, QuestionStatus? Status);

/// <summary>Every stored change of questions and instructions, for the chat panel, the app bar's badge and waiting runs.</summary>
public sealed class QuestionFeed : LiveFeed<QuestionChange>;
