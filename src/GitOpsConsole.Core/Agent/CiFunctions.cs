using GitOpsConsole.Core.Domain;
using System.ComponentModel;
using GitOpsConsole.Core.Toolbox;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>ci_trigger_build</c> and <c>ci_get_build</c>.</summary>
internal static class CiFunctions
{
    private const int MaxWaitSeconds = 1800;

    public static IEnumerable<KernelFunction> Create(ICiTool ci, AgentRunContext context)
    {
        yield return AgentToolbox.Function("ci_trigger_build",
            "Starts a CI build of a source commit of the application (a commit that failed before is built again). Returns the build: id, state, image once built, error and log tail.",
            mutates: true,
            async ([Description("The full commit SHA to build.")] string commit, CancellationToken ct) =>
            {
                var build = await ci.TriggerBuildAsync(context.Application, commit, ct);
                return new ToolOutput(build, $"CI build of {CommitSha.Abbreviate(commit)} {Lower(build.State)}");
            });

        yield return AgentToolbox.Function("ci_get_build",
            "Reads a CI build, waiting up to waitSeconds for it to finish. Returns id, state (Queued, Running, Succeeded, Failed, Cancelled, TimedOut), the pushed image repository:tag, error and the log tail.",
            mutates: false,
            async ([Description("The build id ci_trigger_build returned.")] string buildId,
                [Description("Seconds to wait for the build to finish (0 = read now, at most 1800).")] int waitSeconds = 600,
                CancellationToken ct = default) =>
            {
                if (waitSeconds is < 0 or > MaxWaitSeconds)
                {
                    throw new ArgumentOutOfRangeException(nameof(waitSeconds), $"waitSeconds must be between 0 and {MaxWaitSeconds}, got {waitSeconds}.");
                }

                var build = waitSeconds == 0
                    ? await ci.GetBuildAsync(context.Application, buildId, ct)
                    : await ci.WaitForBuildAsync(context.Application, buildId, TimeSpan.FromSeconds(waitSeconds), ct);
                var summary = build.State == CiBuildState.Succeeded ? $"Built {build.Image}"
                    : $"Build {build.Id} {Lower(build.State)}{(build.Error is null ? "" : $": {build.Error}")}";
                return new ToolOutput(build, summary, build.State is not (CiBuildState.Failed or CiBuildState.Cancelled or CiBuildState.TimedOut), string.Join('\n', build.LogTail));
            });
    }

    private static string Lower(CiBuildState state) => state.ToString().ToLowerInvariant();
}
