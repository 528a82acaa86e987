namespace GitOpsConsole.Integrations.Registry;

/// <summary>Splits an image repository into registry host and path with Docker's rules (<c>nginx</c> is <c>docker.io/library/nginx</c>).</summary>
public static class ImageName
{
    public static (string Host, string Repository) Split(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : image[..slash];
        // A first component is a host only when it looks like one; "acme/shop" is a Docker Hub repository.
        if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
        {
            return (first, image[(slash + 1)..]);
        }

        return ("docker.io", slash < 0 ? $"library/{image}" : image);
    }
}
