using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Rest;

public sealed class EventsApiTests
{
    [Fact]
    public async Task CoreEvent_IsServedByEventsV1WithMappedFields()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        await cluster.PostAsync("/api/v1/namespaces/default/events", """
            {"metadata":{"name":"e1"},"involvedObject":{"kind":"Pod","name":"web-1","namespace":"default"},
             "reason":"Started","message":"Started container app","type":"Normal","count":2,"source":{"component":"kubelet"}}
            """);
        var (status, served) = await cluster.GetAsync("/apis/events.k8s.io/v1/namespaces/default/events/e1");
        Assert.Equal(200, status);
        Assert.Equal("events.k8s.io/v1", served["apiVersion"]!.ToString());
        Assert.Equal("web-1", served["regarding"]!["name"]!.ToString());
        Assert.Equal("Started container app", served["note"]!.ToString());
        Assert.Equal(2, served["deprecatedCount"]!.GetValue<int>());
        var (_, list) = await cluster.GetAsync("/apis/events.k8s.io/v1/namespaces/default/events?fieldSelector=regarding.name%3Dweb-1");
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task EventsV1Create_IsVisibleAsCoreEvent()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        var (status, _) = await cluster.PostAsync("/apis/events.k8s.io/v1/namespaces/default/events", """
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"e2"},"eventTime":"2026-01-01T00:00:00.000000Z",
             "regarding":{"kind":"Deployment","name":"web"},"note":"rolled out","reason":"Deployed","type":"Normal",
             "action":"Deploy","reportingController":"gitops-console","reportingInstance":"console-1"}
            """);
        Assert.Equal(201, status);
        var (_, core) = await cluster.GetAsync("/api/v1/namespaces/default/events/e2");
        Assert.Equal("v1", core["apiVersion"]!.ToString());
        Assert.Equal("rolled out", core["message"]!.ToString());
        Assert.Equal("gitops-console", core["reportingComponent"]!.ToString());
        Assert.Equal("web", core["involvedObject"]!["name"]!.ToString());
    }
}
