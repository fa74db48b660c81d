using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VirtLang.Compiler.Hosting;

/// <summary>
/// What verifies a cached assembly: a small text file beside it (<c>KEY.sha256</c>) naming the key the assembly was
/// built for, its length and the SHA-256 of its bytes. It catches a truncated or corrupted file and an assembly of
/// another model copied over an entry; it cannot catch someone who rewrites both files (docs/limits.md, "Assembly cache").
/// </summary>
internal static class CacheSeal
{
    public const string Extension = ".sha256";

    /// <summary>A seal is four short lines; anything longer is not one, and is not read further.</summary>
    public const int MaxBytes = 512;

    private const string Header = "virtlang-model-cache/1";

    public static string Write(string key, ReadOnlySpan<byte> image) =>
        string.Create(CultureInfo.InvariantCulture, $"{Header}\nkey {key}\nbytes {image.Length}\nsha256 {Hash(image)}\n");

    /// <summary>The length the seal promises for <paramref name="key"/>'s assembly, or null when the seal is not one for that key.</summary>
    public static long? ExpectedLength(byte[] seal, string key) =>
        Parse(seal) is { } parsed && parsed.Key == key ? parsed.Length : null;

    /// <summary>Whether <paramref name="image"/> is the very assembly <paramref name="seal"/> was written for under <paramref name="key"/>.</summary>
    public static bool Verifies(byte[] seal, string key, ReadOnlySpan<byte> image) =>
        Parse(seal) is { } parsed
        && parsed.Key == key
        && parsed.Length == image.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parsed.Sha256), Encoding.ASCII.GetBytes(Hash(image)));

    private static (string Key, long Length, string Sha256)? Parse(byte[] seal)
    {
        if (seal.Length > MaxBytes)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(seal);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        // Exactly the four lines Write makes, in order: anything else is not a seal of ours.
        var lines = text.Split('\n');
        if (lines is not [Header, var keyLine, var bytesLine, var hashLine, ""]
            || !keyLine.StartsWith("key ", StringComparison.Ordinal)
            || !bytesLine.StartsWith("bytes ", StringComparison.Ordinal)
            || !hashLine.StartsWith("sha256 ", StringComparison.Ordinal))
        {
            return null;
        }

        var key = keyLine["key ".Length..];
        var hash = hashLine["sha256 ".Length..];
        if (!IsLowerHex(key, 64) || !IsLowerHex(hash, 64)
            || !long.TryParse(bytesLine["bytes ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
        {
            return null;
        }

        return (key, length, hash);
    }

    private static string Hash(ReadOnlySpan<byte> image) => Convert.ToHexString(SHA256.HashData(image)).ToLowerInvariant();

    internal static bool IsLowerHex(string text, int length) =>
        text.Length == length && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
