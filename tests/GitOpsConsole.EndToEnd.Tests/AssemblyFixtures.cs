[assembly: AssemblyFixture(typeof(GitOpsConsole.EndToEnd.Tests.ConsoleProcess))]
[assembly: AssemblyFixture(typeof(GitOpsConsole.EndToEnd.Tests.BrowserSession))]

// One console process and one browser serve every test; each test opens its own browser context.
// Tests run one at a time (xunit.runner.json) because they read the shared audit log.
