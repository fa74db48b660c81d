using System.Globalization;
using VirtLang.Language.Literals;

namespace VirtLang.Compiler.Schema;

/// <summary>
/// A value in canonical units written back as a literal, in the largest unit that keeps it whole (<c>1024TiB</c>,
/// <c>10_000Gbps</c>, <c>100%</c>): how a bound is shown in messages and in the schema's documentation, in the form
/// the user would type.
/// </summary>
public static class QuantityText
{
    // The units a bound is written in, largest first per dimension (decimal memory units are left out: bounds are binary).
    private static readonly string[] Preferred = ["TiB", "GiB", "MiB", "KiB", "B", "GHz", "MHz", "Gbps", "Mbps", "kW", "W", "d", "h", "m", "s", "%"];

    public static string Format(double value, Dimension dimension)
    {
        if (dimension == Dimension.None || value == 0)
        {
            // A plain number as people read it (100,000); a quantity below as it is typed (10_000Gbps).
            return Digits(value).Replace('_', ',');
        }

        foreach (var symbol in Preferred)
        {
            var unit = Units.Find(symbol)!;
            var scaled = value / unit.Factor;
            if (unit.Dimension == dimension && (scaled == Math.Floor(scaled) || symbol is "B" or "W" or "s" or "%" or "Mbps" or "MHz"))
            {
                return Digits(scaled) + symbol;
            }
        }

        return Digits(value);
    }

    /// <summary>A number as a literal: digits grouped by <c>_</c> in threes past 9,999, at most 6 decimals.</summary>
    private static string Digits(double value)
    {
        var whole = Math.Abs(value) >= 10_000 && value == Math.Floor(value);
        var text = value.ToString(whole ? "#,0" : "0.######", CultureInfo.InvariantCulture);
        return whole ? text.Replace(',', '_') : text;
    }
}
