using System.Globalization;

namespace VirtLang.Import.Model;

/// <summary>Memory figures: libvirt's and Compose's units in, the exact VDL quantity out.</summary>
public static class MemorySize
{
    /// <summary>The model's range for memory (docs/language.md schema): 1024TiB.</summary>
    public const long MaxBytes = 1024L * 1024 * 1024 * 1024 * 1024;

    private const long KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024, TiB = GiB * 1024;

    /// <summary>The factor of a libvirt unit (default KiB); null for one libvirt does not know.</summary>
    public static long? LibvirtUnit(string? unit) => (unit ?? "KiB") switch
    {
        "b" or "bytes" => 1,
        "KB" => 1_000,
        "k" or "KiB" => KiB,
        "MB" => 1_000_000,
        "M" or "MiB" => MiB,
        "GB" => 1_000_000_000,
        "G" or "GiB" => GiB,
        "TB" => 1_000_000_000_000,
        "T" or "TiB" => TiB,
        _ => null,
    };

    /// <summary>A whole number times a factor, within the model's range; null otherwise.</summary>
    public static long? Scale(string digits, long factor)
    {
        if (!decimal.TryParse(digits.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var bytes = value * factor;
        return bytes <= MaxBytes ? (long)Math.Round(bytes) : null;
    }

    /// <summary>
    /// A Compose/Docker byte value: a number with b, k, m, g (kb, mb, gb: the same, binary, as Docker reads them), or a
    /// plain number of bytes.
    /// </summary>
    public static long? ParseCompose(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var end = trimmed.Length;
        while (end > 0 && char.IsAsciiLetter(trimmed[end - 1]))
        {
            end--;
        }

        long? factor = trimmed[end..] switch
        {
            "" or "b" => 1,
            "k" or "kb" => KiB,
            "m" or "mb" => MiB,
            "g" or "gb" => GiB,
            "t" or "tb" => TiB,
            _ => null,
        };
        return factor is { } f && end > 0 ? Scale(trimmed[..end], f) : null;
    }

    /// <summary>The largest binary unit that says the bytes exactly: 4GiB, 1536MiB, 1000B.</summary>
    public static string ToQuantity(long bytes)
    {
        foreach (var (size, unit) in new[] { (TiB, "TiB"), (GiB, "GiB"), (MiB, "MiB"), (KiB, "KiB") })
        {
            if (bytes != 0 && bytes % size == 0)
            {
                return (bytes / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }
}
