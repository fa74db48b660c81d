using System.Reflection;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>The pages of docs/diagnostics/, embedded in this assembly so that explain and hover work offline.</summary>
public static class DiagnosticDocumentation
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
        return reader.ReadToEnd();
    }

    /// <summary>The codes that have an embedded page.</summary>
    public static IEnumerable<string> DocumentedCodes =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("diagnostics/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => n["diagnostics/".Length..^".md".Length])
            .Order(StringComparer.Ordinal);
}
