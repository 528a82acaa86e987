using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Kubernetes;

/// <summary>How the sandbox's Kubernetes API emulator runs.</summary>
public sealed class KubernetesEmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Where state is persisted across restarts; null keeps everything in memory.</summary>
    public string? StateDirectory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>What the simulated kubelet finds when it pulls an image; null means no image exists.</summary>
    public IImageCatalog? ImageCatalog { get; init; }

    /// <summary>When set, every container's startup takes this long instead of its image's startup time.</summary>
    public TimeSpan? PodStartupOverride { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>How many recent changes a watch can resume from before it gets 410 Gone.</summary>
    public int WatchWindow { get; init; } = 10_000;

    /// <summary>How often idle watches that asked for bookmarks receive one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the Deployment/ReplicaSet/StatefulSet/Job controllers and the kubelet run.</summary>
    public bool RunControllers { get; init; } = true;
}
