using System.Text;
using System.Text.Json;

namespace VirtLang.MSBuildTasks;

/// <summary>
/// One diagnostic as the build caches it between the task that checks the models and the task that reports them,
/// so that a build which skips the check (nothing changed) still shows the model's warnings. Compiled into both task
/// assemblies (they live in different load contexts and share no types), the file being their only contract.
/// </summary>
internal sealed record DiagnosticRecord(string Severity, string Code, string Message, string File, int Line, int Column, int EndLine, int EndColumn, string? HelpLink)
{
    public const string Schema = "virtlang.msbuild-diagnostics/1";

    /// <summary>The cache file's text for the records (the engine writes it; this assembly and the loader's read it).</summary>
    public static string ToJson(IEnumerable<DiagnosticRecord> records)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartArray("diagnostics");
            foreach (var r in records)
            {
                json.WriteStartObject();
                json.WriteString("severity", r.Severity);
                json.WriteString("code", r.Code);
                json.WriteString("message", r.Message);
                json.WriteString("file", r.File);
                json.WriteNumber("line", r.Line);
                json.WriteNumber("column", r.Column);
                json.WriteNumber("endLine", r.EndLine);
                json.WriteNumber("endColumn", r.EndColumn);
                json.WriteString("help", r.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The records of a cache file; a file of another schema (an older package) reads as none.</summary>
    public static IReadOnlyList<DiagnosticRecord> ReadAll(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("schema", out var schema) || schema.GetString() != Schema)
        {
            return [];
        }

        return root.GetProperty("diagnostics").EnumerateArray().Select(d => new DiagnosticRecord(
            d.GetProperty("severity").GetString() ?? "error",
            d.GetProperty("code").GetString() ?? string.Empty,
            d.GetProperty("message").GetString() ?? string.Empty,
            d.GetProperty("file").GetString() ?? string.Empty,
            d.GetProperty("line").GetInt32(),
            d.GetProperty("column").GetInt32(),
            d.GetProperty("endLine").GetInt32(),
            d.GetProperty("endColumn").GetInt32(),
            d.GetProperty("help").GetString())).ToList();
    }
}
