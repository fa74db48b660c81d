using System.Globalization;
using System.Text;

namespace VirtLang.Sweeps;

/// <summary>
/// A sweep's aggregate as CSV files (RFC 4180, LF line ends, numbers as in the JSON): <c>applications.csv</c>,
/// <c>hosts.csv</c>, <c>expectations.csv</c>, <c>downtime_histogram.csv</c> and <c>sites.csv</c> (its header alone for a
/// model without sites). Columns in docs/sweeps.md.
/// </summary>
public static class SweepCsvWriter
{
    /// <summary>Each file's name and its bytes, in a fixed order.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Files(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return
        [
            ("applications.csv", Text(w => WriteApplications(result, w))),
            ("hosts.csv", Text(w => WriteHosts(result, w))),
            ("expectations.csv", Text(w => WriteExpectations(result, w))),
            ("downtime_histogram.csv", Text(w => WriteHistograms(result, w))),
            ("sites.csv", Text(w => WriteSites(result, w))),
        ];
    }

    /// <summary>The names <see cref="Files"/> writes (what an output must not overwrite).</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["applications.csv", "hosts.csv", "expectations.csv", "downtime_histogram.csv", "sites.csv"];

    public static void WriteApplications(SweepResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("application,replications,availability_mean,availability_low,availability_high,availability_sd,availability_min,served_mean,served_low,served_high,downtime_mean_minutes,downtime_p50_minutes,downtime_p95_minutes,downtime_p99_minutes,downtime_max_minutes,mean_slowdown");
        foreach (var a in result.Applications)
        {
            Row(writer, Quote(a.Name), Int(result.Replications), Num(a.Availability.Estimate), Num(a.Availability.Low), Num(a.Availability.High),
                Num(a.AvailabilityStandardDeviation), Num(a.MinAvailability), Num(a.Served.Estimate), Num(a.Served.Low), Num(a.Served.High),
                Num(a.DowntimeMinutes.Mean), Num(a.DowntimeMinutes.P50), Num(a.DowntimeMinutes.P95), Num(a.DowntimeMinutes.P99), Num(a.DowntimeMinutes.Max),
                Num(a.MeanSlowdown));
        }
    }

    public static void WriteHosts(SweepResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("host,replications,utilization_mean,utilization_p95_mean,utilization_p95_max,downtime_mean_minutes");
        foreach (var h in result.Hosts)
        {
            Row(writer, Quote(h.Name), Int(result.Replications), Num(h.MeanUtilization), Num(h.P95Utilization), Num(h.MaxP95Utilization), Num(h.DowntimeMinutes));
        }
    }

    public static void WriteExpectations(SweepResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("index,statement,replications,held,probability,probability_low,probability_high");
        foreach (var e in result.Expectations)
        {
            Row(writer, Int(e.Index), Quote(e.Statement), Int(result.Replications), Int(e.Held), Num(e.Probability.Estimate), Num(e.Probability.Low), Num(e.Probability.High));
        }
    }

    public static void WriteHistograms(SweepResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("application,from_minutes,to_minutes,replications");
        foreach (var a in result.Applications)
        {
            foreach (var bin in a.DowntimeHistogram)
            {
                Row(writer, Quote(a.Name), Num(bin.From), Num(bin.To), Int(bin.Count));
            }
        }
    }

    public static void WriteSites(SweepResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("site,replications,host_downtime_mean_minutes,host_downtime_p50_minutes,host_downtime_p95_minutes,host_downtime_max_minutes,failovers_mean,failovers_max,failover_wait_mean_minutes,failover_wait_p95_minutes,failover_wait_max_minutes");
        foreach (var s in result.Sites)
        {
            Row(writer, Quote(s.Name), Int(result.Replications), Num(s.HostDowntimeMinutes.Mean), Num(s.HostDowntimeMinutes.P50), Num(s.HostDowntimeMinutes.P95),
                Num(s.HostDowntimeMinutes.Max), Num(s.FailoversMean), Int(s.FailoversMax), Num(s.FailoverWaitMinutes.Mean), Num(s.FailoverWaitMinutes.P95),
                Num(s.FailoverWaitMinutes.Max));
        }
    }

    private static byte[] Text(Action<TextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(text);
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    private static void Row(TextWriter writer, params string[] cells) => writer.WriteLine(string.Join(',', cells));

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => SweepNumbers.Format(value);

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
