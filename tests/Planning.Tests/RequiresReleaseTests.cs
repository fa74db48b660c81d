using System.Globalization;

namespace VirtLang.Planning.Tests;

/// <summary>
/// <c>requires { version, kernel }</c> as constraints of the plan: in a VM the planner picks the first certified OS
/// whose release and kernel meet them; on the host's OS (kinds none and os_level) the pool's OS must meet them, or
/// the application cannot run there, said in the model's terms.
/// </summary>
public sealed class RequiresReleaseTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Model(string requires, string kind, string poolOs = "rhel8") => string.Create(CultureInfo.InvariantCulture, $$"""
        os rhel8 {
          family  = linux
          version = "8.9"
          kernel  = "4.18.0"
        }

        os rhel9 {
          family  = linux
          version = "9.4"
          kernel  = "5.14.0"
        }

        hardware box {
          cpu {
            cores = 16
          }
          memory = 64GiB
        }

        app ledger {
          requires {
            os = [rhel8, rhel9]
            {{requires}}
          }
          demand {
            cpu     = 2
            memory  = 4GiB
            profile = constant(50%)
          }
        }

        pool rack {
          hardware = box
          count    = 2
          os       = {{poolOs}}
          patch    = "2024.06"
          hypervisor {
            kind = {{kind}}
          }
        }

        plan p {
          target = 70%
        }
        """);

    [Theory]
    [InlineData("version = \">= 9.0\"")]
    [InlineData("kernel = \">= 5.0\"")]
    public void InAVmThePlannerPicksTheCertifiedOsThatMeetsThem(string requires)
    {
        var (result, placed) = _harness.Plan(Model(requires, "bare_metal"));

        Assert.Equal("rhel9", Assert.Single(Assert.Single(result.Hosts).Instances).GuestOs?.Name);
        Assert.Matches(@"vm ledger-1 \{\s+os\s+= rhel9\s", placed);
    }

    [Fact]
    public void WithoutThemTheFirstCertifiedOsStays()
    {
        var (result, _) = _harness.Plan(Model(string.Empty, "bare_metal"));

        Assert.Equal("rhel8", Assert.Single(Assert.Single(result.Hosts).Instances).GuestOs?.Name);
    }

    [Theory]
    [InlineData("version = \">= 9.0\"", "OS version \">= 9.0\" (`rhel8` is at \"8.9\")")]
    [InlineData("kernel = \">= 5.0\"", "kernel \">= 5.0\" (`rhel8` has \"4.18.0\")")]
    public void OnTheHostsOsThePoolsOsMustMeetThem(string requires, string why)
    {
        var diagnostic = Assert.Single(_harness.PlanDiagnostics(Model(requires, "none")));

        Assert.Equal("VDL7002", diagnostic.Code);
        Assert.Contains(why, diagnostic.Message, StringComparison.Ordinal);
        Assert.Single(Assert.Single(_harness.Plan(Model(requires, "none", poolOs: "rhel9")).Result.Hosts).Instances); // the pool on rhel9 runs it
    }
}
