using System.CommandLine;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Cli.Commands;

/// <summary><c>vdl explain CODE</c>: the page of a diagnostic code (the same as docs/diagnostics/CODE.md); 2 for an unknown code.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var code = new Argument<string>("code") { Description = "A diagnostic code, such as VDL0001 (or just 0001)" };
        var command = new Command("explain", "Explain a diagnostic code: what it means and how to fix it") { code };
        command.SetAction(result => Run(context, result.GetValue(code) ?? string.Empty));
        return command;
    }

    private static int Run(CliContext context, string code)
    {
        // A bare number is the code without its prefix, as people quote it: `vdl explain 4004`, or `41` for VDL0041.
        code = code.Trim();
        if (code.Length is > 0 and <= 4 && code.All(char.IsAsciiDigit))
        {
            code = "VDL" + code.PadLeft(4, '0');
        }

        var page = DiagnosticDocumentation.GetPage(code);
        if (page is null)
        {
            var suggestion = SpellChecker.Suggest(code.ToUpperInvariant(), DiagnosticCatalog.All.Select(d => d.Code));
            var hint = suggestion is null ? string.Empty : $"; did you mean {suggestion}?";
            context.Error.WriteLine($"vdl: error: unknown diagnostic code '{Rendering.TerminalText.Sanitize(code)}'{hint}");
            return ExitCodes.UsageOrIo;
        }

        context.Out.Write(page);
        return ExitCodes.Success;
    }
}
