namespace GitOpsConsole.Helm.Output;

/// <summary>Helm's SortManifests: split each rendered file, separate hooks from resources, order both by kind.</summary>
internal static class ManifestSorter
{
    private const string HookAnnotation = "helm.sh/hook";

    private static readonly Dictionary<string, string> Events = new(StringComparer.Ordinal)
    {
        ["pre-install"] = "pre-install",
        ["post-install"] = "post-install",
        ["pre-delete"] = "pre-delete",
        ["post-delete"] = "post-delete",
        ["pre-upgrade"] = "pre-upgrade",
        ["post-upgrade"] = "post-upgrade",
        ["pre-rollback"] = "pre-rollback",
        ["post-rollback"] = "post-rollback",
        ["test"] = "test",
        ["test-success"] = "test",
    };

    public static (List<SortedManifest> Hooks, List<SortedManifest> Manifests) Sort(IEnumerable<KeyValuePair<string, string>> files)
    {
        var hooks = new List<SortedManifest>();
        var manifests = new List<SortedManifest>();
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).StartsWith('_') || content.Trim().Length == 0)
            {
                continue;
            }

            foreach (var document in ManifestSplitter.Split(content))
            {
                var head = ManifestHead.Parse(document, path);
                if (!head.Annotations.TryGetValue(HookAnnotation, out var hookTypes))
                {
                    manifests.Add(new SortedManifest(path, document, head, []));
                    continue;
                }

                var events = hookTypes.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
                if (events.Any(e => !Events.ContainsKey(e)))
                {
                    // Helm skips documents with an unknown hook type.
                    continue;
                }

                hooks.Add(new SortedManifest(path, document, head, events.Select(e => Events[e]).ToList()));
            }
        }

        return (KindOrder.SortStable(hooks, h => h.Head.Kind), KindOrder.SortStable(manifests, m => m.Head.Kind));
    }
}
