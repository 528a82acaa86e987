using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Helm.ImageTags;
using GitOpsConsole.Integrations.Registry;
using GitOpsConsole.Integrations.Tests.Fakes;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Registry;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Integrations.Tests.Registry;

/// <summary><c>registry.list_tags</c> through the OCI client: against the sandbox registry over HTTP, and a hostile registry.</summary>
public sealed class OciRegistryToolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListTagsAsync_SandboxRegistryOverHttp_DigestsAndBuildTimesFromTheManifestsAndConfigs()
    {
        var data = Directory.CreateTempSubdirectory("oci-tool-").FullName;
        await using var registry = new SandboxRegistry(new SandboxRegistryOptions { DataDirectory = data });
        await registry.StartAsync(Ct);
        foreach (var tag in new[] { "1.4.1", "2.0.0", "1.5.0" })
        {
            await registry.PublishAsync(new ImagePublication("team/catalog", tag, new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero)), Ct);
        }

        var tool = new OciRegistryTool([new RegistryOptions { Host = registry.Host, ApiUrl = registry.BaseAddress.AbsoluteUri }], TimeProvider.System, NullLogger.Instance);
        var tags = await tool.ListTagsAsync($"{registry.Host}/team/catalog", RegistryTagDetails.Digest | RegistryTagDetails.Created, Ct);

        var expected = registry.ListTags("team/catalog").Select(t => new RegistryTag(t.Tag, t.Created, t.Digest));
        Assert.Equal(expected, tags);
        Assert.Equal("1.5.0", TagSelector.Select(tags, new TagSelectionOptions { Strategy = UpdateStrategy.NewestBuild }).NewValue);
    }

    [Fact]
    public async Task ListTagsAsync_RegistryListsAnInjectedTag_NoRequestForItAndTheSelectionRejectsIt()
    {
        await using var fake = await FakeRegistry.StartAsync();
        fake.Tags.Clear();
        fake.Tags.AddRange(["1.0;rm -rf", "1.0\nimage: evil", "0.9.0"]);
        var tool = new OciRegistryTool([new RegistryOptions { Host = "registry.loopback", ApiUrl = fake.Service.BaseUri.AbsoluteUri }], new InstantTimeProvider(), NullLogger.Instance);

        var tags = await tool.ListTagsAsync("registry.loopback/acme/storefront", RegistryTagDetails.Digest, Ct);
        var selection = TagSelector.Select(tags, new TagSelectionOptions { Strategy = UpdateStrategy.Alphabetical });

        Assert.Equal(3, tags.Count);
        Assert.Single(fake.Service.Matching("HEAD", "/v2/acme/storefront/manifests/0.9.0"));
        Assert.Equal(1, fake.Service.Requests.Count(r => r.Method == "HEAD"));
        Assert.Equal("0.9.0", selection.NewValue);
        Assert.Equal([TagRejectionKind.InvalidTag, TagRejectionKind.InvalidTag], selection.Rejections.Select(r => r.Kind));
    }

    [Fact]
    public async Task ListTagsAsync_HostNotConfigured_SaysWhichSettingToAdd()
    {
        var tool = new OciRegistryTool([], TimeProvider.System, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => tool.ListTagsAsync("ghcr.io/acme/shop", RegistryTagDetails.None, Ct));

        Assert.Contains("No registry is configured for ghcr.io: add it to GitOps:Registries", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx")]
    [InlineData("acme/shop", "docker.io", "acme/shop")]
    [InlineData("ghcr.io/acme/shop", "ghcr.io", "acme/shop")]
    [InlineData("127.0.0.1:5081/catalog", "127.0.0.1:5081", "catalog")]
    [InlineData("localhost/catalog", "localhost", "catalog")]
    public void Split_ImageNames_HostAndRepositoryByDockersRules(string image, string host, string repository) =>
        Assert.Equal((host, repository), ImageName.Split(image));
}
