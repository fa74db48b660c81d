using VirtLang.Compiler.Lowering;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Engine;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// Every scenario of every example, replayed from its event log alone: each host's and application's downtime and
/// outages, and every restart's "back up", must agree with the result tables (issue 16).
/// </summary>
public sealed class EventLogConsistencyTests
{
    public static TheoryData<string> Examples() => [.. Directory.GetFiles(RepositoryPaths.Examples, "*.vdl").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryScenariosLogAgreesWithItsTables(string example)
    {
        var compilation = ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, example)]);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        Assert.NotEmpty(lowered.Scenarios);
        foreach (var scenario in lowered.Scenarios)
        {
            var result = Simulator.Run(lowered.Topology, scenario);
            EventLogReplay.AssertConsistent(lowered.Topology, result, $"{example} {scenario.Name}");
        }
    }

    /// <summary>The model of the report: a host failed for good, then patched and crashed, is never logged back up.</summary>
    [Fact]
    public void AHostFailedForGoodThenPatchedAndCrashedStaysDownInTheLogAndTheTables()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl"));
        text = text[..text.IndexOf("scenario workday", StringComparison.Ordinal)] + """
            scenario failed-for-good {
              duration = 7d
              step     = 1m
              at 1d fail dev-box
              at 2d patch dev-box "2024.06"
              at 3d crash dev-box
              at 4d crash database
              at 5d patch builder "2024.06"
            }

            """;
        using var folder = new TemporaryDirectory("vdl-log-");
        var compilation = ModelCompilation.FromFiles([folder.Write("m.vdl", text)]);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var result = Simulator.Run(lowered.Topology, lowered.Scenarios[0]);

        Assert.Equal(["fail", "patch-skipped", "crash-skipped", "crash-skipped", "patch-skipped"], result.Events.Select(e => e.Kind));
        Assert.All(result.Events, e => Assert.DoesNotContain("back", e.Detail, StringComparison.Ordinal));
        Assert.Contains("dev-box is down since 1d: a patch needs it running; it stays at 2024.04", result.Events[1].Detail, StringComparison.Ordinal);
        Assert.Equal(6 * 24 * 60, result.Hosts[0].DowntimeMinutes, 9);
        Assert.All(result.Applications, a => Assert.Equal(6 * 24 * 60, a.DowntimeMinutes, 9));
        EventLogReplay.AssertConsistent(lowered.Topology, result, "failed-for-good");
    }
}
