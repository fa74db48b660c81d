using System.CommandLine;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl fmt FILE... [--check]</c>: rewrite files in the canonical layout (atomically), or with <c>--check</c> only
/// list the files that would change (exit 1 when any would). A file with syntax errors is left alone and reported.
/// </summary>
internal static class FormatCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "The .vdl files to format", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Change nothing; list the files that are not formatted and exit 1 if there are any" };
        var command = new Command("fmt", "Format .vdl files in the canonical layout") { files, check };
        command.SetAction(result => Run(context, result.GetValue(files) ?? [], result.GetValue(check)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, bool checkOnly)
    {
        if (!context.TryReadSources(paths, out var sources))
        {
            return ExitCodes.UsageOrIo;
        }

        var exit = ExitCodes.Success;
        foreach (var source in sources)
        {
            var tree = SyntaxTree.Parse(source);
            var formatted = Formatter.Format(tree);
            if (formatted is null)
            {
                context.Error.WriteLine($"{source.Path}: not formatted: it has syntax errors (run `vdl check {source.Path}`)");
                exit = ExitCodes.Errors;
                continue;
            }

            if (formatted == source.Text)
            {
                continue;
            }

            if (checkOnly)
            {
                context.Out.WriteLine(source.Path);
                exit = ExitCodes.Errors;
                continue;
            }

            try
            {
                AtomicFile.WriteAllText(source.Path, formatted, source.HasUtf8Bom);
                context.Out.WriteLine($"formatted {source.Path}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"vdl: error: cannot write {source.Path}: {e.Message}");
                return ExitCodes.UsageOrIo;
            }
        }

        return exit;
    }
}
