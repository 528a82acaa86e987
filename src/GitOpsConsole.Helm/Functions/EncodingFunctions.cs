using System.Security.Cryptography;
using System.Text;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Encodings, hashes, random strings and UUIDs.</summary>
internal static class EncodingFunctions
{
    private const string AlphaNumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static void Register(FunctionRegistry r)
    {
        r.Fixed("b64enc", 1, (_, a) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Args.Str(a[0]))));
        r.Fixed("b64dec", 1, (_, a) => Base64Decode(Args.Str(a[0])));
        r.Fixed("b32enc", 1, (_, a) => Base32Encode(Encoding.UTF8.GetBytes(Args.Str(a[0]))));
        r.Fixed("sha256sum", 1, (_, a) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Args.String(a, 0)))));
#pragma warning disable CA5350 // Charts use sha1sum for checksum annotations, not for security.
        r.Fixed("sha1sum", 1, (_, a) => Hex(SHA1.HashData(Encoding.UTF8.GetBytes(Args.String(a, 0)))));
#pragma warning restore CA5350
        r.Fixed("sha512sum", 1, (_, a) => Hex(SHA512.HashData(Encoding.UTF8.GetBytes(Args.String(a, 0)))));
        r.Fixed("adler32sum", 1, (_, a) => Adler32(Encoding.UTF8.GetBytes(Args.String(a, 0))).ToString(System.Globalization.CultureInfo.InvariantCulture));
        r.Fixed("randAlphaNum", 1, (_, a) => Random(Args.Int(a, 0), AlphaNumeric));
        r.Fixed("randAlpha", 1, (_, a) => Random(Args.Int(a, 0), AlphaNumeric[..52]));
        r.Fixed("randNumeric", 1, (_, a) => Random(Args.Int(a, 0), AlphaNumeric[52..]));
        r.Fixed("randAscii", 1, (_, a) => Random(Args.Int(a, 0), string.Concat(Enumerable.Range(32, 95).Select(c => (char)c))));
        r.Fixed("randInt", 2, (_, a) => (long)RandomNumberGenerator.GetInt32(Args.Int(a, 0), Args.Int(a, 1)));
        r.Fixed("uuidv4", 0, (_, _) => Guid.NewGuid().ToString());
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

    private static string Base64Decode(string s)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException ex)
        {
            // Sprig returns the decoding error text instead of failing the render.
            return ex.Message;
        }
    }

    private static string Random(int length, string alphabet) =>
        RandomNumberGenerator.GetString(alphabet, Math.Max(length, 0));

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }

    private static string Base32Encode(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder();
        for (var i = 0; i < data.Length; i += 5)
        {
            var chunk = new byte[5];
            var n = Math.Min(5, data.Length - i);
            Array.Copy(data, i, chunk, 0, n);
            ulong bits = 0;
            foreach (var b in chunk)
            {
                bits = (bits << 8) | b;
            }

            var chars = (int)Math.Ceiling(n * 8 / 5.0);
            for (var k = 0; k < 8; k++)
            {
                sb.Append(k < chars ? alphabet[(int)((bits >> (35 - (k * 5))) & 31)] : '=');
            }
        }

        return sb.ToString();
    }
}
