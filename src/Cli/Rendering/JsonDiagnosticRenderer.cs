using System.Text.Encodings.Web;
using System.Text.Json;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Cli.Rendering;

/// <summary>
/// One JSON object per diagnostic per line (JSON Lines): path, 1-based start and end, severity, code, message,
/// help link, related locations and fixes. The schema is documented in docs/cli.md.
/// </summary>
internal sealed class JsonDiagnosticRenderer : IDiagnosticRenderer
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Render(IReadOnlyList<Diagnostic> diagnostics, int fileCount, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                WriteLocation(json, diagnostic.Location);
                json.WriteString("severity", Diagnostic.SeverityWord(diagnostic.Severity));
                json.WriteString("code", diagnostic.Code);
                json.WriteString("message", diagnostic.Message);
                json.WriteString("helpUri", diagnostic.Descriptor.HelpUri);
                json.WriteStartArray("related");
                foreach (var related in diagnostic.RelatedLocations)
                {
                    json.WriteStartObject();
                    WriteLocation(json, related.Location);
                    json.WriteString("message", related.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("fixes");
                foreach (var fix in diagnostic.Fixes)
                {
                    json.WriteStartObject();
                    json.WriteString("title", fix.Title);
                    json.WriteStartArray("edits");
                    foreach (var edit in fix.Edits)
                    {
                        json.WriteStartObject();
                        WriteLocation(json, edit.Location);
                        json.WriteString("newText", edit.NewText);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location)
    {
        var start = location.Start;
        var end = location.End;
        json.WriteString("path", location.Path);
        json.WriteNumber("line", start.Line);
        json.WriteNumber("column", start.Column);
        json.WriteNumber("endLine", end.Line);
        json.WriteNumber("endColumn", end.Column);
    }
}
