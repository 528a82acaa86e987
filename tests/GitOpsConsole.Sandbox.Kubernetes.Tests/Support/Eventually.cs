namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

/// <summary>Polls a condition the emulator reaches asynchronously (controllers run on their own loop).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"timed out waiting for: {what}");
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, within);
}
