using System.CommandLine;
using VirtLang.Cli.Files;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl new FILE [--from EXAMPLE]</c>: start a model from one of the built-in examples (each checks clean and runs);
/// never overwrites a file, and makes the folders on the way; <c>-</c> prints it. 0 written, 2 the file exists, the example is unknown, or it cannot be written.
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
            context.Error.WriteLine($"vdl: error: no built-in example `{Rendering.TerminalText.Sanitize(example)}`; the examples are {string.Join(", ", BuiltInExamples.Names)}");
            return ExitCodes.UsageOrIo;
        }

        if (StandardStreamPath.Is(path))
        {
            context.Out.Write(text.Text);
            return ExitCodes.Success;
        }

        if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            context.Error.WriteLine($"vdl: error: {Rendering.TerminalText.Sanitize(path)}: already exists; vdl new never overwrites");
            return ExitCodes.UsageOrIo;
        }

        try
        {
            // Folders on the way are made, as `mkdir -p` would: `vdl new infra/east/dc.vdl` in an empty repository.
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            OutputFile.WriteText(path, text.Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: {Rendering.TerminalText.Sanitize(path)}: {Rendering.TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }

        var shown = Rendering.TerminalText.Sanitize(path);
        context.Out.WriteLine($"Wrote {shown} from the example `{example}`. Next: `vdl check {shown}`, then `vdl run {shown}`.");
        return ExitCodes.Success;
    }
}
