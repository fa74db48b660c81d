namespace VirtLang.Runtime.Model;

/// <summary>The words a model uses for the runtime's enums (<c>bare_metal</c>, <c>os_level</c>...), both ways.</summary>
public static class ModelNames
{
    private static readonly (HypervisorKind Kind, string Name)[] HypervisorKindNames =
    [
        (HypervisorKind.None, "none"),
        (HypervisorKind.Hosted, "hosted"),
        (HypervisorKind.BareMetal, "bare_metal"),
        (HypervisorKind.Paravirtual, "paravirtual"),
        (HypervisorKind.OsLevel, "os_level"),
    ];

    private static readonly (Acceleration Kind, string Name)[] AccelerationNames =
    [
        (Acceleration.Software, "software"),
        (Acceleration.Hardware, "hardware"),
    ];

    public static IEnumerable<string> HypervisorKindWords => HypervisorKindNames.Select(p => p.Name);

    public static IEnumerable<string> AccelerationWords => AccelerationNames.Select(p => p.Name);

    public static string ToName(HypervisorKind kind) => HypervisorKindNames.First(p => p.Kind == kind).Name;

    public static string ToName(Acceleration acceleration) => AccelerationNames.First(p => p.Kind == acceleration).Name;

    public static bool TryParseHypervisorKind(string name, out HypervisorKind kind) => TryParse(HypervisorKindNames, name, out kind);

    public static bool TryParseAcceleration(string name, out Acceleration acceleration) => TryParse(AccelerationNames, name, out acceleration);

    private static bool TryParse<T>((T Value, string Name)[] table, string name, out T value)
        where T : struct
    {
        foreach (var (v, n) in table)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
