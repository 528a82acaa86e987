using GitOpsConsole.Core.Configuration;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Leadership;

/// <summary>
/// Whether this replica leads, consulted by the services that may run on one replica only (engines, operator,
/// drift watches, ingestion workers). Each stretch of leadership is a term with its own cancellation token,
/// cancelled the moment leadership is lost so in-flight work stops and the next leader resumes it from the
/// journal. Without leader election the one term lasts as long as the process.
/// </summary>
public sealed class LeaderGate : IDisposable
{
    private readonly Lock _lock = new();
    private TaskCompletionSource<CancellationToken> _term = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _termSource;

    public LeaderGate(IOptions<GitOpsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Elected = options.Value.LeaderElection.Enabled;
        Identity = LeaderIdentity.Resolve(options.Value.LeaderElection.Identity);
        if (!Elected)
        {
            BeginTerm();
        }
    }

    /// <summary>True when leadership is decided by a Lease (several replicas may run).</summary>
    public bool Elected { get; }

    /// <summary>This replica's name in the Lease.</summary>
    public string Identity { get; }

    public bool IsLeader
    {
        get
        {
            lock (_lock)
            {
                return _termSource is not null;
            }
        }
    }

    /// <summary>The holder of the Lease as last observed; null before the first observation.</summary>
    public string? Leader { get; private set; }

    /// <summary>Told whenever this replica starts or stops leading, or another leader is observed.</summary>
    public LeadershipFeed Changes { get; } = new();

    /// <summary>Waits until this replica leads and returns the term's token, cancelled when leadership ends.</summary>
    public Task<CancellationToken> WaitForTermAsync(CancellationToken cancellationToken)
    {
        Task<CancellationToken> term;
        lock (_lock)
        {
            term = _term.Task;
        }

        return term.WaitAsync(cancellationToken);
    }

    internal void BeginTerm()
    {
        lock (_lock)
        {
            if (_termSource is not null)
            {
                return;
            }

            _termSource = new CancellationTokenSource();
            Leader = Identity;
            _term.TrySetResult(_termSource.Token);
        }

        Changes.Publish(true);
    }

    internal void EndTerm()
    {
        CancellationTokenSource? ended;
        lock (_lock)
        {
            ended = _termSource;
            if (ended is null)
            {
                return;
            }

            _termSource = null;
            _term = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Leader == Identity)
            {
                Leader = null;
            }
        }

        ended.Cancel();
        ended.Dispose();
        Changes.Publish(false);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _termSource?.Dispose();
            _termSource = null;
        }
    }

    internal void ObserveLeader(string? identity)
    {
        Leader = string.IsNullOrEmpty(identity) ? null : identity;
        Changes.Publish(IsLeader);
    }
}

/// <summary>Leadership changes (true = this replica leads now).</summary>
public sealed class LeadershipFeed : Core.LiveFeed<bool>;
