using VirtLang.Compiler;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
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

    /// <summary>The fixes of the diagnostics that touch <paramref name="range"/>, then the silencing of its warnings and advice.</summary>
    public static IReadOnlyList<CodeAction> Actions(OpenDocument document, TextSpan range, ModelCompilation compilation)
    {
        var (start, end) = (range.Start, range.End);
        var result = new List<CodeAction>();
        var suppressions = new List<CodeAction>();
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
                var edit = new WorkspaceEdit([.. fix.Edits
                    .GroupBy(e => DocumentUri.Normalize(e.Location.Path))
                    .Select(group => new DocumentEdits(DocumentUri.FromPath(group.Key), [.. group]))]);
                result.Add(new CodeAction(fix.Title, diagnostic, edit) { IsPreferred = diagnostic.Fixes.Length == 1 });
            }
        }

        // After the real fixes: silencing is the last resort.
        result.AddRange(suppressions);
        return result;
    }

    /// <summary>A comment above the diagnostic's line, indented as that line; or the code added to the directive already there.</summary>
    private static CodeAction Suppression(OpenDocument document, Diagnostic diagnostic)
    {
        var text = document.Text;
        var line = diagnostic.Location.Start.Line; // 1-based
        var lineSpan = text.GetLineSpan(line);
        var lineText = text.ToString(lineSpan);
        var indent = lineText[..(lineText.Length - lineText.TrimStart().Length)];
        TextEdit edit;
        if (line > 1 && text.GetLineSpan(line - 1) is var previous
            && text.ToString(previous).Trim() is var directive && directive.StartsWith(Directive, StringComparison.Ordinal) && directive.Length > Directive.Length)
        {
            edit = new TextEdit(new Location(text, new TextSpan(previous.End, 0)), " " + diagnostic.Code);
        }
        else
        {
            edit = new TextEdit(new Location(text, new TextSpan(lineSpan.Start, 0)), $"{indent}{Directive} {diagnostic.Code}{text.DominantLineBreak}");
        }

        return new CodeAction($"Silence {diagnostic.Code} on this line ({Directive})", diagnostic, new WorkspaceEdit([new DocumentEdits(document.Uri, [edit])]));
    }
}
