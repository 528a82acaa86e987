using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Registry;
using GitOpsConsole.Web.Sandbox;

namespace GitOpsConsole.Web.Runs;

/// <summary>
/// <c>registry.list_tags</c>: images of the sandbox registry (named by its host, as <c>sandbox:&lt;name&gt;</c> or bare) from the registry itself; every other host through the OCI client of <c>GitOps:Registries</c>.
/// </summary>
internal sealed class SandboxRegistryTool(SandboxRuntime sandbox, OciRegistryTool registries) : IRegistryTool
{
    // Configuration names sandbox images sandbox:<name> (see EventMatcher), events by the registry's loopback address.
    private const string SandboxScheme = "sandbox:";

    public Task<IReadOnlyList<RegistryTag>> ListTagsAsync(string image, RegistryTagDetails details, CancellationToken cancellationToken = default)
    {
        if (sandbox.World?.Registry is not { } registry)
        {
            return registries.ListTagsAsync(image, details, cancellationToken);
        }

        var prefix = registry.Host + "/";
        var repository = image.StartsWith(prefix, StringComparison.Ordinal) ? image[prefix.Length..]
            : image.StartsWith(SandboxScheme, StringComparison.Ordinal) ? image[SandboxScheme.Length..]
            : !image.Contains('/', StringComparison.Ordinal) ? image : null;
        if (repository is null)
        {
            return registries.ListTagsAsync(image, details, cancellationToken);
        }

        IReadOnlyList<RegistryTag> tags = [.. registry.ListTags(repository).Select(t => new RegistryTag(t.Tag, t.Created, t.Digest))];
        return Task.FromResult(tags);
    }
}
