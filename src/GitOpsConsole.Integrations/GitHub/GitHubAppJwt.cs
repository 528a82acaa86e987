using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>
/// The JSON Web Token a GitHub App signs with its private key (RS256) to ask for installation tokens:
/// issued a minute in the past against clock drift, valid for nine minutes (GitHub allows ten).
/// </summary>
internal static class GitHubAppJwt
{
    public static string Create(long appId, string privateKeyPem, DateTimeOffset now)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(privateKeyPem);
        }
        catch (ArgumentException ex)
        {
            // The message of a PEM parse error quotes no key material.
            throw new ArgumentException($"The GitHub App's private key is not a PEM RSA key: {ex.Message}", nameof(privateKeyPem));
        }

        var header = Base64Url("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, long>
        {
            ["iat"] = now.AddSeconds(-60).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(9).ToUnixTimeSeconds(),
            ["iss"] = appId,
        }));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
