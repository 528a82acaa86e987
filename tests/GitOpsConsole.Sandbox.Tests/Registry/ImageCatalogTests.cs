using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Sandbox.Tests.Registry;

public sealed class ImageCatalogTests : RegistryTestBase
{
    [Fact]
    public async Task Find_ByHostNameAndTag_ReturnsPublishedBehaviour()
    {
        var image = await PublishAsync("storefront", "abc1234", ImageRuntime.Crash, 2);

        Assert.Equal($"{Registry.Host}/storefront:abc1234", image.Reference);
        Assert.Equal(new ImageBehavior(ImageRuntime.Crash, TimeSpan.FromSeconds(2)), Registry.Find(image.Reference));
    }

    [Fact]
    public async Task Find_ByDigestForms_ReturnsBehaviour()
    {
        var image = await PublishAsync("storefront", "v1", ImageRuntime.Unready);

        Assert.Equal(ImageRuntime.Unready, Registry.Find(image.Digest)?.Runtime);
        Assert.Equal(ImageRuntime.Unready, Registry.Find($"{Registry.Host}/storefront@{image.Digest}")?.Runtime);
    }

    [Fact]
    public async Task Find_TagMovedToNewImage_ReturnsNewBehaviour()
    {
        await PublishAsync("storefront", "latest", ImageRuntime.Crash);
        await PublishAsync("storefront", "latest", ImageRuntime.Starts);

        Assert.Equal(ImageRuntime.Starts, Registry.Find("127.0.0.1:5000/storefront")?.Runtime);
    }

    [Theory]
    [InlineData("127.0.0.1:5000/storefront:nope")]
    [InlineData("127.0.0.1:5000/unknown:v1")]
    [InlineData("not a reference")]
    [InlineData("")]
    public async Task Find_Absent_ReturnsNull(string reference)
    {
        await PublishAsync("storefront", "v1");

        Assert.Null(Registry.Find(reference));
    }
}
