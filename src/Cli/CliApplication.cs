using System.CommandLine;
using VirtLang.Cli.Commands;

namespace VirtLang.Cli;

/// <summary>The <c>vdl</c> command line: verbs over the compiler, rendering only.</summary>
public static class CliApplication
{
    public static int Run(string[] args, TextWriter output, TextWriter error, bool? color = null)
    {
        var style = color is { } c ? new ConsoleStyle(c) : ConsoleStyle.ForStandardOutput();
        var context = new CliContext(output, error, style);
        var root = new RootCommand("vdl: check, run, sweep, calibrate, build, graph, start (new), format, explain and import VirtLang (.vdl) models of virtual infrastructure")
        {
            CheckCommand.Create(context),
            RunCommand.Create(context),
            SweepCommand.Create(context),
            CalibrateCommand.Create(context),
            BuildCommand.Create(context),
            GraphCommand.Create(context),
            PlanCommand.Create(context),
            NewCommand.Create(context),
            FormatCommand.Create(context),
            ExplainCommand.Create(context),
            ImportCommand.Create(context),
            LspCommand.Create(context),
            WorkerCommand.Create(context),
        };

        // An empty argument names no file and no value: `--json ''` or `vdl check ''` is a usage error, said here once
        // for every verb rather than failing later inside a file API.
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Length == 0)
            {
                var after = i > 0 && args[i - 1].StartsWith('-') && args[i - 1].Length > 1 ? $" after {Rendering.TerminalText.Sanitize(args[i - 1])}" : string.Empty;
                error.WriteLine($"vdl: error: an empty argument{after}: name a file (or - for the standard stream)");
                error.WriteLine("Run `vdl --help` for usage.");
                return ExitCodes.UsageOrIo;
            }
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"vdl: error: {Rendering.TerminalText.Sanitize(e.Message)}");
            }

            error.WriteLine("Run `vdl --help` for usage.");
            return ExitCodes.UsageOrIo;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of ours, not the user's: say so plainly, without a stack trace, and where to report it.
            error.WriteLine($"vdl: internal error: {e.GetType().Name}: {Rendering.TerminalText.Sanitize(e.Message)}");
            error.WriteLine("This is a bug in vdl; please report it with the input that caused it.");
            return ExitCodes.Internal;
        }
    }
}
