using System.Globalization;
using VirtLang.Language.Literals;
using VirtLang.Runtime.Results;

namespace VirtLang.Cli.Calibration;

/// <summary>
/// A figure of a simulation result that an <c>expect:</c> row can name (<c>slowdown APP</c>): what its subject is, which
/// kind of value it compares with, how to read it from a result and how to show it. Every metric is one entry of
/// <see cref="All"/>; adding a metric is adding an entry.
/// </summary>
/// <param name="Read">
/// The simulated figure for a subject known to be in the result; null when this build's results do not have it
/// (the row is then an error row saying so).
/// </param>
internal sealed record CalibrationMetric(
    string Name,
    CalibrationSubjectKind Subject,
    string Meaning,
    IReadOnlyList<Dimension> Accepts,
    Func<double, string> Format,
    Func<SimulationResult, string, double>? Read)
{
    public static IReadOnlyList<CalibrationMetric> All { get; } =
    [
        new("slowdown", CalibrationSubjectKind.Application,
            "how much longer the application's work took than on bare hardware, weighted by demand (`applications[].meanSlowdown`)",
            [Dimension.None], Ratio, (result, app) => Application(result, app).MeanSlowdown),
        new("served", CalibrationSubjectKind.Application,
            "the fraction of the application's demand that was delivered (`applications[].demandSatisfied`); a plain fraction or a percentage",
            [Dimension.None, Dimension.Ratio], Percent, (result, app) => Application(result, app).DemandSatisfied),
        new("utilization", CalibrationSubjectKind.Host,
            "the host's mean CPU utilization (`hosts[].utilization.mean`); a plain fraction or a percentage",
            [Dimension.None, Dimension.Ratio], Percent, (result, host) => Host(result, host).MeanUtilization),
        new("guest-overhead", CalibrationSubjectKind.Host,
            "the hypervisor's per-guest memory overhead summed over the host's guests (`hosts[].memory.guestOverheadBytes`; a memory quantity such as `20.29MiB`)",
            [Dimension.Memory], Mebibytes, (result, host) => Host(result, host).GuestOverheadBytes),
        new("io-cpu", CalibrationSubjectKind.Host,
            "reference-core hours of the virtualization layer's I/O work on the host (`hosts[].io.cpuCoreHours`)",
            [Dimension.None], Ratio, (result, host) => Host(result, host).IoCoreHours),
    ];

    public static CalibrationMetric? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    public static string Names => string.Join(", ", All.Select(m => m.Name));

    private static ApplicationResult Application(SimulationResult result, string name) => result.Applications.First(a => a.Name == name);

    private static HostResult Host(SimulationResult result, string name) => result.Hosts.First(h => h.Name == name);

    private static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Mebibytes(double bytes) => (bytes / (1 << 20)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB";
}
