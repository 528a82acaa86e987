using System.Diagnostics;

namespace GitOpsConsole.EndToEnd.Tests.Replicas;

/// <summary>Two console processes with leader election on, sharing one <see cref="SharedSandbox"/> (store, repositories, cluster).</summary>
internal sealed class ReplicaPair : IAsyncDisposable
{
    private ReplicaPair(SharedSandbox sandbox, ConsoleProcess first, ConsoleProcess second) => (Sandbox, First, Second) = (sandbox, first, second);

    public SharedSandbox Sandbox { get; }

    public ConsoleProcess First { get; }

    public ConsoleProcess Second { get; }

    public string Output => First.Output + Second.Output;

    public static async Task<ReplicaPair> StartAsync(CancellationToken cancellationToken, params string[] extra)
    {
        var sandbox = await SharedSandbox.StartAsync(cancellationToken);
        var arguments = sandbox.ConsoleArguments(["--GitOps:LeaderElection:Enabled=true", .. extra]);
        var first = new ConsoleProcess(sandbox.DataDirectory, ownsData: false, arguments);
        var second = new ConsoleProcess(sandbox.DataDirectory, ownsData: false, arguments);
        var pair = new ReplicaPair(sandbox, first, second);
        try
        {
            await first.InitializeAsync();
            await second.InitializeAsync();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits (up to two minutes) until one console leads and the other follows.</summary>
    public async Task<(ConsoleProcess Leader, ConsoleProcess Follower)> RolesAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                switch (await First.RoleAsync(cancellationToken), await Second.RoleAsync(cancellationToken))
                {
                    case ("leader", "follower"):
                        return (First, Second);
                    case ("follower", "leader"):
                        return (Second, First);
                }
            }
            catch (HttpRequestException)
            {
                // A console between states; ask again.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"No console led with the other following within two minutes:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
