using System.Text;
using System.Text.Json;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Configuration;

/// <summary>
/// Reads vdlconfig.json: <c>{ "severity": { "VDL1010": "warning", "VDL5001": "none" } }</c> (comments and trailing commas
/// allowed). Anything broken or unknown is a VDL0050 diagnostic located in the JSON, and what could not be read falls
/// back to the defaults: a bad configuration never blocks checking.
/// </summary>
public static class ConfigurationReader
{
    public const string FileName = "vdlconfig.json";

    /// <summary>
    /// Where a configuration for the files of <paramref name="directory"/> may be, nearest first: in the folder, then
    /// in each parent. The nearest that exists applies; the build and the editor watch these for changes.
    /// </summary>
    public static IEnumerable<string> CandidatesFor(string directory)
    {
        for (var folder = directory; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            yield return Path.Combine(folder, FileName);
        }
    }

    private static readonly string[] SeverityWords = ["error", "warning", "info", "none"];

    public static (VdlConfiguration Configuration, IReadOnlyList<Diagnostic> Diagnostics) Read(SourceText json)
    {
        var diagnostics = new List<Diagnostic>();
        var severities = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        var bytes = Encoding.UTF8.GetBytes(json.Text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        void Report(long byteOffset, int length, string message) => diagnostics.Add(new Diagnostic(
            SyntaxDiagnostics.InvalidConfiguration,
            new Location(json, new TextSpan(Math.Min(Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(byteOffset, bytes.Length)), json.Length), length)),
            [message]));

        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                Report(reader.TokenStartIndex, 1, "the file must be a JSON object, such as { \"severity\": { \"VDL1010\": \"warning\" } }");
                return (VdlConfiguration.Default, diagnostics);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString()!;
                var propertyAt = reader.TokenStartIndex;
                reader.Read();
                if (property != "severity")
                {
                    var hint = SpellChecker.Suggest(property, ["severity"]) is { } s ? $" (did you mean \"{s}\"?)" : string.Empty;
                    Report(propertyAt, property.Length + 2, $"unknown setting \"{property}\"{hint}; the settings are: severity");
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    Report(reader.TokenStartIndex, 1, "\"severity\" must be an object of codes, such as { \"VDL1010\": \"warning\" }");
                    reader.Skip();
                    continue;
                }

                ReadSeverities(ref reader, severities, Report);
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            var offset = json.GetOffset(new LinePosition(line, column));
            diagnostics.Add(new Diagnostic(SyntaxDiagnostics.InvalidConfiguration, new Location(json, new TextSpan(offset, 0)),
                [$"not valid JSON: {e.Message.Split(" LineNumber:", StringSplitOptions.None)[0].TrimEnd('.')}"]));
            return (VdlConfiguration.Default, diagnostics);
        }

        return (new VdlConfiguration(severities), diagnostics);
    }

    private delegate void Reporter(long byteOffset, int length, string message);

    private static void ReadSeverities(ref Utf8JsonReader reader, Dictionary<string, DiagnosticSeverity> severities, Reporter report)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var code = reader.GetString()!;
            var codeAt = reader.TokenStartIndex;
            reader.Read();
            var valueAt = reader.TokenStartIndex;
            var word = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();

            if (DiagnosticCatalog.Find(code) is not { } descriptor)
            {
                var hint = SpellChecker.Suggest(code.ToUpperInvariant(), DiagnosticCatalog.All.Select(d => d.Code)) is { } s ? $" (did you mean {s}?)" : string.Empty;
                report(codeAt, code.Length + 2, $"unknown diagnostic code \"{code}\"{hint}");
                continue;
            }

            var severity = word?.ToLowerInvariant() switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                "none" => DiagnosticSeverity.None,
                _ => (DiagnosticSeverity?)null,
            };
            if (severity is null)
            {
                report(valueAt, (word?.Length ?? 0) + 2, $"the severity of {code} must be one of {string.Join(", ", SeverityWords)}, not {(word is null ? "that" : $"\"{word}\"")}");
                continue;
            }

            if (descriptor.GuardsTheRun && severity != DiagnosticSeverity.Error)
            {
                report(valueAt, (word?.Length ?? 0) + 2,
                    $"{descriptor.Code} stays an error: it reports what the simulator or the code generator cannot take, so lowering it would let check pass what run refuses; fix the model instead");
                continue;
            }

            severities[code] = severity.Value;
        }
    }
}
