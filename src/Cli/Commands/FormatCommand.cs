using System.CommandLine;
using VirtLang.Cli.Files;
using VirtLang.Cli.Rendering;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl fmt PATH... [--check]</c>: rewrite files in the canonical layout, or with <c>--check</c> only list the files
/// that would change (exit 1 when any would). A folder stands for the .vdl files below it, as <c>gofmt</c> and
/// <c>terraform fmt -recursive</c> take one; <c>-</c> formats standard input to standard output. A file keeps its
/// encoding, its links (<see cref="OutputFile"/>) and, when its bytes would not change, its time stamp: it is not
/// written. A file with syntax errors or bytes that are not valid in its encoding is left alone and reported.
/// </summary>
internal static class FormatCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("paths") { Description = "The .vdl files to format; a folder means every .vdl file below it (bin, obj, node_modules and dot-folders skipped); - formats standard input to standard output", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Change nothing; list the files that are not formatted and exit 1 if there are any" };
        var command = new Command("fmt", "Format .vdl files in the canonical layout") { files, check };
        command.SetAction(result => Run(context, result.GetValue(files) ?? [], result.GetValue(check)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, bool checkOnly)
    {
        if (paths.Count(StandardStreamPath.Is) > 1)
        {
            context.Error.WriteLine("vdl: error: - (standard input) is named twice");
            return ExitCodes.UsageOrIo;
        }

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
                context.Error.WriteLine($"vdl fmt: no .vdl files under {TerminalText.Sanitize(path)}");
            }

            files.AddRange(below);
        }

        // Every path named must be a file before any is written, as before reading them all.
        var missing = files.Where(f => !StandardStreamPath.Is(f) && !File.Exists(f)).ToList();
        foreach (var path in missing)
        {
            context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(path)}: no such file");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.UsageOrIo;
        }

        var exit = ExitCodes.Success;
        foreach (var path in files)
        {
            var outcome = StandardStreamPath.Is(path) ? FormatStandardInput(context, checkOnly) : FormatFile(context, path, checkOnly);
            if (outcome == ExitCodes.UsageOrIo)
            {
                return outcome;
            }

            exit = Math.Max(exit, outcome);
        }

        return exit;
    }

    private static int FormatFile(CliContext context, string path, bool checkOnly)
    {
        var shown = TerminalText.Sanitize(path);
        // Bounded and only a regular file, as the checker reads it: a FIFO would block, /dev/zero never end.
        if (!SourceFileReader.TryReadBytes(path, out var bytes, out var failure))
        {
            context.Error.WriteLine($"vdl: error: {shown}: {TerminalText.Sanitize(failure!.Reason)}");
            return ExitCodes.UsageOrIo;
        }

        if (Format(context, bytes, path) is not { } formatted)
        {
            return ExitCodes.Errors;
        }

        if (formatted.AsSpan().SequenceEqual(bytes))
        {
            return ExitCodes.Success; // never written: its time stamp and links stay as they were
        }

        if (checkOnly)
        {
            context.Out.WriteLine(shown);
            return ExitCodes.Errors;
        }

        try
        {
            OutputFile.Write(path, formatted);
            context.Out.WriteLine($"formatted {shown}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: cannot write {shown}: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }
    }

    /// <summary>Standard input to standard output (formatted, or as it was when it cannot be); with --check, only the verdict.</summary>
    private static int FormatStandardInput(CliContext context, bool checkOnly)
    {
        if (context.ReadStandardInput() is not { } bytes)
        {
            return ExitCodes.UsageOrIo;
        }

        if (Format(context, bytes, StandardStreamPath.InputName) is not { } formatted)
        {
            return ExitCodes.Errors;
        }

        var changed = !formatted.AsSpan().SequenceEqual(bytes);
        if (checkOnly)
        {
            if (changed)
            {
                context.Out.WriteLine(StandardStreamPath.InputName);
            }

            return changed ? ExitCodes.Errors : ExitCodes.Success;
        }

        context.Out.Flush();
        using (var output = Console.OpenStandardOutput())
        {
            output.Write(formatted);
        }

        return ExitCodes.Success;
    }

    /// <summary>The formatted bytes in the file's own encoding; null (and why, on standard error) when it must not be rewritten.</summary>
    private static byte[]? Format(CliContext context, byte[] bytes, string path)
    {
        var shown = TerminalText.Sanitize(path);
        var encoding = TextFileEncoding.Detect(bytes);
        var source = SourceDecoder.Decode(bytes, path);
        if (source.DecodingProblem is not null || !encoding.IsValid(bytes))
        {
            context.Error.WriteLine($"{shown}: not formatted: it is not valid {encoding.Name} (VDL0041; run `vdl check {shown}`), and rewriting it would lose the bytes that are not");
            return null;
        }

        var formatted = Formatter.Format(SyntaxTree.Parse(source));
        if (formatted is null)
        {
            context.Error.WriteLine($"{shown}: not formatted: it has syntax errors (run `vdl check {shown}`)");
            return null;
        }

        return encoding.GetBytes(formatted);
    }
}
