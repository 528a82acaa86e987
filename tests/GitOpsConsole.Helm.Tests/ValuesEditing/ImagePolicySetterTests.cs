using GitOpsConsole.Core.Images;
using GitOpsConsole.Helm.ImageTags;
using GitOpsConsole.Helm.ValuesEditing;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

public sealed class ImagePolicySetterTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly ImageReference Podinfo = ImageReference.Create("ghcr.io/stefanprodan/podinfo", "6.5.1");

    [Fact]
    public void Apply_ThreeSuffixes_EachGetsItsPart()
    {
        const string yaml =
            "image: ghcr.io/stefanprodan/podinfo:6.5.0 # {\"$imagepolicy\": \"flux-system:podinfo\"}\r\n" +
            "split:\r\n" +
            "  repository: old/name # {\"$imagepolicy\": \"flux-system:podinfo:name\"}\r\n" +
            "  tag: '6.5.0'   # {\"$imagepolicy\": \"flux-system:podinfo:tag\"}\r\n" +
            "  # not a marker line: tag: 1\r\n" +
            "other: 6.5.0 # {\"$imagepolicy\": \"flux-system:other:tag\"}\r\n";

        var result = ApplyPodinfo(yaml);

        Assert.Equal(
            "image: ghcr.io/stefanprodan/podinfo:6.5.1 # {\"$imagepolicy\": \"flux-system:podinfo\"}\r\n" +
            "split:\r\n" +
            "  repository: ghcr.io/stefanprodan/podinfo # {\"$imagepolicy\": \"flux-system:podinfo:name\"}\r\n" +
            "  tag: '6.5.1'   # {\"$imagepolicy\": \"flux-system:podinfo:tag\"}\r\n" +
            "  # not a marker line: tag: 1\r\n" +
            "other: 6.5.0 # {\"$imagepolicy\": \"flux-system:other:tag\"}\r\n",
            result.Text);
        Assert.Equal(3, result.Edits.Count);
    }

    [Fact]
    public void Apply_PlainTagThatLooksLikeANumber_IsQuotedToStayAString()
    {
        var image = ImageReference.Create("nginx", "1.10");

        var result = ImagePolicySetters.Apply("tag: 1.9 # {\"$imagepolicy\": \"ns:web:tag\"}\n", "ns:web", image);

        Assert.Equal("tag: \"1.10\" # {\"$imagepolicy\": \"ns:web:tag\"}\n", result.Text);
    }

    [Fact]
    public void Apply_MarkersInSequencesAndSeveralDocuments_AreAllUpdated()
    {
        const string yaml = "containers:\n- image: a:1 # {\"$imagepolicy\": \"ns:p\"}\n---\nimage: a:1 # {\"$imagepolicy\": \"ns:p\"}\n";

        var result = ImagePolicySetters.Apply(yaml, "ns:p", ImageReference.Create("a", "2"));

        Assert.Equal("containers:\n- image: a:2 # {\"$imagepolicy\": \"ns:p\"}\n---\nimage: a:2 # {\"$imagepolicy\": \"ns:p\"}\n", result.Text);
    }

    [Fact]
    public void Apply_AlreadyCurrent_ReturnsTheSameTextWithoutEdits()
    {
        const string yaml = "tag: 6.5.1 # {\"$imagepolicy\": \"flux-system:podinfo:tag\"}\n";

        var result = ApplyPodinfo(yaml);

        Assert.False(result.Changed);
        Assert.Same(yaml, result.Text);
    }

    [Fact]
    public void Apply_DigestPinnedImage_DigestGoesToTheWholeReferenceAndTheDigestSuffixOnly()
    {
        const string yaml = "image: a:v1 # {\"$imagepolicy\": \"ns:p\"}\ntag: v1 # {\"$imagepolicy\": \"ns:p:tag\"}\ndigest: none # {\"$imagepolicy\": \"ns:p:digest\"}\n";

        var result = ImagePolicySetters.Apply(yaml, "ns:p", ImageReference.Create("a", "v2", Digest));

        Assert.Equal(
            $"image: a:v2@{Digest} # {{\"$imagepolicy\": \"ns:p\"}}\ntag: v2 # {{\"$imagepolicy\": \"ns:p:tag\"}}\ndigest: {Digest} # {{\"$imagepolicy\": \"ns:p:digest\"}}\n",
            result.Text);
    }

    [Fact]
    public void Apply_DigestMarkerWithoutDigest_IsRefused()
    {
        var ex = Assert.Throws<YamlEditException>(() => ImagePolicySetters.Apply("d: x # {\"$imagepolicy\": \"ns:p:digest\"}\n", "ns:p", ImageReference.Create("a", "v2")));

        Assert.Equal(YamlEditError.InvalidValue, ex.Error);
        Assert.Contains("asks for a digest but the image a:v2 has none", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_EmptyValueWithMarker_GetsTheValue()
    {
        Assert.Equal("tag: 6.5.1 # {\"$imagepolicy\": \"flux-system:podinfo:tag\"}\n",
            ApplyPodinfo("tag: # {\"$imagepolicy\": \"flux-system:podinfo:tag\"}\n").Text);
    }

    [Fact]
    public void Apply_MarkerOnAliasedAnchor_IsRefused()
    {
        const string yaml = "tag: &t v1 # {\"$imagepolicy\": \"flux-system:podinfo:tag\"}\nother: *t\n";

        Assert.Equal(YamlEditError.AnchorOrAlias, Assert.Throws<YamlEditException>(() => ApplyPodinfo(yaml)).Error);
    }

    [Theory]
    [InlineData("tag: v1 # {$imagepolicy: flux-system:podinfo:tag}\n")]
    [InlineData("tag: v1 # {\"$imagepolicy\": \"flux-system:podinfo:other\"}\n")]
    [InlineData("tag: v1 # {\"$imagepolicy\": \"podinfo\"}\n")]
    [InlineData("tag: v1 # imagepolicy flux-system:podinfo:tag\n")]
    [InlineData("tag: \"v1 # {\\\"$imagepolicy\\\": \\\"flux-system:podinfo:tag\\\"}\"\n")]
    public void Apply_NotAMarker_LeavesTheFileAlone(string yaml)
    {
        Assert.False(ApplyPodinfo(yaml).Changed);
    }

    [Fact]
    public void ImageReference_Create_RejectsBadParts()
    {
        Assert.Throws<ArgumentException>(() => ImageReference.Create("Upper/Case", "v1"));
        Assert.Throws<ArgumentException>(() => ImageReference.Create("nginx", "v1\nx: y"));
        Assert.Throws<ArgumentException>(() => ImageReference.Create("nginx", "v1", "md5:abc"));
        Assert.Equal("localhost:5000/team/app:1.0", ImageReference.Create("localhost:5000/team/app", "1.0").ToString());
    }

    private static YamlEditResult ApplyPodinfo(string yaml) => ImagePolicySetters.Apply(yaml, "flux-system:podinfo", Podinfo);
}
