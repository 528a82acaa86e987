using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Sandbox.Tests.Ci;

public class CiFileParserTests
{
    [Fact]
    public void Parse_FullDefinition_ReadsEveryField()
    {
        var definition = CiFileParser.Parse("""
            image:
              name: team/storefront
              tag: gitTag
            runtime: unready
            startupSeconds: 2.5
            steps:
              - name: test
                run: echo hi
                timeoutSeconds: 30
              - name: package
                run: |
                  echo one
                  echo two
            """);

        Assert.Equal("team/storefront", definition.ImageName);
        Assert.Equal(TagRule.GitTag, definition.TagRule);
        Assert.Equal(new ImageBehavior(ImageRuntime.Unready, TimeSpan.FromSeconds(2.5)), definition.Behavior);
        Assert.Equal(new CiStep("test", "echo hi", TimeSpan.FromSeconds(30)), definition.Steps[0]);
        Assert.Equal("echo one\necho two", definition.Steps[1].Run);
        Assert.Equal(CiFileParser.DefaultStepTimeout, definition.Steps[1].Timeout);
    }

    [Fact]
    public void Parse_ImageShorthandAndDefaults_UsesShortShaAndStarts()
    {
        var definition = CiFileParser.Parse("image: catalog\nsteps:\n  - name: a\n    run: 'true'\n");

        Assert.Equal(("catalog", TagRule.ShortSha, ImageRuntime.Starts, TimeSpan.Zero),
            (definition.ImageName, definition.TagRule, definition.Behavior.Runtime, definition.Behavior.StartupTime));
    }

    [Fact]
    public void Parse_SeedFile_IsValid()
    {
        using var stream = typeof(CiDefinition).Assembly.GetManifestResourceStream("Seed/.gitops-ci.yaml")!;
        var text = new StreamReader(stream).ReadToEnd().Replace("__APP_NAME__", "storefront", StringComparison.Ordinal);

        var definition = CiFileParser.Parse(text);

        Assert.Equal("storefront", definition.ImageName);
        Assert.Equal(["test", "package"], definition.Steps.Select(s => s.Name));
    }

    [Theory]
    [InlineData("image: [unclosed", "invalid YAML: ")]
    [InlineData("- just\n- a list", "expected a mapping")]
    [InlineData("steps:\n  - name: a\n    run: b\n", "'image' is required")]
    [InlineData("image: a\n", "'steps' is required")]
    [InlineData("image: a\nsteps: []\n", "at least one step")]
    [InlineData("image: Bad Name\nsteps:\n  - {name: a, run: b}\n", "image 'Bad Name' is not a valid image name")]
    [InlineData("image: {name: a, tag: latest}\nsteps:\n  - {name: a, run: b}\n", "image.tag must be 'shortSha' or 'gitTag', got 'latest'")]
    [InlineData("image: a\nruntime: explode\nsteps:\n  - {name: a, run: b}\n", "line 2: runtime must be 'starts', 'crash' or 'unready', got 'explode'")]
    [InlineData("image: a\nsteps:\n  - name: a\n    run: b\n    timeoutSeconds: soon\n", "line 5: steps[0].timeoutSeconds must be a positive number")]
    [InlineData("image: a\nsteps:\n  - name: a\n    run: b\n    timeoutSeconds: 0\n", "steps[0].timeoutSeconds must be a positive number")]
    [InlineData("image: a\nsteps:\n  - name: a\n", "'steps[0].run' is required")]
    [InlineData("image: a\nsteps:\n  - name: a\n    run: b\n    timeout: 5\n", "unknown key 'steps[0].timeout'")]
    [InlineData("image: a\nstep:\n  - {name: a, run: b}\n", "unknown key 'step'")]
    public void Parse_Malformed_ThrowsNamingTheProblem(string yaml, string expected)
    {
        var error = Assert.Throws<CiFileException>(() => CiFileParser.Parse(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(".gitops-ci.yaml", error.Message, StringComparison.Ordinal);
    }
}
