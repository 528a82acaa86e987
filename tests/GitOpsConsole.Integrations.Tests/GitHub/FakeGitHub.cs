using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using GitOpsConsole.Integrations.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Integrations.Tests.GitHub;

/// <summary>
/// GitHub's REST API for one repository, as its published description gives it: statuses, pull
/// requests with merge, combined status and check runs, workflow dispatch, runs, jobs (paginated) and artifacts
/// (downloads answer 302 to storage, as GitHub does). Unauthenticated calls get 401 "Bad credentials".
/// </summary>
internal sealed class FakeGitHub : IAsyncDisposable
{
    public const string Token = "ghp_loopbackToken1234567890";
    public const string InstallationToken = "ghs_loopbackInstallation0987654321";
    public const long AppId = 4242;
    public const long InstallationId = 777;
    private const string Docs = "https://docs.github.com/rest";

    public LoopbackService Service { get; private set; } = null!;

    public string Owner { get; } = "acme";

    public string Repo { get; } = "storefront";

    public string ApiUrl => Service.BaseUri.AbsoluteUri;

    public ConcurrentDictionary<string, List<JsonObject>> Statuses { get; } = new();

    public List<JsonObject> Pulls { get; } = [];

    public List<JsonObject> CheckRuns { get; } = [];

    public List<JsonObject> Runs { get; } = [];

    public List<JsonObject> Jobs { get; } = [];

    /// <summary>What a dispatched workflow does: given the inputs, the run it creates (or null to create none).</summary>
    public Func<JsonObject, JsonObject?> OnDispatch { get; set; } = _ => null;

    /// <summary>The commit a branch points at, for a new pull request's head (a fixed SHA when unset).</summary>
    public Func<string, string>? HeadShaOf { get; set; }

    /// <summary>Merges a pull request in the repository behind the fake and returns the merge commit (a fixed SHA when unset).</summary>
    public Func<JsonObject, Task<string>>? OnMerge { get; set; }

    /// <summary>The image.json the run's gitops-image artifact holds; null = the run uploads no artifact.</summary>
    public string? ImageJson { get; set; }

    /// <summary>The GitHub App's key: installation tokens are handed out only for a JWT it signed.</summary>
    public System.Security.Cryptography.RSA AppKey { get; } = System.Security.Cryptography.RSA.Create(2048);

