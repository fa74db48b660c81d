using System.Text.Json;
using System.Text.Json.Nodes;
using VirtLang.Compiler;
using VirtLang.Compiler.Diagnostics;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Quick fixes for the diagnostics in the range: the compiler's fixes (did-you-mean replacements, the missing
/// required attribute), and for a warning or an advice, silencing it on its line with a
/// <c>// vdl-disable-next-line CODE</c> comment, as Roslyn offers to suppress a warning in source. Errors are not
/// offered that way: a model with one cannot run.
/// </summary>
internal static class CodeActionProvider
{
    private const string Directive = "// " + SuppressionComments.Directive;

    public static JsonArray Actions(OpenDocument document, JsonElement range, ModelCompilation compilation)
    {
        var start = Positions.ToOffset(document.Text, range.GetProperty("start"));
        var end = Positions.ToOffset(document.Text, range.GetProperty("end"));
        var result = new JsonArray();
        var suppressions = new List<JsonObject>();
        var offered = new HashSet<(int Line, string Code)>();
        foreach (var diagnostic in compilation.Diagnostics)
        {
            if (!document.Contains(diagnostic.Location) || diagnostic.Location.Span.End < start || diagnostic.Location.Span.Start > end)
            {
                continue;
            }

            if (!diagnostic.IsError && offered.Add((diagnostic.Location.Start.Line, diagnostic.Code)))
            {
                suppressions.Add(Suppression(document, diagnostic));
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

        // After the real fixes: silencing is the last resort.
        foreach (var suppression in suppressions)
        {
            result.Add(suppression);
        }

        return result;
    }

    /// <summary>A comment above the diagnostic's line, indented as that line; or the code added to the directive already there.</summary>
    private static JsonObject Suppression(OpenDocument document, Language.Diagnostics.Diagnostic diagnostic)
    {
        var text = document.Text;
        var line = diagnostic.Location.Start.Line; // 1-based
        var lineSpan = text.GetLineSpan(line);
        var lineText = text.ToString(lineSpan);
        var indent = lineText[..(lineText.Length - lineText.TrimStart().Length)];
        JsonObject edit;
        if (line > 1 && text.GetLineSpan(line - 1) is var previous
            && text.ToString(previous).Trim() is var directive && directive.StartsWith(Directive, StringComparison.Ordinal) && directive.Length > Directive.Length)
        {
            edit = new JsonObject
            {
                ["range"] = Positions.Range(text, new Language.Text.TextSpan(previous.End, 0)),
                ["newText"] = " " + diagnostic.Code,
            };
        }
        else
        {
            edit = new JsonObject
            {
                ["range"] = Positions.Range(text, new Language.Text.TextSpan(lineSpan.Start, 0)),
                ["newText"] = $"{indent}{Directive} {diagnostic.Code}{text.DominantLineBreak}",
            };
        }

        return new JsonObject
        {
            ["title"] = $"Silence {diagnostic.Code} on this line ({Directive})",
            ["kind"] = "quickfix",
            ["diagnostics"] = new JsonArray(DiagnosticsPublisher.ToLsp(diagnostic)),
            ["edit"] = new JsonObject { ["changes"] = new JsonObject { [document.Uri] = new JsonArray(edit) } },
        };
    }
}
