using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// The toolbox as Semantic Kernel functions for one run: the same port implementations the workflow calls,
/// with descriptions a model can plan from, typed parameters, and a read/mutating mark the policy checks.
/// </summary>
public static class AgentToolbox
{
    public static KernelPlugin Create(Workflow.WorkflowTools tools, Workflow.WorkflowSettings settings, Func<Policies.EnvironmentPolicy> policy, AgentRunContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(context);
        List<KernelFunction> functions =
        [
            .. CiFunctions.Create(tools.Ci, context),
            .. GitFunctions.Create(tools.Values, tools.Git, context),
            .. ValuesFunctions.Create(tools.Values, context),
            .. ReviewFunctions.Create(tools.PullRequests, tools.CommitStatus, context, time),
            .. ClusterFunctions.Create(tools.Operator, tools.Cluster, tools.CommitStatus, settings, context, time),
            .. OperatorHistoryFunctions.Create(tools.Operator, context),
            .. DiagnosticsFunctions.Create(tools.Diagnostics, context),
            .. RegistryFunctions.Create(tools.Registry, context),
            .. HumanFunctions.Create(context),
        ];
        // policy_check sees the whole list, itself included: the list is complete before any call.
        functions.Add(PolicyFunctions.Create(functions, policy, context, time));
        return KernelPluginFactory.CreateFromFunctions(ToolMetadata.PluginName, "The deployment toolbox of one application.", functions);
    }

    /// <summary>A function named <paramref name="name"/> (toolbox name: the first '_' as '.') marked read or mutating.</summary>
    internal static KernelFunction Function(string name, string description, bool mutates, Delegate method) =>
        KernelFunctionFactory.CreateFromMethod(method, new KernelFunctionFromMethodOptions
        {
            FunctionName = name,
            Description = $"{description} ({(mutates ? "mutating: checked against policy" : "read-only")})",
            AdditionalMetadata = new System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>
            {
                [ToolMetadata.MutatesKey] = mutates,
                [ToolMetadata.ToolboxNameKey] = string.Concat(name[..name.IndexOf('_', StringComparison.Ordinal)], ".", name[(name.IndexOf('_', StringComparison.Ordinal) + 1)..]),
            }),
        });
}
