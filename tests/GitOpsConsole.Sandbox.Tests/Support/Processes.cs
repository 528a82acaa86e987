namespace GitOpsConsole.Sandbox.Tests.Support;

public static class Processes
{
    /// <summary>True while the pid names a live (not zombie) process; Linux /proc only.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits (bounded) for the process to be gone: SIGKILL delivery is asynchronous.</summary>
    public static async Task<bool> IsGoneWithinAsync(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        return true;
    }
}
