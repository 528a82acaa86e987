using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Core.Agent.Policies;

/// <summary>A one-off freeze of one application from <see cref="From"/> until <see cref="Until"/> (UTC), declared while the console runs.</summary>
public sealed record FreezePeriod(string Name, DateTimeOffset From, DateTimeOffset Until, FreezeAction Action)
{
    public bool Covers(DateTimeOffset now) => now >= From && now < Until;
}
