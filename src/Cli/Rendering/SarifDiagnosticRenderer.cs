using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Cli.Rendering;

/// <summary>
/// SARIF 2.1.0, the format code-scanning services and IDE result viewers read: one run of the tool <c>vdl</c>, the
/// rules it reported (id, title, help link, default level), and each result with its region, related locations and
/// fixes (replacements). Columns are UTF-16 code units, as everywhere in VirtLang; paths stay as the model names them,
/// as relative URIs. No time stamps: the same model gives the same bytes.
/// </summary>
internal sealed class SarifDiagnosticRenderer : IDiagnosticRenderer
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Render(IReadOnlyList<Diagnostic> diagnostics, int fileCount, TextWriter output)
    {
        var rules = diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "vdl");
            json.WriteString("informationUri", "https://github.com/virtlang/virtlang");
            json.WriteString("semanticVersion", ToolVersion());
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Code);
                json.WriteString("name", string.Concat(rule.Title.Split(' ', '-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpUri);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Code);
                json.WriteNumber("ruleIndex", ruleIndex[diagnostic.Code]);
                json.WriteString("level", Level(diagnostic.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", diagnostic.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                WritePhysicalLocation(json, diagnostic.Location);
                json.WriteEndObject();
                json.WriteEndArray();

                if (diagnostic.RelatedLocations.Length > 0)
                {
                    json.WriteStartArray("relatedLocations");
                    for (var i = 0; i < diagnostic.RelatedLocations.Length; i++)
                    {
                        var related = diagnostic.RelatedLocations[i];
                        json.WriteStartObject();
                        json.WriteNumber("id", i + 1);
                        WritePhysicalLocation(json, related.Location);
                        json.WriteStartObject("message");
                        json.WriteString("text", related.Message);
                        json.WriteEndObject();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                if (diagnostic.Fixes.Length > 0)
                {
                    json.WriteStartArray("fixes");
                    foreach (var fix in diagnostic.Fixes)
                    {
                        WriteFix(json, fix);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteFix(Utf8JsonWriter json, DiagnosticFix fix)
    {
        json.WriteStartObject();
        json.WriteStartObject("description");
        json.WriteString("text", fix.Title);
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        foreach (var byFile in fix.Edits.GroupBy(e => e.Location.Path, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri(byFile.Key));
            json.WriteEndObject();
            json.WriteStartArray("replacements");
            foreach (var edit in byFile)
            {
                json.WriteStartObject();
                json.WritePropertyName("deletedRegion");
                WriteRegion(json, edit.Location);
                json.WriteStartObject("insertedContent");
                json.WriteString("text", edit.NewText);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, Location location)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri(location.Path));
        json.WriteEndObject();
        json.WritePropertyName("region");
        WriteRegion(json, location);
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, Location location)
    {
        var start = location.Start;
        var end = location.End;
        json.WriteStartObject();
        json.WriteNumber("startLine", start.Line);
        json.WriteNumber("startColumn", start.Column);
        json.WriteNumber("endLine", end.Line);
        json.WriteNumber("endColumn", end.Column);
        json.WriteNumber("charOffset", location.Span.Start);
        json.WriteNumber("charLength", location.Span.Length);
        json.WriteEndObject();
    }

    /// <summary>A relative path as a relative URI (forward slashes, each segment escaped); an absolute one as a file: URI.</summary>
    private static string Uri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static string ToolVersion()
    {
        var version = typeof(DiagnosticCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
