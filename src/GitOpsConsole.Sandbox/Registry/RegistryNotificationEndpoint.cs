namespace GitOpsConsole.Sandbox.Registry;

/// <summary>
/// A receiver of the registry's push notifications and the headers sent with each delivery (distribution's
/// <c>notifications.endpoints[].headers</c>), e.g. <c>Authorization: Bearer …</c> for the console's <c>/webhooks/registry</c>.
/// </summary>
public sealed record RegistryNotificationEndpoint(Uri Url, IReadOnlyDictionary<string, string> Headers)
{
    public RegistryNotificationEndpoint(Uri url)
        : this(url, new Dictionary<string, string>())
    {
    }
}
