using System.CommandLine;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl new FILE [--from EXAMPLE]</c>: start a model from one of the built-in examples (each checks clean and runs);
/// never overwrites a file. 0 written, 2 the file exists, the example is unknown, or it cannot be written.
/// </summary>
internal static class NewCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .vdl file to create" };
        var from = new Option<string>("--from")
        {
            Description = "The built-in example to start from: " + string.Join(", ", BuiltInExamples.Names),
            DefaultValueFactory = _ => "bare-metal",
        };
        var command = new Command("new", "Start a model from a built-in example") { file, from };
        command.SetAction(result => Run(context, result.GetValue(file)!, result.GetValue(from)!));
        return command;
    }

    private static int Run(CliContext context, string path, string example)
    {
        if (BuiltInExamples.Load(example) is not { } text)
        {
            context.Error.WriteLine($"vdl: error: no built-in example `{example}`; the examples are {string.Join(", ", BuiltInExamples.Names)}");
            return ExitCodes.UsageOrIo;
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            context.Error.WriteLine($"vdl: error: {Rendering.TerminalText.Sanitize(path)}: already exists; vdl new never overwrites");
            return ExitCodes.UsageOrIo;
        }

        try
        {
            AtomicFile.WriteAllText(path, text.Text, utf8Bom: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: {Rendering.TerminalText.Sanitize(path)}: {e.Message}");
            return ExitCodes.UsageOrIo;
        }

        context.Out.WriteLine($"Wrote {path} from the example `{example}`. Next: `vdl check {path}`, then `vdl run {path}`.");
        return ExitCodes.Success;
    }
}
