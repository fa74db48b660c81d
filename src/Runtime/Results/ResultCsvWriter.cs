using System.Globalization;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Results;

/// <summary>
/// Writes a result as CSV files (RFC 4180, comma-separated, LF line ends, invariant numbers rounded like the JSON):
/// <c>hosts.csv</c>, <c>applications.csv</c>, <c>events.csv</c> and those of <see cref="FilesFor"/> (series,
/// expectations, sites). The columns are documented in docs/simulation.md.
/// </summary>
public static class ResultCsvWriter
{
    /// <summary>
    /// Every file a result may be written as, in order, with when this result has it: the one list the CLI and
    /// <see cref="Write"/> read. <c>utilization.csv</c> only when the run kept series, <c>expectations.csv</c> when the
    /// scenario has <c>expect</c> statements, <c>sites.csv</c> and <c>failovers.csv</c> when the model has sites.
    /// </summary>
    public static IReadOnlyList<(string Name, Action<SimulationResult, TextWriter> Write, Func<SimulationResult, bool> Has)> Files { get; } =
    [
        ("hosts.csv", WriteHosts, _ => true),
        ("applications.csv", WriteApplications, _ => true),
        ("events.csv", WriteEvents, _ => true),
        ("utilization.csv", WriteUtilization, r => r.Hosts.Count > 0 && r.Hosts[0].Series.Count > 0),
        ("expectations.csv", WriteExpectations, r => r.Expectations.Count > 0),
        ("sites.csv", WriteSites, r => r.Sites.Count > 0),
        ("failovers.csv", WriteFailovers, r => r.Sites.Count > 0),
    ];

    /// <summary>The files this result has (<see cref="Files"/>).</summary>
    public static IEnumerable<(string Name, Action<SimulationResult, TextWriter> Write)> FilesFor(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Files.Where(file => file.Has(result)).Select(file => (file.Name, file.Write));
    }

    public static IReadOnlyList<string> Write(SimulationResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (name, write) in FilesFor(result))
        {
            var path = Path.Combine(directory, name);
            using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            {
                write(result, writer);
            }

            written.Add(path);
        }

        return written;
    }

    /// <summary><c>sites.csv</c>: each site, where it is, and its hosts (copies one by one, separated by spaces).</summary>
    public static void WriteSites(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("site,location,hosts,host_names");
        foreach (var site in result.Sites)
        {
            Row(writer, Text(site.Name), Text(site.Location ?? string.Empty), Int(site.Hosts.Count), Text(string.Join(' ', site.Hosts)));
        }
    }

    /// <summary>
    /// <c>failovers.csv</c>: each loss of an application's last instance in a site (minutes from the start; an empty
    /// cell where the JSON has null: no failover, or the site not back within the run).
    /// </summary>
    public static void WriteFailovers(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("application,from_site,to_sites,lost_at_minute,failover_at_minute,back_at_minute,wait_minutes");
        foreach (var f in result.Failovers)
        {
            Row(writer, Text(f.Application), Text(f.FromSite ?? string.Empty), Text(string.Join(' ', f.ToSites.Select(s => s ?? string.Empty))), Num(f.LostAtMinute),
                f.FailoverAtMinute is { } at ? Num(at) : string.Empty, f.BackAtMinute is { } back ? Num(back) : string.Empty, Num(f.WaitMinutes));
        }
    }

    public static void WriteHosts(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("host,hypervisor,mode,logical_cpus,guests,utilization_mean,utilization_p95,utilization_max,steal_core_hours,steal_fraction,memory_bytes,memory_used_mean_bytes,memory_used_max_bytes,energy_kwh,downtime_minutes,capacity_cores,io_worker,io_cpu_core_hours,disk_utilization_mean,disk_utilization_max,network_utilization_mean,network_utilization_max,device_saturated_steps,memory_guest_overhead_bytes,memory_active_bytes,memory_shared_bytes,memory_ballooned_bytes,memory_swapped_bytes");
        foreach (var h in result.Hosts)
        {
            Row(writer, Text(h.Name), Text(h.Hypervisor), Text(h.Mode), Int(h.LogicalCpus), Int(h.Guests), Num(h.MeanUtilization), Num(h.P95Utilization),
                Num(h.MaxUtilization), Num(h.StealCoreHours), Num(h.StealFraction), Int(h.MemoryBytes), Num(Math.Round(h.MeanMemoryUsedBytes)),
                Int(h.MaxMemoryUsedBytes), Num(h.EnergyKilowattHours), Num(h.DowntimeMinutes), Num(h.CapacityCores), Text(h.IoWorker), Num(h.IoCoreHours),
                Num(h.MeanDiskUtilization), Num(h.MaxDiskUtilization), Num(h.MeanNetworkUtilization), Num(h.MaxNetworkUtilization), Int(h.DeviceSaturatedSteps),
                Int(h.GuestOverheadBytes), Int(h.ActiveBytes), Int(h.SharedBytes), Int(h.BalloonedBytes), Int(h.SwappedBytes));
        }
    }

    public static void WriteApplications(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("application,replicas,instances,demand_core_hours,delivered_core_hours,demand_satisfied,mean_slowdown,availability,downtime_minutes");
        foreach (var a in result.Applications)
        {
            Row(writer, Text(a.Name), Int(a.Replicas), Int(a.Instances), Num(a.DemandCoreHours), Num(a.DeliveredCoreHours), Num(a.DemandSatisfied),
                Num(a.MeanSlowdown), Num(a.Availability), Num(a.DowntimeMinutes));
        }
    }

    public static void WriteEvents(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("minute,kind,subject,detail");
        foreach (var e in result.Events)
        {
            Row(writer, Num(SimTime.ToMinutes(e.Time)), Text(e.Kind), Text(e.Subject), Text(e.Detail));
        }
    }

    /// <summary><c>expectations.csv</c>, written only when the scenario has <c>expect</c> statements (a row each, in order).</summary>
    public static void WriteExpectations(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("statement,origin,metric,statistic,subject,comparison,threshold,actual,held");
        foreach (var e in result.Expectations)
        {
            Row(writer, Text(e.Statement), Text(e.Origin ?? string.Empty), Text(Scenarios.Expectation.Word(e.Metric)), Text(Scenarios.Expectation.Word(e.Statistic)),
                Text(e.Subject), Text(Scenarios.Expectation.Symbol(e.Comparison)), Num(e.Threshold), double.IsNaN(e.Actual) ? string.Empty : Num(e.Actual),
                e.Held ? "true" : "false");
        }
    }

    public static void WriteUtilization(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        Row(writer, ["minute", .. result.Hosts.Select(h => Text(h.Name))]);
        var stepMinutes = SimTime.ToMinutes(result.Step);
        var cells = new string[result.Hosts.Count + 1];
        for (var step = 0; step < result.Steps; step++)
        {
            cells[0] = Num(step * stepMinutes);
            for (var h = 0; h < result.Hosts.Count; h++)
            {
                var series = result.Hosts[h].Series;
                cells[h + 1] = step < series.Count ? Num(series[step]) : string.Empty;
            }

            Row(writer, cells);
        }
    }

    private static void Row(TextWriter writer, params string[] cells) => writer.WriteLine(string.Join(',', cells));

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => ResultJsonWriter.Rounded(value).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Quotes what needs it, and defuses a leading = + - @ so that a spreadsheet never runs a cell as a formula.</summary>
    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
