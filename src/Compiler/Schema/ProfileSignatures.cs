using System.Collections.Frozen;
using VirtLang.Language.Literals;

namespace VirtLang.Compiler.Schema;

/// <summary>One parameter of a workload profile: its name, its dimension (ratio, time, or a string), whether it is required.</summary>
public sealed record ProfileParameter(string Name, Dimension? Dimension, bool Required, string Help)
{
    /// <summary>What the argument is, as signature help names it: a percentage, a duration or a string.</summary>
    public string KindText => Dimension switch
    {
        Language.Literals.Dimension.Ratio => "percentage",
        Language.Literals.Dimension.Time => "duration",
        _ => "string",
    };
}

/// <summary>
/// The workload profiles a <c>demand</c> may name and their parameters, in positional order; arguments may be named
/// or positional. The checker validates calls against this table and the binder builds the runtime's profile from it.
/// </summary>
public static class ProfileSignatures
{
    public static readonly FrozenDictionary<string, IReadOnlyList<ProfileParameter>> All = new Dictionary<string, IReadOnlyList<ProfileParameter>>
    {
        ["constant"] = [new("level", Dimension.Ratio, true, "the load, all the time")],
        ["diurnal"] =
        [
            new("peak", Dimension.Ratio, true, "the daily peak"), new("base", Dimension.Ratio, false, "the night-time low (default 0 %)"),
            new("peak_at", Dimension.Time, false, "time of day of the peak (default 14h)"),
        ],
        ["weekly"] =
        [
            new("weekday", Dimension.Ratio, true, "the weekday peak"), new("weekend", Dimension.Ratio, true, "the level on Saturday and Sunday"),
            new("base", Dimension.Ratio, false, "the weekday night-time low (default: the weekend level)"),
            new("peak_at", Dimension.Time, false, "time of day of the peak (default 14h)"),
        ],
        ["spiky"] =
        [
            new("base", Dimension.Ratio, true, "the usual level"), new("peak", Dimension.Ratio, true, "the level of a spike"),
            new("every", Dimension.Time, false, "mean time between spikes (default 6h)"), new("lasts", Dimension.Time, false, "length of a spike (default 15m)"),
        ],
        ["trace"] = [new("file", null, true, "a CSV of time,level lines, relative to the model file")],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
