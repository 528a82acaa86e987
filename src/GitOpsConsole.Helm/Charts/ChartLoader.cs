using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Charts;

/// <summary>Loads charts from a directory or from an in-memory file set (path → bytes), subcharts and .tgz archives included.</summary>
public static class ChartLoader
{
    public static Chart LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ChartRenderException($"path \"{directory}\" not found");
        }

        return LoadFiles(ReadDirectory(directory));
    }

    /// <summary>Reads a directory into a file set, honouring .helmignore.</summary>
    public static Dictionary<string, byte[]> ReadDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        var ignorePath = Path.Combine(root, ".helmignore");
        var ignore = HelmIgnore.Parse(File.Exists(ignorePath) ? File.ReadAllText(ignorePath) : null);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Collect(root, root, ignore, files);
        return files;
    }

    private static void Collect(string root, string current, HelmIgnore ignore, Dictionary<string, byte[]> files)
    {
        foreach (var dir in Directory.EnumerateDirectories(current))
        {
            var relative = Path.GetRelativePath(root, dir).Replace('\\', '/');
            if (!ignore.Ignores(relative, isDirectory: true))
            {
                Collect(root, dir, ignore, files);
            }
        }

        foreach (var file in Directory.EnumerateFiles(current))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!ignore.Ignores(relative, isDirectory: false))
            {
                files[relative] = File.ReadAllBytes(file);
            }
        }
    }

    /// <summary>Builds a chart from files keyed by their path relative to the chart root.</summary>
    public static Chart LoadFiles(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!files.TryGetValue("Chart.yaml", out var chartYaml))
        {
            throw new ChartRenderException("Chart.yaml file is missing");
        }

        var raw = Read(chartYaml, "Chart.yaml");
        var requirements = files.TryGetValue("requirements.yaml", out var req) ? Read(req, "requirements.yaml") : null;
        var metadata = ChartMetadata.Parse(raw, requirements);
        Validate(metadata);
        var values = files.TryGetValue("values.yaml", out var valuesYaml) ? Read(valuesYaml, "values.yaml") : Values.ValueTree.NewMap();
        var templates = new List<ChartFile>();
        var other = new List<ChartFile>();
        var subchartFiles = new SortedDictionary<string, Dictionary<string, byte[]>>(StringComparer.Ordinal);
        var archives = new List<(string Path, byte[] Data)>();
        foreach (var (path, data) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (path is "Chart.yaml" or "values.yaml" or "values.schema.json" or "requirements.yaml" or "requirements.lock" or "Chart.lock")
            {
                continue;
            }

            if (path.StartsWith("templates/", StringComparison.Ordinal))
            {
                templates.Add(new ChartFile(path, data));
            }
            else if (path.StartsWith("charts/", StringComparison.Ordinal) && !path.EndsWith(".prov", StringComparison.Ordinal))
            {
                var rest = path["charts/".Length..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    archives.Add((path, data));
                    continue;
                }

                var name = rest[..slash];
                if (!subchartFiles.TryGetValue(name, out var sub))
                {
                    subchartFiles[name] = sub = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                }

                sub[rest[(slash + 1)..]] = data;
            }
            else
            {
                other.Add(new ChartFile(path, data));
            }
        }

        var subcharts = subchartFiles.Select(s => LoadSubchart(s.Key, s.Value, metadata.Name)).ToList();
        subcharts.AddRange(archives.Where(a => a.Path.EndsWith(".tgz", StringComparison.Ordinal) || a.Path.EndsWith(".tar.gz", StringComparison.Ordinal))
            .Select(a => LoadSubchart(a.Path, ReadArchive(a.Data, a.Path), metadata.Name)));
        return new Chart(metadata, values, templates, other, subcharts);
    }

    private static Chart LoadSubchart(string name, IReadOnlyDictionary<string, byte[]> files, string parent)
    {
        try
        {
            return LoadFiles(files);
        }
        catch (ChartRenderException ex)
        {
            throw new ChartRenderException($"error unpacking subchart {name} in {parent}: {ex.Message}", ex);
        }
    }

    /// <summary>A packaged chart: a gzipped tar whose entries sit under one top-level folder.</summary>
    public static Dictionary<string, byte[]> ReadArchive(byte[] archive, string name)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }

                var path = entry.Name.Replace('\\', '/');
                var slash = path.IndexOf('/', StringComparison.Ordinal);
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                files[slash < 0 ? path : path[(slash + 1)..]] = buffer.ToArray();
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ChartRenderException($"{name}: not a valid chart archive: {ex.Message}", ex);
        }

        return files;
    }

    private static Dictionary<string, object?> Read(byte[] data, string name)
    {
        try
        {
            return YamlValueReader.ReadMap(Encoding.UTF8.GetString(data));
        }
        catch (YamlFormatException ex)
        {
            throw new ChartRenderException($"cannot load {name}: {ex.Message}", ex);
        }
    }

    private static void Validate(ChartMetadata metadata)
    {
        if (metadata.Name.Length == 0)
        {
            throw new ChartRenderException("validation: chart.metadata.name is required");
        }

        if (metadata.Version.Length == 0)
        {
            throw new ChartRenderException("validation: chart.metadata.version is required");
        }

        if (metadata.Type is not ("" or "application" or "library"))
        {
            throw new ChartRenderException("validation: chart.metadata.type must be application or library");
        }
    }
}
