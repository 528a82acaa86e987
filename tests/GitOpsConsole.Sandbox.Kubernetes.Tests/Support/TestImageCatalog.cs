using System.Collections.Concurrent;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

/// <summary>An image catalog the test fills in, as the sandbox registry would after CI pushes.</summary>
internal sealed class TestImageCatalog : IImageCatalog
{
    private readonly ConcurrentDictionary<string, ImageBehavior> _images = new(StringComparer.Ordinal);

    public TestImageCatalog With(string image, ImageRuntime runtime, TimeSpan? startup = null)
    {
        _images[image] = new ImageBehavior(runtime, startup ?? TimeSpan.FromSeconds(5));
        return this;
    }

    public ImageBehavior? Find(string imageReference) => _images.GetValueOrDefault(imageReference);
}