    public static async Task<FakeGitHub> StartAsync()
    {
        var fake = new FakeGitHub();
        fake.Service = await LoopbackService.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>A job of a run as GET /repos/{o}/{r}/actions/runs/{id}/jobs lists it.</summary>
    public static JsonObject NewJob(long id, long runId, string name, string conclusion) => new()
    {
        ["id"] = id,
        ["run_id"] = runId,
        ["name"] = name,
        ["status"] = "completed",
        ["conclusion"] = conclusion,
        ["html_url"] = $"https://github.com/acme/storefront/actions/runs/{runId}/job/{id}",
        ["head_sha"] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        ["started_at"] = "2026-11-26T08:00:02Z",
        ["completed_at"] = "2026-11-26T08:01:02Z",
    };

    public static JsonObject NewRun(long id, string displayTitle, string status, string? conclusion, string headSha) => new()
    {
        ["id"] = id,
        ["name"] = "build",
        ["node_id"] = $"WFR_{id}",
        ["head_branch"] = "main",
        ["head_sha"] = headSha,
        ["path"] = ".github/workflows/build.yml",
        ["display_title"] = displayTitle,
        ["run_number"] = id,
        ["event"] = "workflow_dispatch",
        ["status"] = status,
        ["conclusion"] = conclusion,
        ["workflow_id"] = 161335,
        ["url"] = $"https://api.github.com/repos/acme/storefront/actions/runs/{id}",
        ["html_url"] = $"https://github.com/acme/storefront/actions/runs/{id}",
        ["created_at"] = "2026-11-26T08:00:01Z",
        ["updated_at"] = "2026-11-26T08:00:01Z",
        ["run_attempt"] = 1,
    };

    private void Map(WebApplication app)
    {
        var repo = "/repos/{owner}/{repo}";
        app.Use(async (context, next) =>
        {
            // Storage downloads carry their own signature, as GitHub's redirect targets do.
            var authorization = context.Request.Headers.Authorization.ToString();
            if (context.Request.Path.StartsWithSegments("/app"))
            {
                if (!ValidAppJwt(authorization))
                {
                    await Answer.Json(context, 401, $$"""{"message":"A JSON web token could not be decoded","documentation_url":"{{Docs}}","status":"401"}""");
                    return;
                }
            }
            else if (!context.Request.Path.StartsWithSegments("/storage") && authorization != $"Bearer {Token}" && authorization != $"Bearer {InstallationToken}")
            {
                await Answer.Json(context, 401, $$"""{"message":"Bad credentials","documentation_url":"{{Docs}}","status":"401"}""");
                return;
            }

            await next(context);
        });

        app.MapPost("/app/installations/{id:long}/access_tokens", (HttpContext context, long id) => id == InstallationId
            ? Answer.Json(context, 201, new JsonObject
            {
                ["token"] = InstallationToken,
                ["expires_at"] = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["permissions"] = new JsonObject { ["statuses"] = "write", ["contents"] = "write" },
                ["repository_selection"] = "selected",
            }.ToJsonString())
            : Answer.Json(context, 404, $$"""{"message":"Not Found","documentation_url":"{{Docs}}/apps/apps#create-an-installation-access-token-for-an-app","status":"404"}"""));
        app.MapPost(repo + "/statuses/{sha}", async (HttpContext context, string sha) =>
        {
            var input = await Body(context);
            var status = new JsonObject
            {
                ["id"] = Statuses.Values.Sum(l => l.Count) + 1,
                ["node_id"] = "SC_1",
                ["state"] = input["state"]?.GetValue<string>(),
                ["description"] = input["description"]?.GetValue<string>(),
                ["target_url"] = input["target_url"]?.GetValue<string>(),
                ["context"] = input["context"]?.GetValue<string>() ?? "default",
                ["created_at"] = "2026-11-26T08:00:00Z",
                ["updated_at"] = "2026-11-26T08:00:00Z",
                ["url"] = $"https://api.github.com/repos/acme/storefront/statuses/{sha}",
            };
            var list = Statuses.GetOrAdd(sha, _ => []);
            lock (list)
            {
                list.Insert(0, status);
            }

            await Answer.Json(context, 201, status.ToJsonString());
        });
        app.MapGet(repo + "/commits/{sha}/statuses", (HttpContext context, string sha) =>
            Answer.Json(context, 200, new JsonArray([.. (Statuses.TryGetValue(sha, out var l) ? l : []).Select(s => s.DeepClone())]).ToJsonString()));
        app.MapGet(repo + "/commits/{sha}/status", (HttpContext context, string sha) => Answer.Json(context, 200, Combined(sha).ToJsonString()));
        app.MapGet(repo + "/commits/{sha}/check-runs", (HttpContext context, string sha) =>
        {
            var runs = CheckRuns.Where(c => (string?)c["head_sha"] == sha).Select(c => c.DeepClone()).ToArray();
            return Answer.Json(context, 200, new JsonObject { ["total_count"] = runs.Length, ["check_runs"] = new JsonArray(runs) }.ToJsonString());
        });

        app.MapGet(repo + "/pulls", (HttpContext context) =>
        {
            var head = context.Request.Query["head"].ToString();
            var state = context.Request.Query["state"].ToString();
            var found = Pulls.Where(p => head.Length == 0 || $"{Owner}:{p["head"]!["ref"]}" == head)
                .Where(p => state is "" or "all" || (string?)p["state"] == state)
                .Select(p => p.DeepClone()).ToArray();
            return Answer.Json(context, 200, new JsonArray(found).ToJsonString());
        });
        app.MapPost(repo + "/pulls", async (HttpContext context) =>
        {
            var input = await Body(context);
            var head = input["head"]!.GetValue<string>();
            if (Pulls.Any(p => (string?)p["state"] == "open" && (string?)p["head"]!["ref"] == head))
            {
                await Answer.Json(context, 422, $$"""{"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for {{Owner}}:{{head}}."}],"documentation_url":"{{Docs}}/pulls/pulls#create-a-pull-request","status":"422"}""");
                return;
            }

            var pull = NewPull(Pulls.Count + 1, head, input["base"]!.GetValue<string>(), input["title"]!.GetValue<string>(), input["body"]?.GetValue<string>());
            Pulls.Add(pull);
            await Answer.Json(context, 201, pull.ToJsonString());
        });
        app.MapGet(repo + "/pulls/{number:int}", (HttpContext context, int number) =>
            Pulls.FirstOrDefault(p => (int)p["number"]! == number) is { } pull
                ? Answer.Json(context, 200, pull.ToJsonString())
                : Answer.Json(context, 404, $$"""{"message":"Not Found","documentation_url":"{{Docs}}/pulls/pulls#get-a-pull-request","status":"404"}"""));
        app.MapPut(repo + "/pulls/{number:int}/merge", async (HttpContext context, int number) =>
        {
            var input = await Body(context);
            var pull = Pulls.First(p => (int)p["number"]! == number);
            if (input["sha"] is { } sha && sha.GetValue<string>() != (string?)pull["head"]!["sha"])
            {
                await Answer.Json(context, 409, $$"""{"message":"Head branch was modified. Review and try the merge again.","documentation_url":"{{Docs}}/pulls/pulls#merge-a-pull-request","status":"409"}""");
                return;
            }

            var merged = OnMerge is null ? "6dcb09b5b57875f334f61aebed695e2e4193db5e" : await OnMerge(pull);
            pull["state"] = "closed";
            pull["merged"] = true;
            pull["merged_at"] = "2026-11-26T08:05:00Z";
            pull["merge_commit_sha"] = merged;
            pull["merge_method_used"] = input["merge_method"]?.GetValue<string>();
            await Answer.Json(context, 200, new JsonObject { ["sha"] = merged, ["merged"] = true, ["message"] = "Pull Request successfully merged" }.ToJsonString());
        });

        app.MapPost(repo + "/actions/workflows/{workflow}/dispatches", async (HttpContext context, string workflow) =>
        {
            var input = await Body(context);
            if (workflow != "build.yml")
            {
                await Answer.Json(context, 404, $$"""{"message":"Not Found","documentation_url":"{{Docs}}/actions/workflows#create-a-workflow-dispatch-event","status":"404"}""");
                return;
            }

            if (OnDispatch(input) is { } run)
            {
                lock (Runs)
                {
                    Runs.Insert(0, run);
                }
            }

            context.Response.StatusCode = 204;
        });
        app.MapGet(repo + "/actions/workflows/{workflow}/runs", (HttpContext context) =>
        {
            JsonNode[] runs;
            lock (Runs)
            {
                runs = [.. Runs.Select(r => r.DeepClone())];
            }

            return Answer.Json(context, 200, new JsonObject { ["total_count"] = runs.Length, ["workflow_runs"] = new JsonArray(runs) }.ToJsonString());
        });
        app.MapGet(repo + "/actions/runs/{id:long}", (HttpContext context, long id) =>
        {
            JsonObject? run;
            lock (Runs)
            {
                run = Runs.FirstOrDefault(r => (long)r["id"]! == id);
            }

            return run is null
                ? Answer.Json(context, 404, $$"""{"message":"Not Found","documentation_url":"{{Docs}}/actions/workflow-runs#get-a-workflow-run","status":"404"}""")
                : Answer.Json(context, 200, run.ToJsonString());
        });
        app.MapGet(repo + "/actions/runs/{id:long}/jobs", (HttpContext context, long id) =>
        {
            // Paginated as GitHub does: per_page (default 30, at most 100), page from 1, a Link header naming the next and last pages.
            var perPage = Math.Clamp(int.TryParse(context.Request.Query["per_page"], out var p) ? p : 30, 1, 100);
            var page = Math.Max(int.TryParse(context.Request.Query["page"], out var n) ? n : 1, 1);
            JsonObject[] all;
            lock (Jobs)
            {
                all = [.. Jobs.Where(j => j["run_id"]!.ToJsonString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            }

            var last = Math.Max((all.Length + perPage - 1) / perPage, 1);
            if (page < last)
            {
                var path = $"{ApiUrl}repos/{Owner}/{Repo}/actions/runs/{id}/jobs";
                context.Response.Headers.Link = $"<{path}?per_page={perPage}&page={page + 1}>; rel=\"next\", <{path}?per_page={perPage}&page={last}>; rel=\"last\"";
            }

            var jobs = all.Skip((page - 1) * perPage).Take(perPage).Select(j => j.DeepClone()).ToArray();
            return Answer.Json(context, 200, new JsonObject { ["total_count"] = all.Length, ["jobs"] = new JsonArray(jobs) }.ToJsonString());
        });
        app.MapGet(repo + "/actions/runs/{id:long}/artifacts", (HttpContext context, long id) =>
        {
            JsonArray artifacts = ImageJson is null ? [] : [new JsonObject
            {
                ["id"] = 11,
                ["node_id"] = "MDg6QXJ0aWZhY3QxMQ==",
                ["name"] = "gitops-image",
                ["size_in_bytes"] = 556,
                ["url"] = $"{ApiUrl}repos/acme/storefront/actions/artifacts/11",
                ["archive_download_url"] = $"{ApiUrl}repos/acme/storefront/actions/artifacts/11/zip",
                ["expired"] = false,
                ["created_at"] = "2026-11-26T08:01:00Z",
                ["expires_at"] = "2027-02-24T08:01:00Z",
                ["updated_at"] = "2026-11-26T08:01:00Z",
                ["workflow_run"] = new JsonObject { ["id"] = id, ["head_sha"] = "x" },
            }];
            return Answer.Json(context, 200, new JsonObject { ["total_count"] = artifacts.Count, ["artifacts"] = artifacts }.ToJsonString());
        });
        app.MapGet(repo + "/actions/artifacts/{id:long}/{format}", (HttpContext context) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = $"{ApiUrl}storage/artifact-11.zip?sig=abc";
            return Task.CompletedTask;
        });
        app.MapGet("/storage/artifact-11.zip", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/zip";
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var writer = new StreamWriter(zip.CreateEntry("image.json").Open());
                await writer.WriteAsync(ImageJson);
            }

            await context.Response.Body.WriteAsync(buffer.ToArray());
        });
    }

