using System.Collections.Frozen;
using static GitOpsConsole.Sandbox.Kubernetes.Protobuf.ProtoField;

namespace GitOpsConsole.Sandbox.Kubernetes.Protobuf;

/// <summary>
/// Field numbers (from the k8s.io/api generated.proto files) of the messages kubectl's typed
/// commands send: create namespace/configmap/secret/serviceaccount/deployment/job/service, run,
/// expose. A field outside this table is refused rather than dropped.
/// </summary>
internal static class ProtoSchema
{
    public static readonly FrozenDictionary<string, string> RootByKind = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Namespace"] = "Namespace", ["ConfigMap"] = "ConfigMap", ["Secret"] = "Secret", ["ServiceAccount"] = "ServiceAccount",
        ["Pod"] = "Pod", ["Service"] = "Service", ["Deployment"] = "Deployment", ["StatefulSet"] = "StatefulSet", ["Job"] = "Job",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, FrozenDictionary<int, ProtoField>> Messages = new Dictionary<string, Dictionary<int, ProtoField>>
    {
        ["ObjectMeta"] = new() { [1] = Str("name"), [2] = Str("generateName"), [3] = Str("namespace"), [4] = Skip("selfLink"), [5] = Str("uid"),
            [6] = Str("resourceVersion"), [7] = Int("generation"), [8] = new("creationTimestamp", ProtoKind.Time), [9] = new("deletionTimestamp", ProtoKind.Time),
            [10] = Int("deletionGracePeriodSeconds"), [11] = Map("labels", ProtoKind.String), [12] = Map("annotations", ProtoKind.String),
            [13] = Msgs("ownerReferences", "OwnerReference"), [14] = Strs("finalizers"), [17] = Skip("managedFields") },
        ["OwnerReference"] = new() { [1] = Str("kind"), [3] = Str("name"), [4] = Str("uid"), [5] = Str("apiVersion"), [6] = Bool("controller"), [7] = Bool("blockOwnerDeletion") },
        ["LabelSelector"] = new() { [1] = Map("matchLabels", ProtoKind.String), [2] = Msgs("matchExpressions", "LabelSelectorRequirement") },
        ["LabelSelectorRequirement"] = new() { [1] = Str("key"), [2] = Str("operator"), [3] = Strs("values") },
        ["Namespace"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Msg("spec", "NamespaceSpec"), [3] = Skip("status") },
        ["NamespaceSpec"] = new() { [1] = Strs("finalizers") },
        ["ConfigMap"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Map("data", ProtoKind.String), [3] = Map("binaryData", ProtoKind.Bytes), [4] = Bool("immutable") },
        ["Secret"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Map("data", ProtoKind.Bytes), [3] = Str("type"), [4] = Map("stringData", ProtoKind.String), [5] = Bool("immutable") },
        ["ServiceAccount"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Msgs("secrets", "ObjectReference"), [3] = Msgs("imagePullSecrets", "LocalObjectReference"), [4] = Bool("automountServiceAccountToken") },
        ["ObjectReference"] = new() { [1] = Str("kind"), [2] = Str("namespace"), [3] = Str("name"), [4] = Str("uid"), [5] = Str("apiVersion"), [6] = Str("resourceVersion"), [7] = Str("fieldPath") },
        ["LocalObjectReference"] = new() { [1] = Str("name") },
        ["Pod"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Msg("spec", "PodSpec"), [3] = Skip("status") },
        ["PodTemplateSpec"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Msg("spec", "PodSpec") },
        ["PodSpec"] = new() { [1] = Msgs("volumes", "Volume"), [2] = Msgs("containers", "Container"), [3] = Str("restartPolicy"), [4] = Int("terminationGracePeriodSeconds"),
            [5] = Int("activeDeadlineSeconds"), [6] = Str("dnsPolicy"), [7] = Map("nodeSelector", ProtoKind.String), [8] = Str("serviceAccountName"), [9] = Str("serviceAccount"),
            [10] = Str("nodeName"), [11] = Bool("hostNetwork"), [12] = Bool("hostPID"), [13] = Bool("hostIPC"), [15] = Msgs("imagePullSecrets", "LocalObjectReference"),
            [16] = Str("hostname"), [17] = Str("subdomain"), [19] = Str("schedulerName"), [20] = Msgs("initContainers", "Container"), [21] = Bool("automountServiceAccountToken"),
            [22] = Msgs("tolerations", "Toleration"), [24] = Str("priorityClassName"), [25] = Int("priority"), [30] = Bool("enableServiceLinks") },
        ["Container"] = new() { [1] = Str("name"), [2] = Str("image"), [3] = Strs("command"), [4] = Strs("args"), [5] = Str("workingDir"), [6] = Msgs("ports", "ContainerPort"),
            [7] = Msgs("env", "EnvVar"), [8] = Msg("resources", "ResourceRequirements"), [9] = Msgs("volumeMounts", "VolumeMount"), [13] = Str("terminationMessagePath"),
            [14] = Str("imagePullPolicy"), [16] = Bool("stdin"), [17] = Bool("stdinOnce"), [18] = Bool("tty"), [19] = Msgs("envFrom", "EnvFromSource"),
            [20] = Str("terminationMessagePolicy"), [24] = Str("restartPolicy") },
        ["ContainerPort"] = new() { [1] = Str("name"), [2] = Int("hostPort"), [3] = Int("containerPort"), [4] = Str("protocol"), [5] = Str("hostIP") },
        ["EnvVar"] = new() { [1] = Str("name"), [2] = Str("value"), [3] = Msg("valueFrom", "EnvVarSource") },
        ["EnvVarSource"] = new() { [1] = Msg("fieldRef", "ObjectFieldSelector"), [3] = Msg("configMapKeyRef", "KeySelector"), [4] = Msg("secretKeyRef", "KeySelector") },
        ["ObjectFieldSelector"] = new() { [1] = Str("apiVersion"), [2] = Str("fieldPath") },
        ["KeySelector"] = new() { [1] = Inline("LocalObjectReference"), [2] = Str("key"), [3] = Bool("optional") },
        ["EnvFromSource"] = new() { [1] = Str("prefix"), [2] = Msg("configMapRef", "EnvSource"), [3] = Msg("secretRef", "EnvSource") },
        ["EnvSource"] = new() { [1] = Inline("LocalObjectReference"), [2] = Bool("optional") },
        ["ResourceRequirements"] = new() { [1] = Map("limits", ProtoKind.Quantity), [2] = Map("requests", ProtoKind.Quantity) },
        ["VolumeMount"] = new() { [1] = Str("name"), [2] = Bool("readOnly"), [3] = Str("mountPath"), [4] = Str("subPath") },
        ["Volume"] = new() { [1] = Str("name"), [2] = Inline("VolumeSource") },
        ["VolumeSource"] = new() { [2] = Msg("emptyDir", "EmptyDirVolumeSource"), [6] = Msg("secret", "SecretVolumeSource"), [19] = Msg("configMap", "ConfigMapVolumeSource") },
        ["EmptyDirVolumeSource"] = new() { [1] = Str("medium"), [2] = new("sizeLimit", ProtoKind.Quantity) },
        ["SecretVolumeSource"] = new() { [1] = Str("secretName"), [3] = Int("defaultMode"), [4] = Bool("optional") },
        ["ConfigMapVolumeSource"] = new() { [1] = Inline("LocalObjectReference"), [3] = Int("defaultMode"), [4] = Bool("optional") },
        ["Toleration"] = new() { [1] = Str("key"), [2] = Str("operator"), [3] = Str("value"), [4] = Str("effect"), [5] = Int("tolerationSeconds") },
        ["Service"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Msg("spec", "ServiceSpec"), [3] = Skip("status") },
        ["ServiceSpec"] = new() { [1] = Msgs("ports", "ServicePort"), [2] = Map("selector", ProtoKind.String), [3] = Str("clusterIP"), [4] = Str("type"),
            [5] = Strs("externalIPs"), [7] = Str("sessionAffinity"), [10] = Str("externalName"), [18] = Strs("clusterIPs") },
        ["ServicePort"] = new() { [1] = Str("name"), [2] = Str("protocol"), [3] = Int("port"), [4] = new("targetPort", ProtoKind.IntOrString), [5] = Int("nodePort"), [6] = Str("appProtocol") },
        ["Deployment"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Msg("spec", "DeploymentSpec"), [3] = Skip("status") },
        ["DeploymentSpec"] = new() { [1] = Int("replicas", keepZero: true), [2] = Msg("selector", "LabelSelector"), [3] = Msg("template", "PodTemplateSpec"),
            [4] = Msg("strategy", "DeploymentStrategy"), [5] = Int("minReadySeconds"), [6] = Int("revisionHistoryLimit"), [7] = Bool("paused"), [9] = Int("progressDeadlineSeconds") },
        ["DeploymentStrategy"] = new() { [1] = Str("type"), [2] = Msg("rollingUpdate", "RollingUpdateDeployment") },
        ["RollingUpdateDeployment"] = new() { [1] = new("maxUnavailable", ProtoKind.IntOrString), [2] = new("maxSurge", ProtoKind.IntOrString) },
        ["StatefulSet"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Msg("spec", "StatefulSetSpec"), [3] = Skip("status") },
        ["StatefulSetSpec"] = new() { [1] = Int("replicas", keepZero: true), [2] = Msg("selector", "LabelSelector"), [3] = Msg("template", "PodTemplateSpec"),
            [5] = Str("serviceName"), [6] = Str("podManagementPolicy"), [8] = Int("revisionHistoryLimit"), [9] = Int("minReadySeconds") },
        ["Job"] = new() { [1] = Msg("metadata", "ObjectMeta"), [2] = Msg("spec", "JobSpec"), [3] = Skip("status") },
        ["JobSpec"] = new() { [1] = Int("parallelism", keepZero: true), [2] = Int("completions", keepZero: true), [3] = Int("activeDeadlineSeconds"), [4] = Msg("selector", "LabelSelector"),
            [5] = Bool("manualSelector"), [6] = Msg("template", "PodTemplateSpec"), [7] = Int("backoffLimit", keepZero: true), [8] = Int("ttlSecondsAfterFinished"),
            [9] = Str("completionMode"), [10] = Bool("suspend") },
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(), StringComparer.Ordinal);
}
