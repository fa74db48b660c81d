using System.CommandLine;
using VirtLang.Compiler;
using VirtLang.Language.Text;

namespace VirtLang.Cli.Commands;

/// <summary><c>vdl check FILE...</c>: parse and validate; 0 clean or warnings only, 1 errors, 2 usage or I/O error.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = $"The .vdl files of the model (none: the built-in example `{BuiltInExamples.DefaultName}`)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = CommonOptions.Format();
        var command = new Command("check", "Parse and validate a model, and print its diagnostics") { files, format };
        command.SetAction(result => Run(context, result.GetValue(files) ?? [], result.GetValue(format)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string? format)
    {
        if (!context.TryReadModel(paths, format == "text" ? "Checking" : null, out var sources))
        {
            return ExitCodes.UsageOrIo;
        }

        var compilation = ModelCompilation.Create(sources);
        CommonOptions.Renderer(format, context.Style).Render(compilation.Diagnostics, compilation.Files.Length, context.Out);
        return compilation.HasErrors ? ExitCodes.Errors : ExitCodes.Success;
    }
}
