using GitOpsConsole.Core;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Data.Auditing;

/// <summary>Each audit entry, once persisted.</summary>
public sealed class AuditFeed : LiveFeed<AuditEntry>;
