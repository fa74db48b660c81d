using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VirtLang.Cli.Tests;

/// <summary>
/// docs/tutorial.md and README.md show `vdl` commands and what they print (see <see cref="MarkdownSession"/> for the
/// blocks they are written in); these tests run the commands with the real tool and fail when it prints anything else.
/// When the tool's output changes on purpose, regenerate the pages' outputs and docs/tutorial/*.vdl with
/// <code>VDL_UPDATE_BASELINES=1 dotnet test tests/Cli.Tests -c Release --filter FullyQualifiedName~DocumentationSessionTests</code>
/// then review `git diff`: the prose around an output may have to change with it.
/// </summary>
public sealed partial class DocumentationSessionTests : IDisposable
{
    private const string Regenerate =
        "VDL_UPDATE_BASELINES=1 dotnet test tests/Cli.Tests -c Release --filter FullyQualifiedName~DocumentationSessionTests";

    private static readonly bool Update = Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1";

    private static readonly string Tutorial = Path.Combine(RepositoryPaths.Root, "docs", "tutorial.md");

    private static readonly string TutorialFiles = Path.Combine(RepositoryPaths.Root, "docs", "tutorial");

    private static readonly string Readme = Path.Combine(RepositoryPaths.Root, "README.md");

    private readonly TemporaryDirectory _temporary = new("vdl-docs-");

    public void Dispose() => _temporary.Dispose();

    /// <summary>The tutorial starts in an empty folder and every command it shows prints what it shows.</summary>
    [Fact]
    public void TheTutorialPrintsWhatItShows()
    {
        var session = MarkdownSession.Load(Tutorial);
        Assert.True(session.Commands.Count() >= 8, "the tutorial's console blocks were not found");
        var folder = Directory.CreateDirectory(Path.Combine(_temporary.Path, "estate")).FullName;
        var outcomes = session.Play(folder, "~/estate", args => Vdl(folder, args));
        Settle(session, outcomes);
    }

    /// <summary>docs/tutorial/ holds the model files as the tutorial leaves them, and nothing else.</summary>
    [Fact]
    public void TheTutorialFolderHoldsTheFilesTheTutorialWrites()
    {
        var written = MarkdownSession.Load(Tutorial).FinalFiles;
        Assert.NotEmpty(written);
        if (Update)
        {
            Directory.CreateDirectory(TutorialFiles);
            foreach (var stale in Directory.GetFiles(TutorialFiles, "*.vdl").Where(f => !written.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach (var (name, text) in written)
            {
                File.WriteAllText(Path.Combine(TutorialFiles, name), text, new UTF8Encoding(false));
            }

            return;
        }

        var onDisk = Directory.GetFiles(TutorialFiles, "*.vdl").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(written.Keys.Order(StringComparer.Ordinal), onDisk);
        foreach (var (name, text) in written)
        {
            Assert.True(File.ReadAllText(Path.Combine(TutorialFiles, name)).ReplaceLineEndings("\n") == text,
                $"docs/tutorial/{name} is not the file docs/tutorial.md writes; regenerate with {Regenerate}");
        }
    }

    /// <summary>
    /// What the tutorial's prose says of its results, held by ranges on the runs' JSON, so that a change of the simulator
    /// that makes the prose wrong fails here even though regenerating the outputs would pass.
    /// </summary>
    [Fact]
    public void TheTutorialsClaimsHold()
    {
        var estate = RunTutorialModel("estate.vdl");
        var consolidated = RunTutorialModel("consolidated.vdl");
        var failure = RunTutorialModel("consolidated.vdl", "--scenario", "esx-01-fails");

        // "The servers are 8 to 15 % busy on average ... even at their busiest they leave most of the machine unused."
        Assert.All(Hosts(estate), h => Assert.InRange(h.GetProperty("utilization").GetProperty("mean").GetDouble(), 0.08, 0.15));
        Assert.All(Hosts(estate), h => Assert.True(h.GetProperty("utilization").GetProperty("max").GetDouble() < 0.5));

        // "Two instead of five ... for the same five application instances"; "still far from full at their 95th percentile".
        Assert.Equal((2, 5), (consolidated.GetProperty("consolidation").GetProperty("hostsUsed").GetInt32(),
            consolidated.GetProperty("consolidation").GetProperty("oneApplicationPerServerHosts").GetInt32()));
        Assert.True(Hosts(consolidated).Min(MeanUtilization) > Hosts(estate).Max(MeanUtilization), "the consolidated hosts are busier");
        Assert.All(Hosts(consolidated), h => Assert.True(h.GetProperty("utilization").GetProperty("p95").GetDouble() < 0.7));

        // "Two busier machines draw much less than five idle ones."
        Assert.True(Energy(consolidated) < 0.7 * Energy(estate), $"{Energy(consolidated)} kWh against {Energy(estate)} kWh");

        // "A small slowdown ... the file server pays most"; "demand served: still all of it".
        var slowdowns = Applications(consolidated).ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("meanSlowdown").GetDouble());
        Assert.All(slowdowns.Values, s => Assert.InRange(s, 1.0, 1.15));
        Assert.Equal("files", slowdowns.MaxBy(p => p.Value).Key);
        Assert.All(Applications(consolidated), a => Assert.True(a.GetProperty("demandSatisfied").GetDouble() >= 0.999));

        // "mail and files ... were down for the four hours. payroll ... stayed available."
        var downtime = Applications(failure).ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("downtimeMinutes").GetDouble());
        Assert.Equal(240, downtime["mail"]);
        Assert.Equal(240, downtime["files"]);
        Assert.Equal(0, downtime["payroll"]);
    }

