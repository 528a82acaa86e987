using System.Globalization;
using System.Text;
using GitOpsConsole.Sandbox.Kubernetes.Selectors;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

/// <summary>A list request: selectors plus limit/continue paging.</summary>
internal sealed record ListQuery(LabelSelector Labels, FieldSelector Fields, int Limit, string? Continue)
{
    public static ListQuery All { get; } = new(LabelSelector.Everything, FieldSelector.Everything, 0, null);

    public bool Matches(StoredObject item) =>
        (Labels.IsEmpty || Labels.Matches(item.Labels)) && (Fields.IsEmpty || Fields.Matches(item.Node));

    /// <summary>Continue tokens carry the last key returned; lists resume strictly after it.</summary>
    public static string EncodeContinue(string lastKey, long resourceVersion) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{resourceVersion}\n{lastKey}")));

    public static string DecodeContinue(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var split = text.IndexOf('\n', StringComparison.Ordinal);
            return split > 0 ? text[(split + 1)..] : throw new FormatException("no separator");
        }
        catch (FormatException)
        {
            throw ApiException.BadRequest("continue key is not valid: illegal base64 data");
        }
    }
}
