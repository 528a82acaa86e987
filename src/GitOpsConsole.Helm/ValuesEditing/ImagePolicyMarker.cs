using System.Text.Json;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>Which part of the image a Flux setter marker asks for.</summary>
public enum ImagePolicyField
{
    /// <summary>No suffix: the whole <c>repository:tag</c>.</summary>
    Image,

    /// <summary><c>:tag</c>: the tag only.</summary>
    Tag,

    /// <summary><c>:name</c>: the repository only.</summary>
    Name,

    /// <summary><c>:digest</c>: the digest only.</summary>
    Digest,
}

/// <summary>A Flux image-automation setter marker: a line comment <c># {"$imagepolicy": "namespace:policy[:tag|:name|:digest]"}</c>.</summary>
internal readonly record struct ImagePolicyMarker(string Policy, ImagePolicyField Field)
{
    /// <summary>Reads the comment that follows a scalar on its line, if that comment is a setter marker.</summary>
    public static ImagePolicyMarker? AfterScalar(string text, int scalarEnd)
    {
        var i = scalarEnd;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i == scalarEnd || i >= text.Length || text[i] != '#')
        {
            return null;
        }

        var eol = text.IndexOfAny(['\n', '\r'], i);
        return Parse(text[(i + 1)..(eol < 0 ? text.Length : eol)].Trim());
    }

    public static ImagePolicyMarker? Parse(string comment)
    {
        if (!comment.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(comment);
            if (json.RootElement.ValueKind != JsonValueKind.Object ||
                !json.RootElement.TryGetProperty("$imagepolicy", out var value) || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return FromReference(value.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ImagePolicyMarker? FromReference(string reference)
    {
        var parts = reference.Split(':');
        return parts switch
        {
            [var ns, var name] => new ImagePolicyMarker($"{ns}:{name}", ImagePolicyField.Image),
            [var ns, var name, "tag"] => new ImagePolicyMarker($"{ns}:{name}", ImagePolicyField.Tag),
            [var ns, var name, "name"] => new ImagePolicyMarker($"{ns}:{name}", ImagePolicyField.Name),
            [var ns, var name, "digest"] => new ImagePolicyMarker($"{ns}:{name}", ImagePolicyField.Digest),
            _ => null,
        };
    }
}
