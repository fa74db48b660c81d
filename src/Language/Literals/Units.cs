using System.Collections.Frozen;

namespace VirtLang.Language.Literals;

/// <summary>The units of language.md, case-sensitive. Decimal (KB) and binary (KiB) memory units are distinct.</summary>
public static class Units
{
    public static IReadOnlyList<Unit> All { get; } =
    [
        new("B", Dimension.Memory, 1),
        new("KB", Dimension.Memory, 1e3),
        new("MB", Dimension.Memory, 1e6),
        new("GB", Dimension.Memory, 1e9),
        new("TB", Dimension.Memory, 1e12),
        new("KiB", Dimension.Memory, 1024d),
        new("MiB", Dimension.Memory, 1024d * 1024),
        new("GiB", Dimension.Memory, 1024d * 1024 * 1024),
        new("TiB", Dimension.Memory, 1024d * 1024 * 1024 * 1024),
        new("MHz", Dimension.Frequency, 1e6),
        new("GHz", Dimension.Frequency, 1e9),
        new("Mbps", Dimension.Bandwidth, 1e6),
        new("Gbps", Dimension.Bandwidth, 1e9),
        new("MB/s", Dimension.Bandwidth, 8e6),
        new("GB/s", Dimension.Bandwidth, 8e9),
        new("W", Dimension.Power, 1),
        new("kW", Dimension.Power, 1e3),
        new("ms", Dimension.Time, 1e-3),
        new("s", Dimension.Time, 1),
        new("m", Dimension.Time, 60),
        new("h", Dimension.Time, 3600),
        new("d", Dimension.Time, 86400),
        new("%", Dimension.Ratio, 1e-2),
    ];

    private static readonly FrozenDictionary<string, Unit> BySymbol = All.ToFrozenDictionary(u => u.Symbol, StringComparer.Ordinal);

    /// <summary>"B, KB, MB, ..." for messages and completion.</summary>
    public static string KnownSymbolsText { get; } = string.Join(", ", All.Select(u => u.Symbol));

    public static Unit? Find(string symbol) => BySymbol.GetValueOrDefault(symbol);
}
