using System.Diagnostics;
using System.Globalization;
using System.Text;
using VirtLang.LanguageServer.Tests;

namespace VirtLang.Benchmarks;

/// <summary>
/// `lsp-workspace`: references (what rename walks too) to a hardware type of a shared catalog from a workspace of
/// closed site files that import it, none of them open in the editor. The first request compiles every site; the
/// following ones, with nothing changed on disk, show what keeping those models saves. Then workspace symbols, a
/// query per keystroke, over the same files.
/// </summary>
internal static class LspWorkspace
{
    public static int Run(string[] args)
    {
        var sites = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        return RunAsync(sites).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int sites)
    {
        const int hostsPerSite = 30;
        var folder = Directory.CreateTempSubdirectory("vdl-lsp-workspace-").FullName;
        try
        {
            var (catalog, lines, declaration) = WriteWorkspace(folder, sites, hostsPerSite);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workspace: a catalog and {sites} closed sites of {hostsPerSite} hosts, {lines:N0} lines"));

            await using var session = new LspSession();
            await session.InitializeAsync(folder);
            var uri = new Uri(catalog).AbsoluteUri;
            await session.OpenAsync(uri, File.ReadAllText(catalog));
            await session.DiagnosticsAsync(uri, 1);

            var times = new List<double>();
            for (var i = 0; i < 21; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await session.RequestAsync("textDocument/references", new
                {
                    textDocument = new { uri },
                    position = new { line = declaration.Line, character = declaration.Character },
                    context = new { includeDeclaration = false },
                });
                times.Add(watch.Elapsed.TotalMilliseconds);
                var found = response.GetProperty("result").GetArrayLength();
                if (found != sites * hostsPerSite)
                {
                    Console.Error.WriteLine($"expected {sites * hostsPerSite} references, found {found}");
                    return 1;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"references, first (every site compiled, JIT included): {times[0]:0.0} ms"));
            var again = times.Skip(1).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"references, again with nothing changed: median {again[again.Count / 2]:0.0} ms, max {again[^1]:0.0} ms over {again.Count}"));

            // Go to Symbol in Workspace, as typed: each query a letter longer.
            var symbols = new List<double>();
            foreach (var query in new[] { "e", "es", "esx", "esx-", "esx-0", "esx-00", "esx-000", "esx-0001" })
            {
                var watch = Stopwatch.StartNew();
                var response = await session.RequestAsync("workspace/symbol", new { query });
                symbols.Add(watch.Elapsed.TotalMilliseconds);
                if (response.GetProperty("result").GetArrayLength() == 0)
                {
                    Console.Error.WriteLine($"no workspace symbol for {query}");
                    return 1;
                }
            }

            symbols.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workspace symbols, a query per keystroke: median {symbols[symbols.Count / 2]:0.0} ms, max {symbols[^1]:0.0} ms over {symbols.Count}"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The generated datacenter cut in two: its catalog in one file, its hosts (each with its app) in sites that import it.</summary>
    private static (string Catalog, int Lines, (int Line, int Character) Declaration) WriteWorkspace(string folder, int sites, int hostsPerSite)
    {
        var model = ModelGenerator.Generate(hosts: sites * hostsPerSite, guestsPerHost: 1);
        var firstApp = model.IndexOf("app svc-", StringComparison.Ordinal);
        var scenario = model.IndexOf("scenario ", StringComparison.Ordinal);
        var catalogText = model[..firstApp];
        var groups = model[firstApp..scenario].Split("app svc-", StringSplitOptions.RemoveEmptyEntries);
        var catalog = Path.Combine(folder, "catalog.vdl");
        File.WriteAllText(catalog, catalogText);
        var lines = catalogText.Count(c => c == '\n');
        for (var s = 0; s < sites; s++)
        {
            var site = new StringBuilder("import \"catalog.vdl\"\n\n");
            foreach (var group in groups.Skip(s * hostsPerSite).Take(hostsPerSite))
            {
                site.Append("app svc-").Append(group);
            }

            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"site{s:D3}.vdl")), site.ToString());
            lines += site.ToString().Count(c => c == '\n');
        }

        var catalogLines = catalogText.Split('\n');
        var line = Array.FindIndex(catalogLines, l => l.StartsWith("hardware r740", StringComparison.Ordinal));
        return (catalog, lines, (line, "hardware ".Length));
    }
}
