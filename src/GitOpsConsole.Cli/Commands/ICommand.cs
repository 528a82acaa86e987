namespace GitOpsConsole.Cli.Commands;

/// <summary>One CLI verb.</summary>
internal interface ICommand
{
    string Name { get; }

    string Summary { get; }

    int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr);
}
