using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace VirtLang.MSBuildTasks;

/// <summary>
/// Logs the diagnostics the last check cached, on every build, through MSBuild's logging API with code, full range
/// and help link (never as text for MSBuild to scrape): a build that skipped the check still shows the warnings, and
/// <c>TreatWarningsAsErrors</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c> and <c>NoWarn</c> apply to
/// them as to C#'s. Errors fail the build.
/// </summary>
public sealed class VdlReportDiagnostics : MSBuildTask
{
    [Required]
    public string DiagnosticsFile { get; set; } = string.Empty;

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Codes whose warnings are errors (<c>;</c> or <c>,</c> separated).</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>Codes kept as warnings when <see cref="TreatWarningsAsErrors"/> is on.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>Codes whose warnings and infos are not shown (errors always are).</summary>
    public string? NoWarn { get; set; }

    public override bool Execute()
    {
        if (!File.Exists(DiagnosticsFile))
        {
            return true;
        }

        IReadOnlyList<DiagnosticRecord> records;
        try
        {
            records = DiagnosticRecord.ReadAll(DiagnosticsFile);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
        {
            // A damaged cache is rebuilt by deleting it: the next build checks the models again.
            Log.LogWarning(null, "VDL9103", null, DiagnosticsFile, 0, 0, 0, 0, "the cached VirtLang diagnostics could not be read ({0}); they are checked again on the next build", e.Message);
            File.Delete(DiagnosticsFile);
            return true;
        }

        var noWarn = Codes(NoWarn);
        var asErrors = Codes(WarningsAsErrors);
        var notAsErrors = Codes(WarningsNotAsErrors);
        foreach (var r in records)
        {
            var severity = r.Severity;
            if (severity != "error" && noWarn.Contains(r.Code))
            {
                continue;
            }

            if (severity == "warning" && (asErrors.Contains(r.Code) || (TreatWarningsAsErrors && !notAsErrors.Contains(r.Code))))
            {
                severity = "error";
            }

            // The message is an argument, so braces in it are never taken for a format item.
            switch (severity)
            {
                case "error":
                    Log.LogError(null, r.Code, null, r.HelpLink, r.File, r.Line, r.Column, r.EndLine, r.EndColumn, "{0}", r.Message);
                    break;
                case "warning":
                    Log.LogWarning(null, r.Code, null, r.HelpLink, r.File, r.Line, r.Column, r.EndLine, r.EndColumn, "{0}", r.Message);
                    break;
                default:
                    Log.LogMessage(null, r.Code, null, r.File, r.Line, r.Column, r.EndLine, r.EndColumn, MessageImportance.Normal, "{0}", r.Message);
                    break;
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static HashSet<string> Codes(string? list) =>
        new((list ?? string.Empty).Split([';', ',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
}
