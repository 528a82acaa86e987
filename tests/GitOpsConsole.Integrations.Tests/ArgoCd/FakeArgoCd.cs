using System.Text.Json.Nodes;
using GitOpsConsole.Integrations.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Integrations.Tests.ArgoCd;

/// <summary>
/// Argo CD's API server for one application, answering as its gRPC gateway does: v1alpha1 JSON,
/// errors as <c>{"error","code","message"}</c> with gRPC codes mapped to HTTP (NotFound 404,
/// FailedPrecondition 400, Unauthenticated 401, PermissionDenied 403). A sync runs for one read, then succeeds.
/// </summary>
internal sealed class FakeArgoCd : IAsyncDisposable
{
    public const string Token = "argocd.eyJhbGciOiJIUzI1NiJ9.loopback";

    private int _readsUntilDone;

    public LoopbackService Service { get; private set; } = null!;

    public bool AutoSync { get; set; } = true;

    public string Health { get; set; } = "Healthy";

    /// <summary>The application's name in Argo CD; any other name answers 404 as Argo CD does.</summary>
    public string Name { get; set; } = "storefront";

    /// <summary>The live Deployment's replicas (Git says 3): the drifted field of managed-resources.</summary>
    public int LiveReplicas { get; set; } = 5;

    public JsonObject? Operation { get; private set; }

    /// <summary>The commit the application's branch points at, which a sync without a revision deploys.</summary>
    public Func<string> BranchHead { get; set; } = () => "c0ffee0123456789abcdef0123456789abcdef01";

    /// <summary>Called with each revision a sync deploys, before its operation starts (tests set <see cref="Health"/> here).</summary>
    public Action<string> OnSync { get; set; } = _ => { };

    public static async Task<FakeArgoCd> StartAsync()
    {
        var fake = new FakeArgoCd();
        fake.Service = await LoopbackService.StartAsync(fake.Map);
        return fake;
    }

