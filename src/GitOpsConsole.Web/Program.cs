using GitOpsConsole.Web.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootSettingsFallback();

// Refuse to start on bad configuration, naming the key, before anything is created on disk.
var startup = StartupGate.Check(builder.Configuration, Environment.CurrentDirectory);
if (!startup.Succeeded)
{
    await Console.Error.WriteLineAsync(startup.Describe());
    return 2;
}

builder.AddGitOpsConsole(startup.Options!, startup.DataDirectory!);

var app = builder.Build();
await app.PrepareStoreAsync();
app.UseGitOpsConsole();
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the host tests' WebApplicationFactory.</summary>
public partial class Program;
