using System.CommandLine;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl fmt PATH... [--check]</c>: rewrite files in the canonical layout (atomically), or with <c>--check</c> only
/// list the files that would change (exit 1 when any would). A folder stands for the .vdl files below it, as
/// <c>gofmt</c> and <c>terraform fmt -recursive</c> take one. A file with syntax errors is left alone and reported.
/// </summary>
internal static class FormatCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("paths") { Description = "The .vdl files to format; a folder means every .vdl file below it (bin, obj, node_modules and dot-folders skipped)", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Change nothing; list the files that are not formatted and exit 1 if there are any" };
        var command = new Command("fmt", "Format .vdl files in the canonical layout") { files, check };
        command.SetAction(result => Run(context, result.GetValue(files) ?? [], result.GetValue(check)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, bool checkOnly)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }

            var below = ModelFileSearch.Under(path).Select(file => Path.GetRelativePath(".", file)).ToList();
            if (below.Count == 0)
            {
                // On standard error: with --check, standard output lists only files that would change.
                context.Error.WriteLine($"vdl fmt: no .vdl files under {Rendering.TerminalText.Sanitize(path)}");
            }

            files.AddRange(below);
        }

        if (!context.TryReadSources(files, out var sources))
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