    /// <summary>
    /// The README's console blocks (the diagnostic sample among them) run in the repository itself, as a reader who has
    /// just cloned it would: they only read files.
    /// </summary>
    [Fact]
    public void TheReadmePrintsWhatItShows()
    {
        var session = MarkdownSession.Load(Readme);
        Assert.NotEmpty(session.Commands);
        Assert.DoesNotContain(session.Steps, s => s is not MarkdownSession.Command); // nothing may write into the repository
        var outcomes = session.Play(RepositoryPaths.Root, RepositoryPaths.Root, args => Vdl(RepositoryPaths.Root, args));
        Settle(session, outcomes);
    }

    /// <summary>
    /// Every `dotnet run --project src/Cli -- ...` line of the README runs as written from the repository's root (here in a
    /// copy of its examples and calibration models, since some lines write files) and exits 0; 1 only where it checks a
    /// model of examples/broken, whose point is its error.
    /// </summary>
    [Fact]
    public void EveryCommandLineOfTheReadmeRuns()
    {
        var commandLines = File.ReadAllLines(Readme).Select(l => ReadmeCommandLine().Match(l)).Where(m => m.Success)
            .Select(m => m.Groups["arguments"].Value.Trim()).ToList();
        Assert.True(commandLines.Count >= 10, "the README's command lines were not found");

        var root = Directory.CreateDirectory(Path.Combine(_temporary.Path, "repository")).FullName;
        CopyFolder(RepositoryPaths.Examples, Path.Combine(root, "examples"));
        CopyFolder(Path.Combine(RepositoryPaths.Root, "calibration"), Path.Combine(root, "calibration"));
        var failures = new StringBuilder();
        foreach (var commandLine in commandLines)
        {
            // The shell's part: a redirection ends the arguments, and a pattern names the files it matches.
            var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w != ">")
                .SelectMany(w => w.Contains('*', StringComparison.Ordinal) ? Matching(root, w) : [w]).ToList();
            var result = Vdl(root, words);
            var expectedExit = commandLine.Contains("examples/broken/", StringComparison.Ordinal) ? 1 : 0;
            if (result.ExitCode != expectedExit)
            {
                failures.Append($"`vdl {commandLine}` exited {result.ExitCode}, not {expectedExit}:\n{result.Error}\n");
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>The session fails on a page whose output is not the tool's, and an edit must find its lines.</summary>
    [Fact]
    public void APageThatShowsOtherOutputOrAnEditThatMissesItsLinesFails()
    {
        var page = _temporary.Write("page.md",
            "Write it:\n\n```vdl m.vdl\nos rhel8 {\n  family = linux\n}\n```\n\n" +
            "```console\n$ vdl check m.vdl\n1 file checked: 0 errors, 7 warnings\n\n$ vdl check m.vdl --format msbuild\n```\n\n" +
            "```diff m.vdl\n-  family = windows\n+  family = bsd\n```\n");
        var session = MarkdownSession.Load(page);
        var folder = Directory.CreateDirectory(Path.Combine(_temporary.Path, "play")).FullName;
        var error = Assert.Throws<InvalidOperationException>(() => session.Play(folder, "~", args => Vdl(folder, args)));
        Assert.Contains("found 0 times in m.vdl", error.Message, StringComparison.Ordinal);

        var commands = session.Commands.ToList();
        Assert.Equal(["check", "m.vdl"], commands[0].Arguments);
        var check = Vdl(folder, commands[0].Arguments);
        var outcome = new MarkdownSession.Outcome(commands[0], MarkdownSession.Displayed(check.Output + check.Error));
        Assert.False(outcome.Matches);
        Assert.Contains("0 errors, 0 warnings", outcome.Actual, StringComparison.Ordinal);

        // The rewritten page shows the tool's output and keeps the blank line before the next command.
        var rewritten = session.Rewritten([outcome]);
        Assert.Contains($"$ vdl check m.vdl\n{outcome.Actual}\n\n$ vdl check m.vdl --format msbuild\n", rewritten, StringComparison.Ordinal);
        Assert.True(new MarkdownSession.Outcome(commands[0] with { Expected = outcome.Actual }, outcome.Actual).Matches);
    }

    /// <summary>Output with a block of its own (a page of `vdl explain`) needs a longer fence, or it would end the page's block.</summary>
    [Fact]
    public void OutputThatWouldCloseItsBlockIsRefused()
    {
        var page = _temporary.Write("explain.md", "```console\n$ vdl explain VDL0011\n```\n");
        var error = Assert.Throws<InvalidOperationException>(() => MarkdownSession.Load(page).Play(_temporary.Path, "~", args => Vdl(_temporary.Path, args)));
        Assert.Contains("open the block with more backticks", error.Message, StringComparison.Ordinal);

        var longer = _temporary.Write("explain-longer.md", "````console\n$ vdl explain VDL0011\n````\n");
        var outcome = Assert.Single(MarkdownSession.Load(longer).Play(_temporary.Path, "~", args => Vdl(_temporary.Path, args)));
        Assert.StartsWith("# VDL0011: Unknown unit", outcome.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheTimeOfACompileMayDiffer()
    {
        Assert.Equal(
            MarkdownSession.Comparable("Generated C# compiled in 11.18 s.\nScenario `a`"),
            MarkdownSession.Comparable("Generated C# compiled in 0.9 s.  \r\nScenario `a`\n\n"));
        Assert.NotEqual(MarkdownSession.Comparable("Energy 11.18 kWh."), MarkdownSession.Comparable("Energy 0.9 kWh."));
    }

    /// <summary>In update mode, rewrites the page where the tool printed something else; otherwise fails listing each difference.</summary>
    private static void Settle(MarkdownSession session, IReadOnlyList<MarkdownSession.Outcome> outcomes)
    {
        var differences = outcomes.Where(o => !o.Matches).ToList();
        if (Update)
        {
            if (differences.Count > 0)
            {
                File.WriteAllText(session.Path, session.Rewritten(outcomes), new UTF8Encoding(false));
            }

            return;
        }

        var report = new StringBuilder();
        foreach (var difference in differences)
        {
            report.Append($"{Path.GetRelativePath(RepositoryPaths.Root, session.Path)}:{difference.Command.Line}: `$ {difference.Command.Text}` printed\n")
                .Append(Indented(difference.Actual))
                .Append("but the page shows\n")
                .Append(Indented(difference.Command.Expected));
        }

        Assert.True(differences.Count == 0, $"{report}Regenerate with {Regenerate} and review the diff.");
    }

    private JsonElement RunTutorialModel(string model, params string[] options)
    {
        var json = Path.Combine(_temporary.Path, $"{model}-{options.Length}.json");
        var result = Vdl(TutorialFiles, ["run", model, "--json", json, .. options]);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        return document.RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Hosts(JsonElement run) => run.GetProperty("hosts").EnumerateArray();

    private static IEnumerable<JsonElement> Applications(JsonElement run) => run.GetProperty("applications").EnumerateArray();

    private static double MeanUtilization(JsonElement host) => host.GetProperty("utilization").GetProperty("mean").GetDouble();

    private static double Energy(JsonElement run) => Hosts(run).Sum(h => h.GetProperty("energyKilowattHours").GetDouble());

    private static IEnumerable<string> Matching(string root, string pattern) =>
        Directory.GetFiles(Path.Combine(root, Path.GetDirectoryName(pattern)!), Path.GetFileName(pattern))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^dotnet run --project src/Cli --(?<arguments>[^#]*)")]
    private static partial Regex ReadmeCommandLine();

    private static string Indented(string text) => string.Concat(text.Split('\n').Select(l => "    " + l + "\n"));

    /// <summary>The real `vdl` in <paramref name="folder"/>, with its compiled models cached outside it.</summary>
    private ChildProcess.Result Vdl(string folder, IReadOnlyList<string> args) =>
        ChildProcess.Run(ChildProcess.Dotnet, folder, [Path.Combine(AppContext.BaseDirectory, "vdl.dll"), .. args],
            info => info.Environment["VDL_CACHE_DIR"] = Path.Combine(_temporary.Path, ".vdl-cache"));
}
