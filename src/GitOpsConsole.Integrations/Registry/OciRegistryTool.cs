using System.Collections.Concurrent;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Toolbox;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Registry;

/// <summary>
/// <c>registry.list_tags</c> on the registries of <c>GitOps:Registries</c>, one paced and cached client per host. The
/// list is always read fresh (it runs on a release event, when a cached list lacks the new tag); per-tag digests and
/// build times are read only when the strategy needs them, and never for a name outside the OCI tag grammar.
/// </summary>
public sealed class OciRegistryTool(IReadOnlyList<RegistryOptions> registries, TimeProvider time, ILogger logger, HttpMessageHandler? network = null) : IRegistryTool
{
    private readonly ConcurrentDictionary<string, OciRegistryClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<RegistryTag>> ListTagsAsync(string image, RegistryTagDetails details, CancellationToken cancellationToken = default)
    {
        var (host, repository) = ImageName.Split(image);
        var client = _clients.GetOrAdd(host, Create);
        var names = await client.ListTagsAsync(repository, fresh: true, cancellationToken);
        if (details == RegistryTagDetails.None)
        {
            return [.. names.Select(n => new RegistryTag(n))];
        }

        var tags = new List<RegistryTag>(names.Count);
        foreach (var name in names)
        {
            if (!OciTag.IsValidTag(name))
            {
                tags.Add(new RegistryTag(name));
                continue;
            }

            var digest = await client.GetDigestAsync(repository, name, fresh: true, cancellationToken);
            var created = details.HasFlag(RegistryTagDetails.Created) ? await client.GetCreatedAsync(repository, digest, cancellationToken) : null;
            tags.Add(new RegistryTag(name, created, digest));
        }

        return tags;
    }

    private OciRegistryClient Create(string host)
    {
        var options = registries.FirstOrDefault(r => string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No registry is configured for {host}: add it to GitOps:Registries (Host, and Username/PasswordEnvironmentVariable when it needs credentials).");
        var password = options.PasswordEnvironmentVariable is { Length: > 0 } variable ? Environment.GetEnvironmentVariable(variable) : null;
        var credential = options.Username is { Length: > 0 } user && password is not null ? new RegistryCredential(user, password) : null;
        return OciRegistryClientFactory.Create(options, credential, time, logger, network);
    }
}
