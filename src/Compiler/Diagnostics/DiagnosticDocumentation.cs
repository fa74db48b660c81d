using System.Reflection;
using System.Text.RegularExpressions;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>The pages of docs/diagnostics/, embedded in this assembly so that explain and hover work offline.</summary>
public static partial class DiagnosticDocumentation
{
    /// <summary>The Markdown page of a code, or null when there is none.</summary>
    public static string? GetPage(string code)
    {
        var descriptor = DiagnosticCatalog.Find(code);
        if (descriptor is null)
        {
            return null;
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"diagnostics/{descriptor.Code}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);

        // The context a test checks a page's example in is for the test, not for the reader of `vdl explain` or a hover.
        return CheckedInsideComment().Replace(reader.ReadToEnd(), string.Empty);
    }

    [GeneratedRegex(@"<!-- checked inside:.*?-->\n", RegexOptions.Singleline)]
    private static partial Regex CheckedInsideComment();

    /// <summary>The codes that have an embedded page.</summary>
    public static IEnumerable<string> DocumentedCodes =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("diagnostics/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => n["diagnostics/".Length..^".md".Length])
            .Order(StringComparer.Ordinal);
}
