using System.Diagnostics;
using System.Globalization;
using VirtLang.LanguageServer.Tests;

namespace VirtLang.Benchmarks;

/// <summary>
/// `lsp-latency`: the language server in process over its real framing, on a generated model of about 5,000 lines.
/// After each edit (a value changed, as typing does), the time until the diagnostics of that version arrive (the
/// server's 50 ms pause for typing included); and the time of completion requests at a member's start and after
/// `os =`, each right after a keystroke (its time counted from sending the request, which the server reads after the
/// change); and folding ranges the same way. Medians and maxima over the runs, after a warm-up.
/// </summary>
internal static class LspLatency
{
    private const string Uri = "file:///bench/model.vdl";

    public static int Run(string[] args)
    {
        var edits = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        return RunAsync(edits).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int edits)
    {
        var text = ModelGenerator.Generate(hosts: 172, guestsPerHost: 1);
        var lines = text.Split('\n').ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {lines.Count:N0} lines, {text.Length / 1024:N0} KB"));
        var memoryLine = lines.FindIndex(l => l.TrimStart().StartsWith("memory", StringComparison.Ordinal) && lines.IndexOf(l) > 40);
        var osLine = lines.FindIndex(l => l.StartsWith("    os     =", StringComparison.Ordinal));

        await using var session = new LspSession();
        await session.InitializeAsync();
        var open = Stopwatch.StartNew();
        await session.OpenAsync(Uri, text);
        await session.DiagnosticsAsync(Uri, 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open to first diagnostics (cold, JIT included): {open.ElapsedMilliseconds} ms"));

        // A keystroke: the first digit of a memory value changed, so each version is a different text, always valid.
        var version = 1;
        var digitColumn = lines[memoryLine].IndexOf('=', StringComparison.Ordinal) + 2;
        Task TypeDigitAsync(string digit)
        {
            version++;
            return session.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri = Uri, version },
                contentChanges = new[] { new { range = new { start = new { line = memoryLine, character = digitColumn }, end = new { line = memoryLine, character = digitColumn + 1 } }, text = digit } },
            });
        }

        var diagnostics = new List<double>();
        for (var i = 0; i < edits + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await TypeDigitAsync(i % 2 == 0 ? "2" : "3");
            await session.DiagnosticsAsync(Uri, version);
            if (i >= 5)
            {
                diagnostics.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var completion = new List<double>();
        for (var i = 0; i < edits + 5; i++)
        {
            // A keystroke first, as when typing: the tree is parsed again; names come from the last checked model.
            await TypeDigitAsync(i % 2 == 0 ? "4" : "2");
            var (line, character) = i % 2 == 0 ? (osLine, lines[osLine].IndexOf('=', StringComparison.Ordinal) + 2) : (memoryLine, 4);
            var watch = Stopwatch.StartNew();
            var response = await session.RequestAsync("textDocument/completion", LspSession.Position(Uri, line, character));
            if (response.GetProperty("result").GetProperty("items").GetArrayLength() == 0)
            {
                Console.Error.WriteLine($"no completion at {line}:{character}");
                return 1;
            }

            if (i >= 5)
            {
                completion.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var folding = new List<double>();
        for (var i = 0; i < edits + 5; i++)
        {
            // Editors ask for folding ranges after each change: the tree is parsed again, then walked.
            await TypeDigitAsync(i % 2 == 0 ? "4" : "2");
            var watch = Stopwatch.StartNew();
            var response = await session.RequestAsync("textDocument/foldingRange", new { textDocument = new { uri = Uri } });
            if (response.GetProperty("result").GetArrayLength() < 172)
            {
                Console.Error.WriteLine("fewer folding ranges than hosts");
                return 1;
            }

            if (i >= 5)
            {
                folding.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Report("edit to diagnostics", diagnostics, 200);
        Report("completion", completion, 50);
        Report("folding ranges", folding, 50);
        return 0;
    }

    private static void Report(string what, List<double> times, double bar)
    {
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {times[times.Count / 2]:0.0} ms, p90 {times[(int)(times.Count * 0.9)]:0.0} ms, max {times[^1]:0.0} ms over {times.Count} (bar {bar} ms)"));
    }
}
