namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

/// <summary>Small manifests the tests apply.</summary>
internal static class Manifests
{
    public static string Deployment(string name, string image, int replicas = 2, string maxSurge = "25%", string maxUnavailable = "25%") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          labels:
            app: {{name}}
        spec:
          replicas: {{replicas}}
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxSurge: {{maxSurge}}
              maxUnavailable: {{maxUnavailable}}
          selector:
            matchLabels:
              app: {{name}}
          template:
            metadata:
              labels:
                app: {{name}}
            spec:
              containers:
              - name: app
                image: {{image}}
                ports:
                - containerPort: 8080
        """;

    public static string ConfigMapJson(string name, string ns = "default", string? labels = null) =>
        $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"{{{(labels is null ? "" : ",\"labels\":" + labels)}}}},"data":{"k":"v"}}""";
}
