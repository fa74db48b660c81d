using System.Globalization;

namespace VirtLang.Compiler.Rules;

/// <summary>Numbers as messages show them: memory in binary units (<c>412 GiB</c>), cores, percentages, factors.</summary>
internal static class Amounts
{
    private static readonly (string Unit, double Size)[] MemoryUnits =
        [("TiB", 1024d * 1024 * 1024 * 1024), ("GiB", 1024d * 1024 * 1024), ("MiB", 1024d * 1024), ("KiB", 1024), ("B", 1)];

    public static string Bytes(double bytes)
    {
        foreach (var (unit, size) in MemoryUnits)
        {
            if (Math.Abs(bytes) >= size || unit == "B")
            {
                return Number(bytes / size) + " " + unit;
            }
        }

        return Number(bytes) + " B";
    }

    /// <summary>Singular when the number as shown is 1: 0.96 cores shows as "1 core".</summary>
    public static string Cores(double cores) => Number(cores) is var shown && shown == "1" ? "1 core" : shown + " cores";

    /// <summary>"1 vCPU", "2 vCPUs", "0 places": a count with its noun, plural unless it is exactly one.</summary>
    public static string Count(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    public static string Percent(double fraction) => Number(fraction * 100) + " %";

    /// <summary>At most one decimal, none when whole: 384, 1.5, 0.3.</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, value != 0 && Math.Abs(value) < 1 ? 2 : 1);
        return rounded.ToString(rounded == Math.Floor(rounded) ? "0" : "0.##", CultureInfo.InvariantCulture);
    }

    public static string Factor(double value) => Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"`a`, `b` and `c`".</summary>
    public static string Names(IEnumerable<string> names)
    {
        var list = names.Select(n => $"`{n}`").ToList();
        return list.Count switch
        {
            0 => "nothing",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
