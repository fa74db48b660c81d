using System.Text.Encodings.Web;
using System.Text.Json;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Results;

/// <summary>
/// Writes a result as JSON with a stable schema (<c>virtlang.simulation/1</c>, documented in docs/simulation.md): fixed
/// member order, numbers rounded to 6 decimals so that the bytes do not depend on the last bit of a platform's math
/// library, no time stamps. The same run gives the same bytes.
/// </summary>
public static class ResultJsonWriter
{
    public const string Schema = "virtlang.simulation/1";

    public static void Write(SimulationResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("scenario", result.Scenario);
        json.WriteNumber("seed", result.Seed);
        Number(json, "durationMinutes", SimTime.ToMinutes(result.Duration));
        Number(json, "stepMinutes", SimTime.ToMinutes(result.Step));
        json.WriteNumber("steps", result.Steps);
        json.WriteString("fingerprint", result.Fingerprint);

        json.WriteStartObject("consolidation");
        json.WriteNumber("hostsUsed", result.Consolidation.HostsUsed);
        json.WriteNumber("oneApplicationPerServerHosts", result.Consolidation.OneApplicationPerServerHosts);
        Number(json, "ratio", result.Consolidation.Ratio);
        json.WriteEndObject();

        json.WriteStartArray("hosts");
        foreach (var host in result.Hosts)
        {
            json.WriteStartObject();
            json.WriteString("name", host.Name);
            json.WriteString("hypervisor", host.Hypervisor);
            json.WriteString("mode", host.Mode);
            json.WriteNumber("logicalCpus", host.LogicalCpus);
            json.WriteNumber("guests", host.Guests);
            json.WriteStartObject("utilization");
            Number(json, "mean", host.MeanUtilization);
            Number(json, "p95", host.P95Utilization);
            Number(json, "max", host.MaxUtilization);
            json.WriteEndObject();
            Number(json, "stealCoreHours", host.StealCoreHours);
            Number(json, "stealFraction", host.StealFraction);
            json.WriteStartObject("memory");
            json.WriteNumber("capacityBytes", host.MemoryBytes);
            Number(json, "meanUsedBytes", Math.Round(host.MeanMemoryUsedBytes));
            json.WriteNumber("maxUsedBytes", host.MaxMemoryUsedBytes);
            json.WriteNumber("guestOverheadBytes", host.GuestOverheadBytes);
            json.WriteNumber("activeBytes", host.ActiveBytes);
            json.WriteNumber("sharedBytes", host.SharedBytes);
            json.WriteNumber("balloonedBytes", host.BalloonedBytes);
            json.WriteNumber("swappedBytes", host.SwappedBytes);
            json.WriteEndObject();
            Number(json, "energyKilowattHours", host.EnergyKilowattHours);
            Number(json, "downtimeMinutes", host.DowntimeMinutes);
            Number(json, "capacityCores", host.CapacityCores);
            json.WriteStartObject("io");
            json.WriteString("worker", host.IoWorker);
            Number(json, "cpuCoreHours", host.IoCoreHours);
            json.WriteStartObject("disk");
            Number(json, "mean", host.MeanDiskUtilization);
            Number(json, "max", host.MaxDiskUtilization);
            json.WriteEndObject();
            json.WriteStartObject("network");
            Number(json, "mean", host.MeanNetworkUtilization);
            Number(json, "max", host.MaxNetworkUtilization);
            json.WriteEndObject();
            json.WriteNumber("saturatedSteps", host.DeviceSaturatedSteps);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("applications");
        foreach (var app in result.Applications)
        {
            json.WriteStartObject();
            json.WriteString("name", app.Name);
            json.WriteNumber("replicas", app.Replicas);
            json.WriteNumber("instances", app.Instances);
            Number(json, "demandCoreHours", app.DemandCoreHours);
            Number(json, "deliveredCoreHours", app.DeliveredCoreHours);
            Number(json, "demandSatisfied", app.DemandSatisfied);
            Number(json, "meanSlowdown", app.MeanSlowdown);
            Number(json, "availability", app.Availability);
            Number(json, "downtimeMinutes", app.DowntimeMinutes);
            json.WriteStartArray("outages");
            foreach (var (from, to) in app.Outages)
            {
                json.WriteStartObject();
                Number(json, "fromMinute", from);
                Number(json, "toMinute", to);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Number(json, "migrationDowntimeMs", app.MigrationDowntimeMs);
            Number(json, "shiftedDemandCoreHours", app.ShiftedDemandCoreHours);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("events");
        foreach (var e in result.Events)
        {
            json.WriteStartObject();
            Number(json, "minute", SimTime.ToMinutes(e.Time));
            json.WriteString("kind", e.Kind);
            json.WriteString("subject", e.Subject);
            json.WriteString("detail", e.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteExpectations(json, result.Expectations);
        if (result.Sites.Count > 0)
        {
            WriteSites(json, result);
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// `expectations`, only when the scenario has `expect` statements: a model without them gives the same bytes as before
    /// expectations existed. Threshold and actual are in the unit of the field they are read from.
    /// </summary>
    private static void WriteExpectations(Utf8JsonWriter json, IReadOnlyList<ExpectationResult> expectations)
    {
        if (expectations.Count == 0)
        {
            return;
        }

        json.WriteStartArray("expectations");
        foreach (var e in expectations)
        {
            json.WriteStartObject();
            json.WriteString("statement", e.Statement);
            if (e.Origin is { } origin)
            {
                json.WriteString("origin", origin);
            }
            else
            {
                json.WriteNull("origin");
            }

            json.WriteString("metric", Expectation.Word(e.Metric));
            if (e.Statistic != ExpectationStatistic.None)
            {
                json.WriteString("statistic", Expectation.Word(e.Statistic));
            }

            json.WriteString("subject", e.Subject);
            json.WriteString("comparison", Expectation.Symbol(e.Comparison));
            Number(json, "threshold", e.Threshold);
            if (double.IsNaN(e.Actual))
            {
                json.WriteNull("actual");
            }
            else
            {
                Number(json, "actual", e.Actual);
            }

            json.WriteBoolean("held", e.Held);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Only for a topology with sites, so that a model without them writes the same bytes as before.</summary>
    private static void WriteSites(Utf8JsonWriter json, SimulationResult result)
    {
        json.WriteStartArray("sites");
        foreach (var site in result.Sites)
        {
            json.WriteStartObject();
            json.WriteString("name", site.Name);
            json.WriteString("location", site.Location);
            json.WriteStartArray("hosts");
            foreach (var host in site.Hosts)
            {
                json.WriteStringValue(host);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("failovers");
        foreach (var failover in result.Failovers)
        {
            json.WriteStartObject();
            json.WriteString("application", failover.Application);
            json.WriteString("fromSite", failover.FromSite);
            json.WriteStartArray("toSites");
            foreach (var site in failover.ToSites)
            {
                json.WriteStringValue(site);
            }

            json.WriteEndArray();
            Number(json, "lostAtMinute", failover.LostAtMinute);
            NullableNumber(json, "failoverAtMinute", failover.FailoverAtMinute);
            NullableNumber(json, "backAtMinute", failover.BackAtMinute);
            Number(json, "waitMinutes", failover.WaitMinutes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void NullableNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            Number(json, name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static string ToJson(SimulationResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter json, string name, double value) => json.WriteNumber(name, Rounded(value));

    /// <summary>A figure as the JSON writes it (6 decimals, no -0): what expectations compare, in the checker too.</summary>
    public static double Rounded(double value)
    {
        var rounded = Math.Round(value, 6, MidpointRounding.ToEven);
        return rounded == 0 ? 0 : rounded; // no "-0"
    }
}
