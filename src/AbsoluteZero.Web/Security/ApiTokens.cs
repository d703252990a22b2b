using System.Security.Cryptography;
using System.Text;

namespace AbsoluteZero.Web.Security;

/// <summary>API token format and hashing. Tokens are 256 random bits, so a plain SHA-256 is a sufficient hash.</summary>
public static class ApiTokens
{
    /// <summary>Makes tokens recognisable in logs and secret scanners.</summary>
    public const string Prefix = "azr_";

    public static string Create() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