    public JsonObject NewPull(int number, string head, string baseRef, string title, string? body) => new()
    {
        ["id"] = 1000 + number,
        ["node_id"] = $"PR_{number}",
        ["number"] = number,
        ["state"] = "open",
        ["title"] = title,
        ["body"] = body,
        ["html_url"] = $"https://github.com/{Owner}/{Repo}/pull/{number}",
        ["url"] = $"https://api.github.com/repos/{Owner}/{Repo}/pulls/{number}",
        ["merged"] = false,
        ["mergeable"] = true,
        ["head"] = new JsonObject { ["ref"] = head, ["sha"] = HeadShaOf?.Invoke(head) ?? "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ["label"] = $"{Owner}:{head}" },
        ["base"] = new JsonObject { ["ref"] = baseRef, ["sha"] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", ["label"] = $"{Owner}:{baseRef}" },
        ["created_at"] = "2026-11-26T08:00:00Z",
        ["updated_at"] = "2026-11-26T08:00:00Z",
    };

    private JsonObject Combined(string sha)
    {
        var statuses = (Statuses.TryGetValue(sha, out var l) ? l : []).DistinctBy(s => (string?)s["context"]).ToList();
        var states = statuses.Select(s => (string?)s["state"]).ToList();

        // GitHub: failure if any is error or failure, pending if none or any pending, else success.
        var state = states.Any(s => s is "failure" or "error") ? "failure" : states.Count == 0 || states.Contains("pending") ? "pending" : "success";
        return new JsonObject
        {
            ["state"] = state,
            ["sha"] = sha,
            ["total_count"] = statuses.Count,
            ["statuses"] = new JsonArray([.. statuses.Select(s => s.DeepClone())]),
        };
    }

    private bool ValidAppJwt(string authorization)
    {
        var parts = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..].Split('.') : [];
        if (parts.Length != 3)
        {
            return false;
        }

        var signed = System.Text.Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        var payload = JsonNode.Parse(FromBase64Url(parts[1]));
        return AppKey.VerifyData(signed, FromBase64Url(parts[2]), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            && (long?)payload?["iss"] == AppId;
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    private static async Task<JsonObject> Body(HttpContext context) =>
        (JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject) ?? [];

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        AppKey.Dispose();
    }
}
