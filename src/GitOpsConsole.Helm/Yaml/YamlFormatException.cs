namespace GitOpsConsole.Helm.Yaml;

/// <summary>YAML that cannot be read; the message follows go-yaml's "yaml: line N: cause".</summary>
public sealed class YamlFormatException : Exception
{
    public YamlFormatException()
    {
    }

    public YamlFormatException(string message)
        : base(message)
    {
    }

    public YamlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
