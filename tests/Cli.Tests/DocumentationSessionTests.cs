using System.Text;

namespace VirtLang.Cli.Tests;

/// <summary>
/// docs/tutorial.md shows `vdl` commands and what they print (see <see cref="MarkdownSession"/> for the
/// blocks they are written in); these tests run the commands with the real tool and fail when it prints anything else.
/// When the tool's output changes on purpose, regenerate the pages' outputs and docs/tutorial/*.vdl with
/// <code>VDL_UPDATE_BASELINES=1 dotnet test tests/Cli.Tests -c Release --filter FullyQualifiedName~DocumentationSessionTests</code>
/// then review `git diff`: the prose around an output may have to change with it.
/// </summary>
public sealed class DocumentationSessionTests : IDisposable
{
    private const string Regenerate =
        "VDL_UPDATE_BASELINES=1 dotnet test tests/Cli.Tests -c Release --filter FullyQualifiedName~DocumentationSessionTests";

    private static readonly bool Update = Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1";

    private static readonly string Tutorial = Path.Combine(RepositoryPaths.Root, "docs", "tutorial.md");

    private static readonly string TutorialFiles = Path.Combine(RepositoryPaths.Root, "docs", "tutorial");

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

    private static string Indented(string text) => string.Concat(text.Split('\n').Select(l => "    " + l + "\n"));

    /// <summary>The real `vdl` in <paramref name="folder"/>, with its compiled models cached outside it.</summary>
    private ChildProcess.Result Vdl(string folder, IReadOnlyList<string> args) =>
        ChildProcess.Run(ChildProcess.Dotnet, folder, [Path.Combine(AppContext.BaseDirectory, "vdl.dll"), .. args],
            info => info.Environment["VDL_CACHE_DIR"] = Path.Combine(_temporary.Path, ".vdl-cache"));
}
