using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Core.Workflow;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Operator;
using GitOpsConsole.Web.Sandbox;
using k8s;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Creates one twin world of a scenario in the sandbox: a freshly seeded repository of its own (so its own
/// registry repository and namespace too), the starting-state commit, the image built, the application
/// registered and synced until Healthy. Everything goes through the same Git host, CI, registry and operator the
/// console uses; nothing is shared with the other twin.
/// </summary>
internal sealed class TwinWorlds(SandboxRuntime sandbox, Applications.ApplicationRegistration registration, EventFeed eventFeed,
    OperatorService cluster, IClusterTool health, TimeProvider time)
{
    public async Task<TwinApp> CreateAsync(ScenarioDefinition scenario, string name, DeploymentEngine engine, CancellationToken cancellationToken)
    {
        var world = sandbox.World ?? throw new InvalidOperationException("The sandbox is not running; the scenario lab needs it.");
        var seed = SeedApplication.Defaults.Single(a => a.Name == scenario.Application);
        var seeded = new RepositorySeeder(world.Git, time).Seed(seed with { Name = name, Description = $"{seed.Description}, twin of scenario {scenario.Name}" }, world.Registry.Host);
        if (!seeded.Created)
        {
            throw new InvalidOperationException($"The sandbox already has a repository named {name}.");
        }

        var build = world.Ci.Trigger(name, seeded.ImageCommit!);
        var tip = await StartStateAsync(scenario, name, cancellationToken) ?? Tip(world.Git.PathOf(name));
        // The twin's own pushes so far are not events for it: registered only once they are recorded (and ignored).
        await SeenAsync("sandbox:" + name, tip, cancellationToken);
        var built = await world.Ci.WaitAsync(build.Id, cancellationToken);
        if (built.Image is null)
        {
            throw new InvalidOperationException($"The starting image of {name} did not build: {built.Error}");
        }

        var app = await registration.AddAsync(Options(scenario, name, engine), ApplicationOrigin.ScenarioTwin, cancellationToken);
        var sync = await cluster.SyncAsync(app, null, $"scenario:{scenario.Name}", cancellationToken);
        if (!sync.Succeeded)
        {
            throw new InvalidOperationException($"The starting state of {name} did not sync: {sync.Message}");
        }

        var settled = await HealthWait.UntilSettledAsync(health, app, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100), time, cancellationToken);
        if (settled.Status != HealthStatus.Healthy)
        {
            throw new InvalidOperationException($"The starting state of {name} is {settled.Status}: {settled.Message}");
        }

        return new TwinApp(engine, app, await RunningImageAsync(app, cancellationToken) ?? built.Image);
    }

    /// <summary>The image the twin's Deployment runs now (spec), or null when there is none.</summary>
    public async Task<string?> RunningImageAsync(Application app, CancellationToken cancellationToken)
    {
        var client = sandbox.Client ?? throw new InvalidOperationException("The sandbox cluster is not running.");
        try
        {
            var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync(app.Name, app.Namespace, cancellationToken: cancellationToken);
            return deployment.Spec.Template.Spec.Containers.FirstOrDefault()?.Image;
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<string?> StartStateAsync(ScenarioDefinition scenario, string name, CancellationToken cancellationToken)
    {
        var edits = ScenarioFiles.Start(scenario);
        if (edits.Count == 0)
        {
            return null;
        }

        // [skip ci]: the starting state is configuration; the pinned seed image stays the one that runs.
        return await sandbox.World!.CommitAsync(new ScenarioCommit(name, new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero),
            $"Starting state of scenario {scenario.Name}\n\n[skip ci]", "Scenario lab", "lab@gitops-console.local") { Edits = edits }, cancellationToken);
    }

    private async Task SeenAsync(string repository, string commit, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = eventFeed.Subscribe(e =>
        {
            if (e.Repository == repository && e.CommitSha == commit)
            {
                seen.TrySetResult();
            }
        });
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await seen.Task.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The push detector may have reported it before we subscribed; registering now is safe either way after this long.
        }
    }

    private static string Tip(string repositoryPath)
    {
        using var repository = new LibGit2Sharp.Repository(repositoryPath);
        return repository.Branches["main"].Tip.Sha;
    }

    private static ApplicationOptions Options(ScenarioDefinition scenario, string name, DeploymentEngine engine) => new()
    {
        Name = name,
        Environment = scenario.Application switch { "catalog" => "staging", "payments" => "prod", _ => "dev" },
        Repository = "sandbox:" + name,
        Path = "chart",
        ValuesFile = "values.yaml",
        ImageTagPath = "image.tag",
        // No image repository: the registry's webhooks for the twin's own builds (the seed's deploy commit is built on
        // push) must not start runs of their own; the scenario's image events name the twin instead.
        ImageRepository = null,
        Engine = engine,
        SyncPolicy = new SyncPolicyOptions { Automated = true, SelfHeal = scenario.Start.SelfHeal, Prune = true },
        RequireApproval = scenario.Start.RequireApproval,
        HealthTimeoutSeconds = scenario.Start.HealthTimeoutSeconds,
    };

    /// <summary>A stored twin's settings, to register it again after a restart (the same fields <see cref="Options"/> sets).</summary>
    public static ApplicationOptions OptionsOf(Application twin) => new()
    {
        Name = twin.Name,
        Environment = twin.Environment,
        Repository = twin.RepositoryUrl,
        Branch = twin.Branch,
        Path = twin.Path,
        ValuesFile = twin.ValuesFile,
        ImageTagPath = twin.ImageTagPath,
        ImageRepository = twin.ImageRepository,
        Namespace = twin.Namespace,
        Engine = twin.Engine,
        SyncPolicy = new SyncPolicyOptions { Automated = twin.AutomatedSync, SelfHeal = twin.SelfHeal, Prune = twin.Prune },
        RequireApproval = twin.RequireApproval,
        HealthTimeoutSeconds = twin.HealthTimeoutSeconds,
    };
}
