using System.Text.Encodings.Web;
using System.Text.Json;

namespace VirtLang.Sweeps;

/// <summary>
/// Writes a sweep's aggregate as JSON, schema <c>virtlang.sweep/1</c> (docs/sweeps.md): fixed member order, numbers
/// through <see cref="SweepNumbers"/>, no time stamps and nothing about where or how fast it ran, so the same sweep
/// gives the same bytes.
/// </summary>
public static class SweepJsonWriter
{
    public static void Write(SweepResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var d = result.Description;
        json.WriteStartObject();
        json.WriteString("schema", SweepResult.Schema);
        json.WriteString("modelHash", d.ModelHash);
        json.WriteString("scenario", d.Scenario);
        json.WriteNumber("baseSeed", d.BaseSeed);
        json.WriteString("seedDerivation", "splitmix64");
        Number(json, "durationMinutes", d.DurationMinutes);
        json.WriteNumber("runs", d.Runs);
        json.WriteNumber("replications", result.Replications);
        Number(json, "confidenceLevel", 0.95);

        json.WriteStartArray("applications");
        foreach (var app in result.Applications)
        {
            json.WriteStartObject();
            json.WriteString("name", app.Name);
            json.WriteStartObject("availability");
            Number(json, "mean", app.Availability.Estimate);
            Number(json, "low", app.Availability.Low);
            Number(json, "high", app.Availability.High);
            Number(json, "standardDeviation", app.AvailabilityStandardDeviation);
            Number(json, "min", app.MinAvailability);
            json.WriteEndObject();
            json.WriteStartObject("served");
            Number(json, "mean", app.Served.Estimate);
            Number(json, "low", app.Served.Low);
            Number(json, "high", app.Served.High);
            json.WriteEndObject();
            json.WriteStartObject("downtimeMinutes");
            Number(json, "mean", app.DowntimeMinutes.Mean);
            Number(json, "p50", app.DowntimeMinutes.P50);
            Number(json, "p95", app.DowntimeMinutes.P95);
            Number(json, "p99", app.DowntimeMinutes.P99);
            Number(json, "max", app.DowntimeMinutes.Max);
            json.WriteEndObject();
            Number(json, "meanSlowdown", app.MeanSlowdown);
            json.WriteStartArray("downtimeHistogram");
            foreach (var bin in app.DowntimeHistogram)
            {
                json.WriteStartObject();
                Number(json, "fromMinutes", bin.From);
                Number(json, "toMinutes", bin.To);
                json.WriteNumber("count", bin.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("hosts");
        foreach (var host in result.Hosts)
        {
            json.WriteStartObject();
            json.WriteString("name", host.Name);
            json.WriteStartObject("utilization");
            Number(json, "mean", host.MeanUtilization);
            Number(json, "p95", host.P95Utilization);
            Number(json, "maxP95", host.MaxP95Utilization);
            json.WriteEndObject();
            Number(json, "meanDowntimeMinutes", host.DowntimeMinutes);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("expectations");
        foreach (var expectation in result.Expectations)
        {
            json.WriteStartObject();
            json.WriteNumber("index", expectation.Index);
            json.WriteString("statement", expectation.Statement);
            json.WriteNumber("held", expectation.Held);
            Number(json, "probability", expectation.Probability.Estimate);
            Number(json, "low", expectation.Probability.Low);
            Number(json, "high", expectation.Probability.High);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // Only for a model with sites, as `vdl run --json` writes them: a model without keeps its bytes.
        if (result.Sites.Count > 0)
        {
            json.WriteStartArray("sites");
            foreach (var site in result.Sites)
            {
                json.WriteStartObject();
                json.WriteString("name", site.Name);
                WritePercentiles(json, "hostDowntimeMinutes", site.HostDowntimeMinutes);
                json.WriteStartObject("failovers");
                Number(json, "mean", site.FailoversMean);
                json.WriteNumber("max", site.FailoversMax);
                json.WriteEndObject();
                WritePercentiles(json, "failoverWaitMinutes", site.FailoverWaitMinutes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>The JSON as bytes.</summary>
    public static byte[] ToBytes(SweepResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return stream.ToArray();
    }

    private static void WritePercentiles(Utf8JsonWriter json, string name, Percentiles percentiles)
    {
        json.WriteStartObject(name);
        Number(json, "mean", percentiles.Mean);
        Number(json, "p50", percentiles.P50);
        Number(json, "p95", percentiles.P95);
        Number(json, "p99", percentiles.P99);
        Number(json, "max", percentiles.Max);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value) => json.WriteNumber(name, SweepNumbers.Rounded(value));
}
