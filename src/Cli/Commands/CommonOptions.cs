using System.CommandLine;
using VirtLang.Cli.Rendering;

namespace VirtLang.Cli.Commands;

/// <summary>Options that several verbs share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Format()
    {
        var option = new Option<string>("--format")
        {
            Description = "How to print diagnostics: text (for people), msbuild (file(line,col): error CODE: message), json (one object per line) or sarif (SARIF 2.1.0)",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "msbuild", "json", "sarif");
        return option;
    }

    public static IDiagnosticRenderer Renderer(string? format, ConsoleStyle style) => format switch
    {
        "msbuild" => new MSBuildDiagnosticRenderer(),
        "json" => new JsonDiagnosticRenderer(),
        "sarif" => new SarifDiagnosticRenderer(),
        _ => new TerminalDiagnosticRenderer(style),
    };
}
