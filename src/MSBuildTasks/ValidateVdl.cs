using Microsoft.Build.Framework;
using VirtLang.Compiler;
using VirtLang.Language.Diagnostics;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace VirtLang.MSBuildTasks;

/// <summary>
/// Validates the model's files and logs every diagnostic through MSBuild's logging API with its code, full range and
/// help link, so that TreatWarningsAsErrors and IDE error lists see real diagnostics, not scraped text.
/// </summary>
public sealed class ValidateVdl : MSBuildTask
{
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>Report VDL warnings as errors.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Codes (separated by <c>;</c> or <c>,</c>) whose warnings and infos are not shown.</summary>
    public string? NoWarn { get; set; }

    public override bool Execute()
    {
        ModelCompilation compilation;
        try
        {
            compilation = ModelCompilation.FromFiles(Files.Select(f => f.ItemSpec));
        }
        catch (ModelFileException e)
        {
            var descriptor = SyntaxDiagnostics.UnreadableFile;
            Log.LogError(null, descriptor.Code, null, descriptor.HelpUri, e.Path, 0, 0, 0, 0, "{0}", descriptor.FormatMessage([e.Reason]));
            return false;
        }

        var suppressed = new HashSet<string>(
            (NoWarn ?? string.Empty).Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries),
            StringComparer.OrdinalIgnoreCase);

        foreach (var diagnostic in compilation.Diagnostics)
        {
            LogDiagnostic(diagnostic, suppressed);
        }

        return !Log.HasLoggedErrors;
    }

    private void LogDiagnostic(Diagnostic diagnostic, HashSet<string> suppressed)
    {
        var severity = diagnostic.Severity;
        if (severity != DiagnosticSeverity.Error && suppressed.Contains(diagnostic.Code))
        {
            return;
        }

        if (severity == DiagnosticSeverity.Warning && TreatWarningsAsErrors)
        {
            severity = DiagnosticSeverity.Error;
        }

        var start = diagnostic.Location.Start;
        var end = diagnostic.Location.End;
        var file = diagnostic.Location.Path;
        var help = diagnostic.Descriptor.HelpUri;
        // The message goes in as an argument, so braces in it are never taken for a format string.
        switch (severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError(null, diagnostic.Code, null, help, file, start.Line, start.Column, end.Line, end.Column, "{0}", diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning(null, diagnostic.Code, null, help, file, start.Line, start.Column, end.Line, end.Column, "{0}", diagnostic.Message);
                break;
            case DiagnosticSeverity.Info:
                Log.LogMessage(null, diagnostic.Code, null, file, start.Line, start.Column, end.Line, end.Column, MessageImportance.High, "{0}", diagnostic.Message);
                break;
        }
    }
}
