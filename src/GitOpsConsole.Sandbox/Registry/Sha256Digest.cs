using System.Security.Cryptography;

namespace GitOpsConsole.Sandbox.Registry;

internal static class Sha256Digest
{
    public static string Of(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public static string Hex(string digest) => digest["sha256:".Length..];
}
