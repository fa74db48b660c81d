using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VirtLang.Cli.Calibration;

/// <summary>
/// The calibration run as JSON (schema <c>virtlang.calibration/1</c>, docs/calibration.md): rows in file then line
/// order, members in a fixed order, numbers rounded to 6 decimals, no time stamp: the same inputs give the same bytes.
/// </summary>
internal static class CalibrationJsonWriter
{
    public const string Schema = "virtlang.calibration/1";

    public static string Write(IReadOnlyList<CalibrationRow> rows, IReadOnlyList<CalibrationProblem> problems, bool passed)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartObject("summary");
            json.WriteBoolean("passed", passed);
            json.WriteNumber("rows", rows.Count);
            foreach (var status in Enum.GetValues<CalibrationStatus>())
            {
                json.WriteNumber(CalibrationFigures.Status(status), rows.Count(r => r.Status == status));
            }

            json.WriteNumber("problems", problems.Count);
            json.WriteEndObject();

            json.WriteStartArray("rows");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("file", row.File);
                json.WriteNumber("line", row.Expectation.Line);
                json.WriteString("experiment", row.Experiment);
                json.WriteString("calibration", row.Header.Title);
                json.WriteString("source", row.Header.Source);
                if (row.Header.Published is { } published)
                {
                    json.WriteString("publishedText", published);
                }
                else
                {
                    json.WriteNull("publishedText");
                }

                json.WriteString("confidence", CalibrationFigures.Confidence(row.Header.Confidence));
                json.WriteString("role", CalibrationFigures.Role(row.Header.Role));
                json.WriteBoolean("targeted", row.Header.Targeted);
                json.WriteString("metric", row.Expectation.Metric.Name);
                json.WriteString("subject", row.Expectation.Subject);
                Number(json, "published", row.Expectation.Published);
                Number(json, "simulated", row.Simulated);
                Number(json, "deviation", row.Deviation);
                Number(json, "tolerance", row.Expectation.Tolerance);
                json.WriteString("status", CalibrationFigures.Status(row.Status));
                if (row.Message is { } message)
                {
                    json.WriteString("message", message);
                }
                else
                {
                    json.WriteNull("message");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                json.WriteString("file", problem.Path);
                json.WriteNumber("line", problem.Line);
                json.WriteNumber("column", problem.Column);
                json.WriteString("message", problem.Message);
                json.WriteString("help", problem.Help);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Rounded to 6 decimals so the bytes do not depend on the last bit of a platform's math library; null as JSON null.</summary>
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, 6, MidpointRounding.ToEven));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
