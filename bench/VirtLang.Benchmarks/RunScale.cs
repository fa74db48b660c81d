using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>run-scale [lines] [--rounds N] [--write FILE]</c>: the real <c>vdl run</c> (the built tool, a process of its own) on a generated
/// model of about <c>lines</c> lines (default 50,000: hosts of 10 guests, one day at 1-minute steps), cold (an empty
/// assembly cache: check, emit, Roslyn, load, simulate) and warm (the cached assembly), alternating, with the tool's
/// own "compiled in" / "loaded from the cache in" figure beside the wall time.
/// </summary>
public static partial class RunScale
{
    public static int Run(string[] args)
    {
        var lines = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
        if (args.SkipWhile(a => a != "--write").Skip(1).FirstOrDefault() is { } written)
        {
            // For a profiler: the same model, left on disk.
            File.WriteAllText(written, OneDay(ModelOfLines(lines)));
            return 0;
        }

        if (FindTool() is not { } vdl)
        {
            Console.Error.WriteLine("run-scale: build the tool first (dotnet build src/Cli -c Release): src/Cli/bin/Release/net10.0/vdl.dll is missing");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("vdl-run-scale-");
        try
        {
            var model = Path.Combine(folder.FullName, "estate.vdl");
            var text = OneDay(ModelOfLines(lines));
            File.WriteAllText(model, text);
            var lineCount = text.Count(c => c == '\n');
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run-scale: {lineCount:N0} lines, {text.Length / 1e6:F1} MB, {HostCount(text):N0} hosts; {vdl}"));
            Console.WriteLine("round  cold s  (generated code)  warm s  (generated code)");
            for (var round = 1; round <= rounds; round++)
            {
                var cache = Path.Combine(folder.FullName, "cache-" + round.ToString(CultureInfo.InvariantCulture));
                var cold = RunTool(vdl, model, cache);
                var warm = RunTool(vdl, model, cache);
                if (cold.Exit != 0 || warm.Exit != 0)
                {
                    Console.Error.WriteLine($"run-scale: vdl run failed (exit {cold.Exit}/{warm.Exit}):\n{cold.Output}\n{warm.Output}");
                    return 1;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{round,5}  {cold.Seconds,6:F2}  ({cold.GeneratedCode,-14})  {warm.Seconds,6:F2}  ({warm.GeneratedCode})"));
            }

            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The generator's model with at least <paramref name="lines"/> lines (its hosts carry 10 guests each).</summary>
    internal static string ModelOfLines(int lines)
    {
        var perHost = ModelGenerator.Generate(2, 10).Count(c => c == '\n') - ModelGenerator.Generate(1, 10).Count(c => c == '\n');
        return ModelGenerator.Generate(Math.Max(1, lines / perHost), 10);
    }

    /// <summary>
    /// One day instead of the generator's week: the run measures the tool at scale, not a long simulation. Throws when
    /// the generator no longer writes the week's line, so that a change there cannot make the bench run a week unnoticed.
    /// </summary>
    internal static string OneDay(string model)
    {
        const string Week = "duration = 7d";
        var at = model.IndexOf(Week, StringComparison.Ordinal);
        if (at < 0 || model.IndexOf(Week, at + Week.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException(
                $"run-scale: the generated model should have exactly one `{Week}` line (its scenario's), which run-scale shortens to one day; ModelGenerator changed, update RunScale.OneDay");
        }

        return string.Concat(model.AsSpan(0, at), "duration = 1d", model.AsSpan(at + Week.Length));
    }

    private static int HostCount(string model) => HostLine().Count(model);

    private static (int Exit, double Seconds, string GeneratedCode, string Output) RunTool(string vdl, string model, string cache)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(vdl);
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(model);
        start.Environment["VDL_CACHE_DIR"] = cache;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        var output = stdout + stderr.Result;
        var generated = GeneratedCodeLine().Match(output) is { Success: true } m ? $"{m.Groups[1].Value} {m.Groups[2].Value} s" : "?";
        return (process.ExitCode, seconds, generated, output);
    }

    private static string? FindTool()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Cli", "bin", "Release", "net10.0", "vdl.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"Generated C# (compiled|loaded from the cache) in ([0-9.]+) s")]
    private static partial Regex GeneratedCodeLine();

    [GeneratedRegex(@"^host ", RegexOptions.Multiline)]
    private static partial Regex HostLine();
}
