using System.CommandLine;
using VirtLang.Cli.Calibration;
using VirtLang.Cli.Files;
using VirtLang.Cli.Rendering;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl calibrate [PATH...]</c>: run the models of published experiments and set each expected figure beside the
/// simulated one (docs/calibration.md); 0 when every targeted row is within its tolerance, 1 when one is off or a
/// model fails, 2 for usage, I/O or header errors.
/// </summary>
internal static class CalibrateCommand
{
    /// <summary>The folder run when no path is given, under the current directory.</summary>
    public const string DefaultFolder = "calibration";

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Calibration files, or folders of them (every .vdl directly inside; default: `{DefaultFolder}`)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<string?>("--json") { Description = "Also write the rows as JSON (schema virtlang.calibration/1) to this file, or `-` for standard output" };
        var markdown = new Option<string?>("--markdown")
        {
            Description = $"Rewrite the table between {CalibrationMarkdown.Begin} and {CalibrationMarkdown.End} in this Markdown file (docs/calibration.md)",
        };
        var command = new Command("calibrate", "Run the models of published experiments and compare simulated with published figures") { paths, json, markdown };
        command.SetAction(result => Run(context, result.GetValue(paths) ?? [], result.GetValue(json), result.GetValue(markdown)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string? jsonPath, string? markdownPath)
    {
        if (!TryFindFiles(context, paths.Length > 0 ? paths : [DefaultFolder], out var files)
            || !context.TryReadSources(files, out var sources))
        {
            return ExitCodes.UsageOrIo;
        }

        var calibrationFiles = new ModelFileSet(files);
        if (markdownPath is not null && calibrationFiles.Find(markdownPath) is { } input)
        {
            context.Error.WriteLine($"vdl: error: --markdown {TerminalText.Sanitize(markdownPath)} is one of the calibration files ({TerminalText.Sanitize(input)}); name the Markdown page instead");
            return ExitCodes.UsageOrIo;
        }

        if (jsonPath is not null && calibrationFiles.Find(jsonPath) is { } overwritten)
        {
            context.Error.WriteLine($"vdl: error: --json {TerminalText.Sanitize(jsonPath)} would overwrite {TerminalText.Sanitize(overwritten)}, a calibration file; name another output");
            return ExitCodes.UsageOrIo;
        }

        // With the JSON on standard output, everything for people goes to standard error.
        var people = jsonPath == "-" ? context.Error : context.Out;
        var rows = new List<CalibrationRow>();
        var problems = new List<CalibrationProblem>();
        var modelFailed = false;
        foreach (var source in sources)
        {
            var outcome = CalibrationRunner.Run(source, context, people);
            rows.AddRange(outcome.Rows);
            problems.AddRange(outcome.Problems);
            modelFailed |= outcome.ModelFailed;
        }

        foreach (var problem in problems)
        {
            context.Error.WriteLine(TerminalText.Sanitize(problem.ToString()));
            context.Error.WriteLine(TerminalText.Sanitize($"  = help: {problem.Help}"));
        }

        if (rows.Count > 0)
        {
            CalibrationTable.Write(rows, people);
        }

        var passed = problems.Count == 0 && !modelFailed && !rows.Any(r => r.Fails);
        try
        {
            if (jsonPath is not null)
            {
                var text = CalibrationJsonWriter.Write(rows, problems, passed);
                if (jsonPath == "-")
                {
                    context.Out.Write(text);
                }
                else
                {
                    CreateParentDirectory(jsonPath);
                    OutputFile.WriteText(jsonPath, text);
                    people.WriteLine($"Rows written to {TerminalText.Sanitize(jsonPath)}.");
                }
            }

            if (markdownPath is not null && problems.Count == 0 && !WriteMarkdown(context, people, markdownPath, rows))
            {
                return ExitCodes.UsageOrIo;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: cannot write the results: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }

        return problems.Count > 0 ? ExitCodes.UsageOrIo : passed ? ExitCodes.Success : ExitCodes.Errors;
    }

    /// <summary>A new page is just the table; an existing one keeps its prose and needs the markers.</summary>
    private static bool WriteMarkdown(CliContext context, TextWriter people, string path, IReadOnlyList<CalibrationRow> rows)
    {
        string page;
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path);
            if (CalibrationMarkdown.Splice(existing, rows) is not { } spliced)
            {
                context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(path)} has no `{CalibrationMarkdown.Begin}` ... `{CalibrationMarkdown.End}`; add the two lines where the table goes");
                return false;
            }

            page = spliced;
        }
        else
        {
            CreateParentDirectory(path);
            page = CalibrationMarkdown.Table(rows) + "\n";
        }

        OutputFile.WriteText(path, page);
        people.WriteLine($"Table written to {TerminalText.Sanitize(path)}.");
        return true;
    }

    /// <summary>Each path as given; a folder is every .vdl directly in it, by name. A missing path or an empty folder is a usage error.</summary>
    private static bool TryFindFiles(CliContext context, string[] paths, out List<string> files)
    {
        files = [];
        var ok = true;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.vdl", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(path)}: no .vdl file in this folder");
                    ok = false;
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                var hint = paths.Length == 1 && path == DefaultFolder ? $" (run in the folder that holds `{DefaultFolder}/`, or pass PATH...)" : "";
                context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(path)}: no such file or folder{hint}");
                ok = false;
            }
        }

        return ok;
    }

    private static void CreateParentDirectory(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }
}
