using System.Globalization;
using System.Text;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Planning.Tests;

/// <summary>
/// A tight plan: memory of 5, 4, 3, 3, 3 and 2 GiB on two machines that hold 10 GiB each (11 GiB less the 1 GiB the host OS keeps). First-fit-decreasing puts 5 and 4
/// together and then has no room for 2; the exact search finds 5 + 3 + 2 and 4 + 3 + 3. The planner must still plan
/// it, not report VDL7004.
/// </summary>
public sealed class TightPlanTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    internal static string Model(int machines)
    {
        var text = new StringBuilder("""
            os linux {
              family = linux
            }

            hardware box {
              cpu {
                cores = 64
              }
              memory = 11GiB
            }

            """);
        var sizes = new[] { 5, 4, 3, 3, 3, 2 };
        for (var i = 0; i < sizes.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"app a{i} {{\n  requires {{\n    os = [linux]\n  }}\n  demand {{\n    cpu     = 0.1\n    memory  = {sizes[i]}GiB\n    profile = constant(50%)\n  }}\n}}\n");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"pool rack {{\n  hardware = box\n  count    = {machines}\n  os       = linux\n}}\n");
        text.AppendLine("plan tight {\n  target  = 70%\n  horizon = 1d\n}");
        return text.ToString();
    }

    [Fact]
    public void APlanFirstFitDecreasingCannotPackIsFoundByTheExactSearch()
    {
        var compilation = _harness.Compile(Model(2));
        var problem = PlanningProblem.Build(compilation.SemanticModel, compilation.SemanticModel.Plans[0], [])!;
        Assert.Null(FirstFitDecreasing.Pack(problem, out _));
        Assert.Equal(2, OptimumTests.Exhaustive(problem)); // the instance is as intended: two machines do hold it

        var (result, placed) = _harness.Plan(Model(2));

        Assert.Equal(2, result.Hosts.Count);
        Assert.Null(result.FirstFitHosts);
        Assert.Equal(PlanStatus.Optimal, result.Status);
        var memory = result.Hosts.Select(h => h.Instances.Sum(i => int.Parse(i.App.Name[1..], CultureInfo.InvariantCulture) switch { 0 => 5, 1 => 4, 5 => 2, _ => 3 })).Order();
        Assert.Equal([10, 10], memory);
        Assert.Contains("host rack-2", placed, StringComparison.Ordinal);
    }

    [Fact]
    public void WithOneMachineTooFewItIsStillNotEnoughMachines()
    {
        var diagnostics = _harness.PlanDiagnostics(Model(1));

        Assert.Equal("VDL7004", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void WithoutTheSolverFirstFitDecreasingsFailureStands()
    {
        var compilation = _harness.Compile(Model(2));
        var diagnostics = new List<Diagnostic>();

        var result = Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new PlanOptions { UseSolver = false }, diagnostics);

        Assert.Null(result);
        Assert.Equal("VDL7004", Assert.Single(diagnostics).Code);
    }
}
