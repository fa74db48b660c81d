using System.Globalization;

namespace VirtLang.Sweeps;

/// <summary>A sweep's aggregate for people, in a terminal: one line per application, host and site, the expectations last.</summary>
public static class SweepTextSummary
{
    /// <summary>Lines of each table before the summary says how many it left out (the JSON and CSV have them all).</summary>
    public const int MaxRows = 50;

    public static void Write(SweepResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var d = result.Description;
        writer.WriteLine(I($"Sweep of `{d.Scenario}`: {result.Replications:N0} replications of {Fixed(d.DurationMinutes / 60, "0.##")} h, base seed {d.BaseSeed} (95 % intervals)."));
        if (result.Applications.Count > 0)
        {
            var width = Math.Max("application".Length, result.Applications.Take(MaxRows).Max(a => a.Name.Length));
            writer.WriteLine(I($"  {"application".PadRight(width)}  {"availability",-34}  {"served",-8}  {"downtime p50 / p95 / p99 / max (min)"}"));
            foreach (var a in result.Applications.Take(MaxRows))
            {
                var availability = I($"{Percent(a.Availability.Estimate)} [{Percent(a.Availability.Low)}, {Percent(a.Availability.High)}]");
                writer.WriteLine(I($"  {a.Name.PadRight(width)}  {availability,-34}  {Percent(a.Served.Estimate, "0.00"),-8}  {Fixed(a.DowntimeMinutes.P50, "0.#")} / {Fixed(a.DowntimeMinutes.P95, "0.#")} / {Fixed(a.DowntimeMinutes.P99, "0.#")} / {Fixed(a.DowntimeMinutes.Max, "0.#")}"));
            }

            More(writer, result.Applications.Count, "applications");
        }

        if (result.Hosts.Count > 0)
        {
            var width = Math.Max("host".Length, result.Hosts.Take(MaxRows).Max(h => h.Name.Length));
            writer.WriteLine(I($"  {"host".PadRight(width)}  {"utilization mean",-16}  {"p95",-7}  down (mean)"));
            foreach (var h in result.Hosts.Take(MaxRows))
            {
                writer.WriteLine(I($"  {h.Name.PadRight(width)}  {Percent(h.MeanUtilization, "0.0"),-16}  {Percent(h.P95Utilization, "0.0"),-7}  {Fixed(h.DowntimeMinutes, "0.#")} min"));
            }

            More(writer, result.Hosts.Count, "hosts");
        }

        if (result.Sites.Count > 0)
        {
            var width = Math.Max("site".Length, result.Sites.Take(MaxRows).Max(s => s.Name.Length));
            writer.WriteLine(I($"  {"site".PadRight(width)}  {"hosts down mean / p95 (host-min)",-34}  {"failovers mean / max",-20}  failover wait mean / p95 (min)"));
            foreach (var s in result.Sites.Take(MaxRows))
            {
                var down = I($"{Fixed(s.HostDowntimeMinutes.Mean, "0.#")} / {Fixed(s.HostDowntimeMinutes.P95, "0.#")}");
                var failovers = I($"{Fixed(s.FailoversMean, "0.##")} / {s.FailoversMax:N0}");
                writer.WriteLine(I($"  {s.Name.PadRight(width)}  {down,-34}  {failovers,-20}  {Fixed(s.FailoverWaitMinutes.Mean, "0.#")} / {Fixed(s.FailoverWaitMinutes.P95, "0.#")}"));
            }

            More(writer, result.Sites.Count, "sites");
        }

        foreach (var e in result.Expectations.Take(MaxRows))
        {
            var statement = e.Statement.Length > 0 ? e.Statement : I($"expectation #{e.Index + 1}");
            writer.WriteLine(I($"  {statement}: held in {e.Held:N0} of {result.Replications:N0} ({Percent(e.Probability.Estimate, "0.0")} [{Percent(e.Probability.Low, "0.0")}, {Percent(e.Probability.High, "0.0")}])"));
        }

        More(writer, result.Expectations.Count, "expectations");
    }

    private static void More(TextWriter writer, int count, string what)
    {
        if (count > MaxRows)
        {
            writer.WriteLine(I($"  ... and {count - MaxRows:N0} more {what} (see --json or --csv)."));
        }
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double value, string format) => SweepNumbers.Rounded(value).ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double fraction, string format = "0.000") => Fixed(fraction * 100, format) + " %";
}