    public static string Error(int code, string message) =>
        new JsonObject { ["error"] = message, ["code"] = code, ["message"] = message }.ToJsonString();

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                await Answer.Json(context, 401, Error(16, "invalid session: token signature is invalid"));
                return;
            }

            await next(context);
        });
        app.MapGet("/api/v1/applications", (HttpContext c) => Answer.Json(c, 200, new JsonObject { ["items"] = new JsonArray(Application()) }.ToJsonString()));
        app.MapGet("/api/v1/applications/{name}", (HttpContext c, string name) => Known(c, name, () =>
        {
            if (Operation is not null && (string?)Operation["phase"] == "Running" && --_readsUntilDone < 0)
            {
                Operation["phase"] = "Succeeded";
                Operation["message"] = "successfully synced (all tasks run)";
                Operation["finishedAt"] = "2026-11-26T08:00:05Z";
            }

            return Answer.Json(c, 200, Application().ToJsonString());
        }));
        app.MapPost("/api/v1/applications/{name}/sync", async (HttpContext c, string name) =>
        {
            var body = JsonNode.Parse(await new StreamReader(c.Request.Body).ReadToEndAsync())!;
            await Known(c, name, () =>
            {
                var requested = (string?)body["revision"];
                if (AutoSync && requested is not null && requested != "main" && (bool?)body["dryRun"] != true)
                {
                    return Answer.Json(c, 400, Error(9, $"Cannot sync to {requested}: auto-sync currently set to main"));
                }

                var revision = requested ?? BranchHead();
                OnSync(revision);
                _readsUntilDone = 1;
                Operation = new JsonObject
                {
                    ["phase"] = "Running",
                    ["message"] = "one or more tasks are running",
                    ["startedAt"] = DateTimeOffset.UtcNow.ToString("O"),
                    ["syncResult"] = new JsonObject
                    {
                        ["revision"] = revision,
                        ["resources"] = new JsonArray(
                            new JsonObject { ["group"] = "apps", ["version"] = "v1", ["kind"] = "Deployment", ["namespace"] = "storefront", ["name"] = "storefront", ["status"] = "Synced", ["message"] = "deployment.apps/storefront configured", ["syncPhase"] = "Sync" },
                            new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Service", ["namespace"] = "storefront", ["name"] = "storefront", ["status"] = "Synced", ["message"] = "service/storefront unchanged", ["syncPhase"] = "Sync" }),
                    },
                };
                return Answer.Json(c, 200, Application().ToJsonString());
            });
        });
        app.MapPost("/api/v1/applications/{name}/rollback", (HttpContext c, string name) => Known(c, name, () => AutoSync
            ? Answer.Json(c, 400, Error(9, "rollback cannot be initiated when auto-sync is enabled"))
            : Answer.Json(c, 200, Application().ToJsonString())));
        app.MapGet("/api/v1/applications/{name}/managed-resources", (HttpContext c, string name) => Known(c, name, () =>
            Answer.Json(c, 200, ManagedResources().ToJsonString())));
        app.MapGet("/api/v1/applications/{name}/resource-tree", (HttpContext c, string name) => Known(c, name, () => Answer.Json(c, 200, """
            {"nodes":[
              {"group":"apps","version":"v1","kind":"Deployment","namespace":"storefront","name":"storefront","uid":"1","health":{"status":"Healthy"}},
              {"group":"apps","version":"v1","kind":"ReplicaSet","namespace":"storefront","name":"storefront-7d9f","uid":"2","parentRefs":[{"group":"apps","kind":"Deployment","namespace":"storefront","name":"storefront","uid":"1"}],"health":{"status":"Healthy"}},
              {"version":"v1","kind":"Pod","namespace":"storefront","name":"storefront-7d9f-abcde","uid":"3","parentRefs":[{"group":"apps","kind":"ReplicaSet","namespace":"storefront","name":"storefront-7d9f","uid":"2"}],"health":{"status":"Degraded","message":"back-off 5m0s restarting failed container"}},
              {"version":"v1","kind":"Pod","namespace":"storefront","name":"storefront-7d9f-fghij","uid":"4","parentRefs":[{"group":"apps","kind":"ReplicaSet","namespace":"storefront","name":"storefront-7d9f","uid":"2"}],"health":{"status":"Healthy"}}
            ]}
            """)));
        app.MapGet("/api/v1/applications/{name}/resource", (HttpContext c, string name) => Known(c, name, () => LivePod(c)));
        app.MapGet("/api/v1/applications/{name}/logs", (HttpContext c, string name) => Known(c, name, () => PodLogs(c)));
        app.MapGet("/api/v1/applications/{name}/events", (HttpContext c, string name) => Known(c, name, () => Answer.Json(c, 200, """
            {"metadata":{},"items":[{"metadata":{"name":"storefront.1","namespace":"storefront"},"involvedObject":{"kind":"Pod","name":"storefront-7d9f-abcde","namespace":"storefront"},"reason":"BackOff","message":"Back-off restarting failed container","type":"Warning","count":4,"lastTimestamp":"2026-11-26T08:00:00Z"}]}
            """)));
    }

    // The live pods as Argo CD reads them from the destination cluster: the crash-looping one and a healthy one.
    private static Task LivePod(HttpContext c)
    {
        var pod = (string?)c.Request.Query["resourceName"];
        if ((string?)c.Request.Query["kind"] != "Pod" || pod is not ("storefront-7d9f-abcde" or "storefront-7d9f-fghij"))
        {
            return Answer.Json(c, 404, Error(5, $"pods \"{pod}\" not found"));
        }

        var crashing = pod == "storefront-7d9f-abcde";
        var state = crashing
            ? """{"waiting":{"reason":"CrashLoopBackOff"}},"lastState":{"terminated":{"exitCode":2,"reason":"Error"}},"ready":false,"restartCount":4"""
            : """{"running":{"startedAt":"2026-11-26T07:00:00Z"}},"ready":true,"restartCount":0""";
        var manifest = $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{pod}}}","namespace":"storefront"},"spec":{"containers":[{"name":"storefront","image":"registry.local/storefront:1.4.2"}]},"status":{"containerStatuses":[{"name":"storefront","image":"registry.local/storefront:1.4.2","imageID":"","state":{{{state}}}}]}}""";
        return Answer.Json(c, 200, new JsonObject { ["manifest"] = manifest }.ToJsonString());
    }

    // Argo CD's log stream: one JSON message per line, then the "last" marker; the current run of a crash-looping container has no log.
    private static Task PodLogs(HttpContext c)
    {
        var previous = (string?)c.Request.Query["previous"] == "true";
        string[] lines = (string?)c.Request.Query["podName"] == "storefront-7d9f-abcde"
            ? previous ? ["starting storefront 1.4.2", "reading config /etc/storefront/app.yaml", "panic: missing key database.url"] : []
            : ["starting storefront 1.4.2", "listening on :8080"];
        if (lines.Length == 0)
        {
            return Answer.Json(c, 200, """{"error":{"grpc_code":2,"code":2,"message":"container \"storefront\" in pod \"storefront-7d9f-abcde\" is waiting to start: CrashLoopBackOff"}}""");
        }

        var stream = string.Join('\n', lines.Select(l => new JsonObject { ["result"] = new JsonObject { ["content"] = l, ["podName"] = (string?)c.Request.Query["podName"] } }.ToJsonString()))
            + "\n" + """{"result":{"content":"","last":true}}""" + "\n";
        return Answer.Json(c, 200, stream);
    }

    private Task Known(HttpContext c, string name, Func<Task> answer) => name == Name
        ? answer()
        : Answer.Json(c, 404, Error(5, $"applications.argoproj.io \"{name}\" not found"));

    private JsonObject Application()
    {
        var app = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = "argocd" },
            ["spec"] = new JsonObject
            {
                ["project"] = "default",
                ["source"] = new JsonObject { ["repoURL"] = "https://github.com/acme/storefront.git", ["path"] = "chart", ["targetRevision"] = "main" },
                ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = "storefront" },
                ["syncPolicy"] = AutoSync ? new JsonObject { ["automated"] = new JsonObject { ["prune"] = true, ["selfHeal"] = true } } : new JsonObject(),
            },
            ["status"] = new JsonObject
            {
                ["sync"] = new JsonObject { ["status"] = Operation is null ? "OutOfSync" : "Synced", ["revision"] = "c0ffee0123456789abcdef0123456789abcdef01" },
                ["health"] = new JsonObject { ["status"] = Health, ["message"] = Health == "Degraded" ? "back-off restarting failed container" : null },
                ["resources"] = new JsonArray(
                    new JsonObject { ["group"] = "apps", ["version"] = "v1", ["kind"] = "Deployment", ["namespace"] = "storefront", ["name"] = "storefront", ["status"] = "Synced", ["health"] = new JsonObject { ["status"] = Health } },
                    new JsonObject { ["version"] = "v1", ["kind"] = "Service", ["namespace"] = "storefront", ["name"] = "storefront", ["status"] = "Synced", ["health"] = new JsonObject { ["status"] = "Healthy" } }),
                ["history"] = new JsonArray(
                    new JsonObject
                    {
                        ["id"] = 3, ["revision"] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ["deployStartedAt"] = "2026-11-25T09:59:58Z", ["deployedAt"] = "2026-11-25T10:00:00Z",
                        ["source"] = new JsonObject { ["repoURL"] = "https://github.com/acme/storefront.git", ["path"] = "chart", ["targetRevision"] = "main" },
                        ["initiatedBy"] = new JsonObject { ["username"] = "admin" },
                    },
                    new JsonObject
                    {
                        ["id"] = 4, ["revision"] = "c0ffee0123456789abcdef0123456789abcdef01", ["deployStartedAt"] = "2026-11-26T08:00:01Z", ["deployedAt"] = "2026-11-26T08:00:05Z",
                        ["source"] = new JsonObject { ["repoURL"] = "https://github.com/acme/storefront.git", ["path"] = "chart", ["targetRevision"] = "main" },
                        ["initiatedBy"] = new JsonObject { ["automated"] = true },
                    }),
            },
        };
        if (Operation is not null)
        {
            app["status"]!["operationState"] = Operation.DeepClone();
        }

        return app;
    }

    /// <summary>
    /// <c>managed-resources</c> as Argo CD answers it: each state a JSON string, <c>normalizedLiveState</c> with the
    /// server's defaults, metadata and <c>status</c> (never drift), <c>"null"</c> for an absent side, and Argo CD's verdict.
    /// </summary>
    private JsonObject ManagedResources()
    {
        const string DeploymentTarget = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app.kubernetes.io/instance":"storefront"},"name":"storefront","namespace":"storefront"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"storefront"}},"template":{"metadata":{"labels":{"app":"storefront"}},"spec":{"containers":[{"image":"registry.example.test/storefront:2.0.0","name":"storefront","ports":[{"containerPort":8080}]}]}}}}""";
        var deploymentLive = $$$"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"deployment.kubernetes.io/revision":"4"},"creationTimestamp":"2026-11-20T09:00:00Z","generation":6,
             "labels":{"app.kubernetes.io/instance":"storefront"},"name":"storefront","namespace":"storefront","resourceVersion":"88412","uid":"6f1c0a52-1d1e-4c55-9a3e-2b7d0c1e9f10"},
             "spec":{"progressDeadlineSeconds":600,"replicas":{{{LiveReplicas}}},"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"storefront"}},
              "strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},
              "template":{"metadata":{"labels":{"app":"storefront"}},"spec":{"containers":[{"image":"registry.example.test/storefront:2.0.0","imagePullPolicy":"IfNotPresent","name":"storefront",
               "ports":[{"containerPort":8080,"protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always"}}
              },
             "status":{"availableReplicas":{{{LiveReplicas}}},"observedGeneration":6,"readyReplicas":{{{LiveReplicas}}},"replicas":{{{LiveReplicas}}},"updatedReplicas":{{{LiveReplicas}}},
              "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"}]}}
            """;
        const string ServiceTarget = """{"apiVersion":"v1","kind":"Service","metadata":{"name":"storefront","namespace":"storefront"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"storefront"}}}""";
        const string ServiceLive = """{"apiVersion":"v1","kind":"Service","metadata":{"name":"storefront","namespace":"storefront","resourceVersion":"512","uid":"0d7e"},"spec":{"clusterIP":"10.96.14.2","ports":[{"port":80,"protocol":"TCP","targetPort":8080}],"selector":{"app":"storefront"},"type":"ClusterIP"},"status":{"loadBalancer":{}}}""";
        return new JsonObject
        {
            ["items"] = new JsonArray(
                Managed("apps", "Deployment", "storefront", DeploymentTarget, deploymentLive, modified: true),
                Managed("", "Service", "storefront", ServiceTarget, ServiceLive, modified: false),
                Managed("", "ConfigMap", "settings", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"a":"1"}}""", "null", modified: true)),
        };
    }

    private static JsonObject Managed(string group, string kind, string name, string target, string live, bool modified) => new()
    {
        ["group"] = group, ["kind"] = kind, ["namespace"] = "storefront", ["name"] = name,
        ["targetState"] = target, ["liveState"] = live, ["normalizedLiveState"] = live, ["predictedLiveState"] = target,
        ["hook"] = false, ["modified"] = modified,
    };

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
