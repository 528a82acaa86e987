namespace GitOpsConsole.Sandbox.Kubernetes.Protobuf;

internal enum ProtoKind { String, Bytes, Int, Bool, Message, Inline, IntOrString, Quantity, Time, Ignore }

/// <summary>
/// One field of a Kubernetes protobuf message: its JSON name and how to decode it. Maps are
/// repeated entry messages (key = 1, value = 2) whose value decodes as <see cref="MapValue"/>.
/// </summary>
internal sealed record ProtoField(string Json, ProtoKind Kind, string? Message = null, bool Repeated = false, bool KeepZero = false)
{
    public ProtoKind? MapValue { get; init; }

    public static ProtoField Str(string json) => new(json, ProtoKind.String);
    public static ProtoField Strs(string json) => new(json, ProtoKind.String, Repeated: true);
    public static ProtoField Int(string json, bool keepZero = false) => new(json, ProtoKind.Int, KeepZero: keepZero);
    public static ProtoField Bool(string json) => new(json, ProtoKind.Bool);
    public static ProtoField Msg(string json, string message) => new(json, ProtoKind.Message, message);
    public static ProtoField Msgs(string json, string message) => new(json, ProtoKind.Message, message, Repeated: true);
    public static ProtoField Inline(string message) => new("", ProtoKind.Inline, message);
    public static ProtoField Map(string json, ProtoKind value, string? message = null) => new(json, ProtoKind.Message, message) { MapValue = value };
    public static ProtoField Skip(string json) => new(json, ProtoKind.Ignore);
}
