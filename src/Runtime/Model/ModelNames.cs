using VirtLang.Runtime.Costs;

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

    private static readonly (CpuFeatures Feature, string Name)[] CpuFeatureNames =
    [
        (CpuFeatures.Vtx, "vtx"),
        (CpuFeatures.AmdV, "amdv"),
        (CpuFeatures.Ept, "ept"),
        (CpuFeatures.Npt, "npt"),
    ];

    private static readonly (IoClass Kind, string Name)[] IoClassNames =
    [
        (IoClass.Light, "light"),
        (IoClass.Moderate, "moderate"),
        (IoClass.Heavy, "heavy"),
    ];

    private static readonly (AccelerationMode Kind, string Name)[] AccelerationModeNames =
    [
        (AccelerationMode.Native, "native"),
        (AccelerationMode.BinaryTranslation, "binary_translation"),
        (AccelerationMode.HardwareAssist, "hardware_assist"),
        (AccelerationMode.NestedPaging, "nested_paging"),
    ];

    private static readonly (IoWorker Kind, string Name)[] IoWorkerNames =
    [
        (IoWorker.None, "none"),
        (IoWorker.HostProcess, "host_process"),
        (IoWorker.DriverDomain, "driver_domain"),
        (IoWorker.Hypervisor, "hypervisor"),
    ];

    private static readonly (RestartPriority Kind, string Name)[] RestartPriorityNames =
    [
        (RestartPriority.High, "high"),
        (RestartPriority.Medium, "medium"),
        (RestartPriority.Low, "low"),
        (RestartPriority.Disabled, "disabled"),
    ];

    public static string ToName(RestartPriority priority) => RestartPriorityNames.First(p => p.Kind == priority).Name;

    public static bool TryParseRestartPriority(string name, out RestartPriority priority) => TryParse(RestartPriorityNames, name, out priority);

    public static IEnumerable<string> HypervisorKindWords => HypervisorKindNames.Select(p => p.Name);

    public static IEnumerable<string> AccelerationWords => AccelerationNames.Select(p => p.Name);

    public static IEnumerable<string> CpuFeatureWords => CpuFeatureNames.Select(p => p.Name);

    public static IEnumerable<string> IoClassWords => IoClassNames.Select(p => p.Name);

    public static string ToName(IoClass io) => IoClassNames.First(p => p.Kind == io).Name;

    public static string ToName(IoWorker worker) => IoWorkerNames.First(p => p.Kind == worker).Name;

    public static string ToName(AccelerationMode mode) => AccelerationModeNames.First(p => p.Kind == mode).Name;

    /// <summary>The features of a set as a model writes them, comma-separated (<c>vtx, ept</c>).</summary>
    public static string ToNames(CpuFeatures features) =>
        string.Join(", ", CpuFeatureNames.Where(p => (features & p.Feature) != 0).Select(p => p.Name));

    public static bool TryParseCpuFeature(string name, out CpuFeatures feature) => TryParse(CpuFeatureNames, name, out feature);

    public static bool TryParseIoClass(string name, out IoClass io) => TryParse(IoClassNames, name, out io);

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
