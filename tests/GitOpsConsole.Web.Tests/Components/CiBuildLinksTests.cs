using Bunit;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Web.Components.Runs;

namespace GitOpsConsole.Web.Tests.Components;

public class CiBuildLinksTests : ComponentTestContext
{
    private static Step CiStep(string outputJson) => new()
    {
        Sequence = 2, Tool = "ci.get_build", Status = StepStatus.Failed, Summary = "Build 9301 failed", OutputJson = outputJson,
        StartedAt = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), FinishedAt = new DateTimeOffset(2026, 11, 26, 8, 1, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Render_GitHubActionsBuild_LinksTheRunAndEachJobWithItsConclusion()
    {
        var cut = Render<RunTimeline>(p => p.Add(c => c.Steps, [CiStep("""
            {"id":"9301","commit":"c0ffee0","state":"Failed","logTail":[],"url":"https://github.com/acme/storefront/actions/runs/9301",
             "jobs":[{"name":"build","conclusion":"success","url":"https://github.com/acme/storefront/actions/runs/9301/job/1"},
                     {"name":"e2e","conclusion":"failure","url":"https://github.com/acme/storefront/actions/runs/9301/job/2"}]}
            """)]));

        Assert.Equal("https://github.com/acme/storefront/actions/runs/9301", cut.Find("[data-testid=ci-run-link]").GetAttribute("href"));
        var jobs = cut.FindAll("[data-testid=ci-job-link]");
        Assert.Equal(["build: success", "e2e: failure"], jobs.Select(j => j.TextContent.Trim()));
        Assert.Equal(["https://github.com/acme/storefront/actions/runs/9301/job/1", "https://github.com/acme/storefront/actions/runs/9301/job/2"], jobs.Select(j => j.GetAttribute("href")));
    }

    [Theory]
    [InlineData("""{"id":"b-1","commit":"c0ffee0","state":"Succeeded","logTail":[]}""")]
    [InlineData("""{"id":"b-1","commit":"c0ffee0","state":"Failed","logTail":[],"url":"javascript:alert(1)","jobs":[{"name":"x","conclusion":"failure","url":"javascript:alert(2)"}]}""")]
    public void Render_BuildWithoutHttpLinks_ShowsNoLinks(string outputJson)
    {
        var cut = Render<RunTimeline>(p => p.Add(c => c.Steps, [CiStep(outputJson)]));

        Assert.Empty(cut.FindAll("[data-testid=ci-links]"));
        Assert.Single(cut.FindAll("[data-testid=run-step]"));
    }
}
