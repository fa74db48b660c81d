using VirtLang.Compiler.Schema;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Profiles;

namespace VirtLang.Compiler.Binding;

/// <summary>Builds the runtime's profile from a well-formed call, so the checker's peak and mean are the simulator's.</summary>
internal static class ProfileReader
{
    /// <summary>The arguments of <paramref name="call"/> by parameter name; positional ones take the parameters in order.</summary>
    public static Dictionary<string, ExpressionSyntax> Arguments(CallExpressionSyntax call, IReadOnlyList<ProfileParameter> parameters)
    {
        var result = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        var position = 0;
        foreach (var argument in call.Arguments)
        {
            if (argument.Name is { } name)
            {
                result.TryAdd(name.Text, argument.Value);
            }
            else if (position < parameters.Count)
            {
                result.TryAdd(parameters[position].Name, argument.Value);
            }

            position++;
        }

        return result;
    }

    /// <summary>The profile, or null when the call is malformed (already reported) or is a trace (its file is read by <see cref="TraceFiles"/>).</summary>
    public static WorkloadProfile? Read(ExpressionSyntax? expression, ValueReader values)
    {
        if (expression is not CallExpressionSyntax call || !ProfileSignatures.All.TryGetValue(call.Name.Text, out var parameters))
        {
            return null;
        }

        var args = Arguments(call, parameters);
        double? Ratio(string name) => args.TryGetValue(name, out var e) ? values.Number(e, Dimension.Ratio) : null;
        long? Time(string name) => args.TryGetValue(name, out var e) && values.Number(e, Dimension.Time) is { } s ? (long)(s * SimTime.TicksPerSecond) : null;
        try
        {
            return call.Name.Text switch
            {
                "constant" when Ratio("level") is { } level => new ConstantProfile(level),
                "diurnal" when Ratio("peak") is { } peak => new DiurnalProfile(peak, Ratio("base") ?? 0, Time("peak_at") ?? 14 * SimTime.TicksPerHour),
                "weekly" when Ratio("weekday") is { } weekday && Ratio("weekend") is { } weekend =>
                    new WeeklyProfile(weekday, weekend, Ratio("base"), Time("peak_at") ?? 14 * SimTime.TicksPerHour),
                "spiky" when Ratio("base") is { } low && Ratio("peak") is { } high =>
                    new SpikyProfile(low, high, Math.Max(1, Time("every") ?? 6 * SimTime.TicksPerHour), Math.Max(1, Time("lasts") ?? 15 * SimTime.TicksPerMinute)),
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            return null; // out-of-range arguments: reported by the schema rules
        }
    }
}
