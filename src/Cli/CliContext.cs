using VirtLang.Compiler;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Text;

namespace VirtLang.Cli;

/// <summary>What a verb reads from and writes to, and how: the standard streams and the colour style.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, ConsoleStyle style, Func<Stream>? input = null)
{
    private readonly Func<Stream> _input = input ?? Console.OpenStandardInput;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public ConsoleStyle Style { get; } = style;

    /// <summary>
    /// The model a verb works on: the files named, or with none the built-in example (announced by
    /// <paramref name="announce"/>, "Checking", "Running", when not null, on <paramref name="to"/>: standard output by
    /// default). False after a one-line error: exit 2.
    /// </summary>
    public bool TryReadModel(string[] paths, string? announce, out List<SourceText> sources, TextWriter? to = null)
    {
        if (paths.Length > 0)
        {
            return TryReadSources(paths, out sources);
        }

        if (announce is not null)
        {
            (to ?? Out).WriteLine($"{announce} the built-in example `{BuiltInExamples.DefaultName}` (pass FILE... to use your own).");
        }

        sources = [BuiltInExamples.Load(BuiltInExamples.DefaultName)!];
        return true;
    }

    /// <summary>
    /// For the verbs that need a model without errors: prints its errors (to <paramref name="to"/>, standard output by
    /// default) and what was not done, and returns the exit code; null when there are none.
    /// </summary>
    public int? RefuseModelWithErrors(ModelCompilation compilation, string? notDone, TextWriter? to = null)
    {
        if (!compilation.HasErrors)
        {
            return null;
        }

        to ??= Out;
        Commands.CommonOptions.Renderer("text", Style).Render([.. compilation.Diagnostics.Where(d => d.IsError)], compilation.Files.Length, to);
        if (notDone is not null)
        {
            to.WriteLine($"The model has errors: {notDone}.");
        }

        return ExitCodes.Errors;
    }

    /// <summary>Generated code that failed is a bug of ours: one line, the model's lines it maps to, exit 3.</summary>
    public int ReportGeneratedCodeFailure(Compiler.Hosting.GeneratedCodeException failure)
    {
        Error.WriteLine($"vdl: internal error: {Rendering.TerminalText.Sanitize(failure.Message)}");
        foreach (var problem in failure.Problems)
        {
            Error.WriteLine($"  {Rendering.TerminalText.Sanitize(problem)}");
        }

        return ExitCodes.Internal;
    }

    /// <summary>
    /// Reads every file (<c>-</c>: standard input, once); a missing file or a directory is a one-line error (and the
    /// caller exits 2).
    /// </summary>
    public bool TryReadSources(IEnumerable<string> paths, out List<SourceText> sources)
    {
        sources = [];
        var ok = true;
        var readInput = false;
        foreach (var path in paths)
        {
            if (Files.StandardStreamPath.Is(path))
            {
                if (readInput)
                {
                    Error.WriteLine("vdl: error: - (standard input) is named twice");
                    ok = false;
                    continue;
                }

                readInput = true;
                if (ReadStandardInput() is { } input)
                {
                    sources.Add(SourceDecoder.Decode(input, Files.StandardStreamPath.InputName));
                }
                else
                {
                    ok = false;
                }

                continue;
            }

            try
            {
                sources.Add(ModelCompilation.ReadSource(path));
            }
            catch (ModelFileException e)
            {
                Error.WriteLine($"vdl: error: {Rendering.TerminalText.Sanitize(e.Path)}: {e.Reason}");
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>Every byte of standard input, bounded as a model file is; null (and said on stderr) past the bound.</summary>
    public byte[]? ReadStandardInput()
    {
        using var stream = _input();
        if (SourceFileReader.TryReadBytes(stream, out var bytes, out var failure))
        {
            return bytes;
        }

        Error.WriteLine($"vdl: error: {Files.StandardStreamPath.InputName}: {failure!.Reason}");
        return null;
    }
}
