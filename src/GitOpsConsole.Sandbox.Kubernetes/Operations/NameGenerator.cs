using System.Security.Cryptography;

namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

/// <summary>The random suffixes Kubernetes appends for generateName (consonants and digits, no vowels).</summary>
internal static class NameGenerator
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Suffix(int length = 5) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    public static string Generate(string prefix) => (prefix.Length > 58 ? prefix[..58] : prefix) + Suffix();
}
