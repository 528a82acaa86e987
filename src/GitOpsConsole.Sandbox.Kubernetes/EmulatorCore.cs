using GitOpsConsole.Sandbox.Kubernetes.Controllers;
using GitOpsConsole.Sandbox.Kubernetes.Http;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Persistence;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Kubernetes;

/// <summary>The emulator's parts, wired together; independent of HTTP hosting so tests can reach them.</summary>
internal sealed class EmulatorCore : IAsyncDisposable
{
    private EmulatorCore(ServerContext context, ObjectReader reader, ObjectWriter writer, ObjectDeleter deleter, ApiRouter router)
    {
        Context = context;
        Reader = reader;
        Writer = writer;
        Deleter = deleter;
        Router = router;
    }

    public ServerContext Context { get; }
    public ObjectReader Reader { get; }
    public ObjectWriter Writer { get; }
    public ObjectDeleter Deleter { get; }
    public ApiRouter Router { get; }

    private StateJournal? _journal;
    private ControllerHost? _controllers;

    public void StartControllers() => _controllers?.Start();

    public async ValueTask DisposeAsync()
    {
        await StopControllersAsync();
        Close();
    }

    public async Task StopControllersAsync()
    {
        if (_controllers is not null)
        {
            await _controllers.DisposeAsync();
            _controllers = null;
        }
    }

    /// <summary>Writes a final snapshot and releases the state files.</summary>
    public void Close()
    {
        if (_journal is null)
        {
            return;
        }
        Context.Store.CompactJournal();
        Context.Store.Journal = null;
        _journal.Dispose();
        _journal = null;
    }

    public static EmulatorCore Create(KubernetesEmulatorOptions options, ILoggerFactory loggers)
    {
        var store = new ObjectStore(options.WatchWindow);
        StateJournal? journal = null;
        if (options.StateDirectory is { } directory)
        {
            (journal, var objects, var resourceVersion) = StateJournal.Open(directory);
            store.Load(objects, resourceVersion);
            store.Journal = journal;
        }
        var context = new ServerContext(new ResourceRegistry(), store, options.TimeProvider);
        var reader = new ObjectReader(context);
        var writer = new ObjectWriter(context);
        var deleter = new ObjectDeleter(context, writer);
        var watch = new WatchEndpoint(context, options.BookmarkInterval);
        var router = new ApiRouter(context, new ResourceEndpoint(context, reader, writer, deleter, watch), loggers.CreateLogger("GitOpsConsole.Sandbox.Kubernetes.Api"));
        var wiring = new ClusterWiring(context, deleter, writer);
        wiring.Bootstrap();
        wiring.Attach();
        var core = new EmulatorCore(context, reader, writer, deleter, router) { _journal = journal };
        if (options.RunControllers)
        {
            var events = new EventRecorder(context, writer);
            var kubelet = new Kubelet(context, writer, events, options.ImageCatalog, options.PodStartupOverride);
            IReconciler[] reconcilers =
            [
                new DeploymentController(context, writer, deleter, events),
                new ReplicaSetController(context, writer, deleter, events),
                new StatefulSetController(context, writer, deleter, events),
                new JobController(context, writer, events),
                new EventTtlReconciler(context, deleter),
            ];
            core._controllers = new ControllerHost(store, options.TimeProvider, reconcilers, kubelet, loggers.CreateLogger("GitOpsConsole.Sandbox.Kubernetes.Controllers"));
        }
        return core;
    }
}
