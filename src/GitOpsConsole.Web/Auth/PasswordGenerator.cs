using System.Security.Cryptography;

namespace GitOpsConsole.Web.Auth;

internal static class PasswordGenerator
{
    // No look-alike characters: the password is read off a terminal and typed by hand.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Generate(int length = 20) => RandomNumberGenerator.GetString(Alphabet, length);
}
