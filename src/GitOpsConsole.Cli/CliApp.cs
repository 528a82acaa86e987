using GitOpsConsole.Cli.Commands;

namespace GitOpsConsole.Cli;

/// <summary>Dispatches a verb to its command; the entry point tests call in-process.</summary>
public static class CliApp
{
    private static readonly IReadOnlyList<ICommand> Commands = [new RenderCommand(), new CompareCommand()];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            stdout.Write(Usage());
            return args.Count == 0 ? 1 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"Error: unknown command \"{args[0]}\"");
            stderr.Write(Usage());
            return 1;
        }

        return command.Run(args.Skip(1).ToList(), stdout, stderr);
    }

    private static string Usage() =>
        "Usage: gitops <command> [arguments]\n\nCommands:\n" +
        string.Concat(Commands.Select(c => $"  {c.Name,-10} {c.Summary}\n")) +
        "\nRun 'gitops <command> --help' for a command's options.\n";
}
