using System.Text.Json;
using System.Text.Json.Nodes;
using VirtLang.Compiler;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>The compiler's fixes (did-you-mean replacements, the missing required attribute) as quick fixes for the diagnostics in the range.</summary>
internal static class CodeActionProvider
{
    public static JsonArray Actions(OpenDocument document, JsonElement range, ModelCompilation compilation)
    {
        var start = Positions.ToOffset(document.Text, range.GetProperty("start"));
        var end = Positions.ToOffset(document.Text, range.GetProperty("end"));
        var result = new JsonArray();
        foreach (var diagnostic in compilation.Diagnostics)
        {
            if (!document.Contains(diagnostic.Location) || diagnostic.Fixes.IsEmpty
                || diagnostic.Location.Span.End < start || diagnostic.Location.Span.Start > end)
            {
                continue;
            }

            foreach (var fix in diagnostic.Fixes)
            {
                var changes = new JsonObject();
                foreach (var group in fix.Edits.GroupBy(e => DocumentUri.Normalize(e.Location.Path)))
                {
                    changes[DocumentUri.FromPath(group.Key)] = new JsonArray([.. group.Select(e => (JsonNode)new JsonObject
                    {
                        ["range"] = Positions.Range(e.Location),
                        ["newText"] = e.NewText,
                    })]);
                }

                result.Add(new JsonObject
                {
                    ["title"] = fix.Title,
                    ["kind"] = "quickfix",
                    ["isPreferred"] = diagnostic.Fixes.Length == 1,
                    ["diagnostics"] = new JsonArray(DiagnosticsPublisher.ToLsp(diagnostic)),
                    ["edit"] = new JsonObject { ["changes"] = changes },
                });
            }
        }

        return result;
    }
}
