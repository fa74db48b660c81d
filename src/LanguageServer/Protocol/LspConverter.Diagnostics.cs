using System.Text.Json.Nodes;
using VirtLang.Language.Diagnostics;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>Diagnostics as LSP publishes them, and as code actions name the diagnostic they fix.</summary>
internal static partial class LspConverter
{
    /// <summary>The params of <c>textDocument/publishDiagnostics</c>; no version when a closed document's are cleared.</summary>
    public static JsonObject PublishedDiagnostics(PublishedDiagnostics published)
    {
        var json = new JsonObject { ["uri"] = published.Uri };
        if (published.Version is { } version)
        {
            json["version"] = version;
        }

        json["diagnostics"] = new JsonArray([.. published.Diagnostics.Select(d => (JsonNode)Diagnostic(d))]);
        return json;
    }

    public static JsonObject Diagnostic(Diagnostic diagnostic)
    {
        var lsp = new JsonObject
        {
            ["range"] = Positions.Range(diagnostic.Location),
            ["severity"] = Severity(diagnostic.Severity),
            ["code"] = diagnostic.Code,
            ["codeDescription"] = new JsonObject { ["href"] = diagnostic.Descriptor.HelpUri },
            ["source"] = "vdl",
            ["message"] = diagnostic.Message,
        };
        if (!diagnostic.RelatedLocations.IsEmpty)
        {
            lsp["relatedInformation"] = new JsonArray([.. diagnostic.RelatedLocations.Select(r => (JsonNode)new JsonObject
            {
                ["location"] = Positions.Location(r.Location),
                ["message"] = r.Message,
            })]);
        }

        return lsp;
    }

    /// <summary>LSP's DiagnosticSeverity: an advice is Information.</summary>
    private static int Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => 1,
        DiagnosticSeverity.Warning => 2,
        _ => 3,
    };
}
