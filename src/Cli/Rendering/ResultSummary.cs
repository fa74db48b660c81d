using System.Globalization;
using System.Text;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Results;

namespace VirtLang.Cli.Rendering;

/// <summary>
/// The terminal summary of a run: the hosts (capacity in reference cores, utilization, the virtualization layer's
/// mean I/O work and who did it), the applications, consolidation and the event log, as plain aligned tables.
/// </summary>
internal static class ResultSummary
{
    public static void Write(SimulationResult result, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenario `{result.Scenario}`: {Duration(result.Duration)} at {Duration(result.Step)} steps, seed {result.Seed}, {result.ProcessedEvents:N0} events."));
        output.WriteLine();

        var hours = SimTime.ToMinutes(result.Duration) / 60;
        Table(output, ["host", "hypervisor", "mode", "cores", "mean", "p95", "max", "steal", "I/O work", "energy", "down"],
            result.Hosts.Select(h => new[]
            {
                h.Name, h.Hypervisor, h.Mode, string.Create(CultureInfo.InvariantCulture, $"{h.CapacityCores:0.#}"),
                Percent(h.MeanUtilization), Percent(h.P95Utilization), Percent(h.MaxUtilization), Percent(h.StealFraction),
                h.IoCoreHours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{h.IoCoreHours / hours:0.00} cores, {h.IoWorker.Replace('_', ' ')}") : "-",
                string.Create(CultureInfo.InvariantCulture, $"{h.EnergyKilowattHours:0.0} kWh"), Minutes(h.DowntimeMinutes),
            }));
        output.WriteLine();

        Table(output, ["application", "instances", "served", "slowdown", "available", "down"],
            result.Applications.Select(a => new[]
            {
                a.Name, a.Instances.ToString(CultureInfo.InvariantCulture), Percent(a.DemandSatisfied),
                string.Create(CultureInfo.InvariantCulture, $"{a.MeanSlowdown:0.00}x"), Percent(a.Availability, 3), Minutes(a.DowntimeMinutes),
            }));
        output.WriteLine();

        var c = result.Consolidation;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Consolidation: {c.HostsUsed} hosts used where one application per server would need {c.OneApplicationPerServerHosts} ({c.Ratio:0.0}x)."));
        if (result.Events.Count > 0)
        {
            output.WriteLine();
            Table(output, ["at", "event", "subject", "detail"], result.Events.Select(e => new[] { Duration(e.Time), e.Kind, e.Subject, e.Detail }));
        }

        WriteExpectations(result, output);
        output.WriteLine();
        output.WriteLine($"Fingerprint {result.Fingerprint}.");
    }

    /// <summary>Each `expect` statement with the run's figure and its verdict; nothing when the scenario has none.</summary>
    private static void WriteExpectations(SimulationResult result, TextWriter output)
    {
        if (result.Expectations.Count == 0)
        {
            return;
        }

        output.WriteLine();
        var held = result.Expectations.Count(e => e.Held);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Expectations: {held} of {result.Expectations.Count} held."));
        Table(output, ["expectation", "actual", "verdict", "at"],
            result.Expectations.Select(e => new[] { e.Statement, ExpectationEvaluation.FormatValue(e.Metric, e.Actual), e.Held ? "held" : "FAILED", e.Origin ?? "-" }));
    }

    /// <summary>One line per failed expectation, for standard error: where it is, what it says, what the run gave.</summary>
    public static IEnumerable<string> FailedExpectations(SimulationResult result) =>
        result.Expectations.Where(e => !e.Held).Select(e =>
            $"{(e.Origin is { } origin ? origin + ": " : string.Empty)}expectation failed: `{e.Statement}`, but the run gave {ExpectationEvaluation.FormatValue(e.Metric, e.Actual)}");

    private static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        // Once per column, not per cell: per cell it read every row again, rows² work for a long event log.
        var numeric = header.Select((_, i) => IsNumber(all, i)).ToArray();
        // One write for the table: the console's writer is synchronized and flushes every line.
        var table = new StringBuilder();
        foreach (var row in all)
        {
            // Text columns align left, numbers right; the last column is not padded.
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            table.Append(TerminalText.Sanitize(string.Join("  ", cells).TrimEnd())).Append(output.NewLine);
        }

        output.Write(table.ToString());
    }

    private static bool IsNumber(List<string[]> rows, int column) =>
        rows.Skip(1).All(r => r[column].Length > 0 && (char.IsDigit(r[column][0]) || r[column] == "-"));

    private static string Percent(double fraction, int decimals = 1) =>
        (fraction * 100).ToString(decimals == 1 ? "0.0" : "0.000", CultureInfo.InvariantCulture) + " %";

    private static string Minutes(double minutes) => minutes == 0 ? "-" : Duration(SimTime.FromMinutes(minutes));

    private static string Duration(long ticks) => SimTime.Format(ticks);
}
