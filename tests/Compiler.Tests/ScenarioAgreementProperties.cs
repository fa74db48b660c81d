using System.Text;
using VirtLang.Compiler.Lowering;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// Issue 16's property: every model that checks without error runs without error. Scenarios are generated from
/// times, factors, durations and steps that include every edge the checker knows (zero, a tick, the 100-year bound
/// and just past it, 64-bit overflow, reversed ranges, events past the end); a model that checks clean and then
/// throws, of any kind, fails the test with its text. Seeded, so a failure can be replayed.
/// </summary>
public sealed class ScenarioAgreementProperties : IDisposable
{
    private static readonly string[] Durations = ["30s", "1h", "6h", "1d", "7d", "36500d", "36501d", "0s", "0.0001ms", "100000000000000000000000000d"];
    private static readonly string?[] Steps = [null, null, "0s", "1ms", "0.0001ms", "1s", "1m", "10m", "1h", "2d"];
    private static readonly string[] Times = ["0", "1ms", "30m", "1h", "12h", "1d", "3d", "7d", "36500d", "36501d", "4294967296h", "0.0000001s"];
    private static readonly string[] Factors = ["0%", "0.0001%", "1%", "50%", "300%", "100000%", "100001%", "1000000000000000000000%"];
    private static readonly string[] Lasting = ["0s", "0.0001ms", "1ms", "1m", "2h", "1d", "36500d", "36501d", "4294967296h"];

    private readonly TemporaryDirectory _folder = new("vdl-agreement-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryModelThatChecksWithoutErrorRunsWithoutError()
    {
        var random = new Random(16);
        var topology = ScenarioValidationTests.Topology();
        var clean = 0;
        for (var i = 0; i < 200; i++)
        {
            var text = topology + Scenario(random);
            var path = _folder.Write($"m{i}.vdl", text);
            var compilation = ModelCompilation.FromFiles([path]);
            Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "VDL9001");
            if (compilation.HasErrors)
            {
                continue;
            }

            clean++;
            try
            {
                var lowered = ModelLowering.Lower(compilation.SemanticModel);
                var scenario = lowered.Scenarios[0];
                ScenarioRuns.RunOrStart(lowered.Topology, scenario, fullRunSteps: 2_000);
            }
            catch (Exception e)
            {
                Assert.Fail($"this model checks without error but its run threw {e.GetType().Name}: {e.Message}\n{text[topology.Length..]}");
            }
        }

        // The generator must reach both sides of the checker, or the property says nothing.
        Assert.InRange(clean, 20, 180);
    }

    private static string Scenario(Random random)
    {
        var text = new StringBuilder("scenario s {\n");
        text.Append($"  duration = {Pick(random, Durations)}\n");
        if (Pick(random, Steps) is { } step)
        {
            text.Append($"  step = {step}\n");
        }

        var statements = random.Next(0, 5);
        for (var i = 0; i < statements; i++)
        {
            var at = Pick(random, Times);
            var range = random.Next(4) == 0 ? $"..{Pick(random, Times)}" : string.Empty;
            var lasts = range.Length == 0 && random.Next(2) == 0 ? $" for {Pick(random, Lasting)}" : string.Empty;
            var action = random.Next(7) switch
            {
                0 or 1 => $"scale build-farm {Pick(random, Factors)}{lasts}",
                2 => $"fail dev-box{lasts}",
                3 => "crash database",
                4 => "crash dev-box",
                5 => "migrate builder to dev-box",
                _ => random.Next(2) == 0 ? "patch database \"2024.06\"" : "patch dev-box \"2024.06\"",
            };
            range = action.StartsWith("scale", StringComparison.Ordinal) || action.StartsWith("fail", StringComparison.Ordinal) ? range : string.Empty;
            text.Append($"  at {at}{range} {action}\n");
        }

        return text.Append("}\n").ToString();
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
