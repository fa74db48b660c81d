using System.Globalization;
using System.Text;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Planning.Tests;

/// <summary>
/// Pools that join a cluster (<c>pool { cluster = NAME }</c>): their machines are sized by the cluster's policy
/// (cpu_overcommit, memory_overcommit under an HA reserve), an HA cluster's placed hosts keep its admission reserve
/// free so that the checker's VDL4007 and VDL4008 hold and a failed placed host's guests restart and are served, and
/// a plan the reserve makes impossible says so (VDL7008).
/// </summary>
public sealed class ClusterPlanTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>
    /// <paramref name="apps"/> applications on a bare-metal pool of 16-core, 64 GiB machines that joins cluster
    /// <c>prod</c> with <paramref name="policy"/>; <paramref name="scenario"/> is the first scenario's body.
    /// </summary>
    private static string Model(int apps, double cpu, string memory, string policy, int count = 12, string profile = "constant(100%)", string scenario = "duration = 1d\n  step = 15m\n  seed = 1")
    {
        var text = new StringBuilder();
        text.AppendLine("os linux {\n  family  = linux\n  version = \"9.2\"\n}\n");
        text.AppendLine("hardware box {\n  cpu {\n    sockets = 1\n    cores   = 16\n    features = [vtx, ept]\n  }\n  memory = 64GiB\n}\n");
        for (var a = 0; a < apps; a++)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"app a{a} {{\n  requires {{\n    os = [linux]\n  }}\n  demand {{\n    cpu     = {cpu}\n    memory  = {memory}\n    profile = {profile}\n  }}\n}}\n");
        }

        text.AppendLine("// The production cluster: its policy sizes the machines the plan adds.");
        text.AppendLine(CultureInfo.InvariantCulture, $"cluster prod {{\n  policy {{\n    {policy}\n  }}\n}}\n");
        text.AppendLine(CultureInfo.InvariantCulture, $"pool rack {{\n  hardware = box\n  count    = {count}\n  os       = linux\n  cluster  = prod\n  hypervisor {{\n    kind = bare_metal\n    acceleration = hardware\n  }}\n}}\n");
        text.AppendLine("plan p {\n  target = 70%\n}\n");
        text.AppendLine(CultureInfo.InvariantCulture, $"scenario s {{\n  {scenario}\n}}");
        return text.ToString();
    }

    private List<Diagnostic> Warnings(string placed) =>
        [.. _harness.Compile(placed, "placed.vdl").Diagnostics.Where(d => d.IsError || d.Severity == DiagnosticSeverity.Warning)];

    [Fact]
    public void CpuOvercommitTwoPacksFewerVcpusPerHostThanTheDefault()
    {
        // Forty small VMs of one vCPU each: their CPU fits one machine, their vCPUs 64 (16 × 4.0) but not 32 (16 × 2.0).
        var (byDefault, _) = _harness.Plan(Model(40, 0.25, "256MiB", "memory_overcommit = 1.0"));
        var (twice, placed) = _harness.Plan(Model(40, 0.25, "256MiB", "cpu_overcommit = 2.0"));

        Assert.Single(byDefault.Hosts);
        Assert.Equal(40, byDefault.Hosts[0].Instances.Sum(i => i.Vcpus));
        Assert.Equal(2, twice.Hosts.Count);
        Assert.All(twice.Hosts, h => Assert.InRange(h.Instances.Sum(i => i.Vcpus), 1, 32));
        Assert.Contains("hosts = [rack-1, rack-2]", placed, StringComparison.Ordinal);
        Assert.Contains("// The production cluster: its policy sizes the machines the plan adds.", placed, StringComparison.Ordinal);
        Assert.Empty(Warnings(placed).Select(d => d.ToString()));
    }

    [Fact]
    public void MemoryOvercommitPacksMoreMemoryUnderTheHaReserveAndNeverPastTheMemoryItself()
    {
        // Sixteen VMs of 7 GiB: eight fill a 64 GiB machine. Keeping half free (admission_reserve = 50%) halves that
        // at memory_overcommit 1.0; at 2.0 half of 128 GiB is the whole machine again.
        var (one, _) = _harness.Plan(Model(16, 0.25, "7GiB", "ha = true\n    admission_reserve = 50%"));
        var (two, placed) = _harness.Plan(Model(16, 0.25, "7GiB", "ha = true\n    admission_reserve = 50%\n    memory_overcommit = 2.0"));
        Assert.True(two.Hosts.Count < one.Hosts.Count, $"{two.Hosts.Count} hosts at memory_overcommit 2.0 against {one.Hosts.Count} at 1.0");
        Assert.DoesNotContain(Warnings(placed), d => d.Code is "VDL4007" or "VDL4008" or "VDL2001" or "VDL2007");

        // Without a reserve the overcommit adds nothing: the planner's VMs use all their memory, so more would swap.
        var (plain, _) = _harness.Plan(Model(16, 0.25, "7GiB", "memory_overcommit = 1.0"));
        var (overcommitted, swapFree) = _harness.Plan(Model(16, 0.25, "7GiB", "memory_overcommit = 2.0"));
        Assert.Equal(plain.Hosts.Count, overcommitted.Hosts.Count);
        Assert.DoesNotContain(Warnings(swapFree), d => d.Code == "VDL2007");
    }

    [Fact]
    public void AnHaClustersPlacedModelChecksAndKeepsTheReserveOfOneHost()
    {
        var (result, placed) = _harness.Plan(Model(24, 1.5, "6GiB", "ha = true", profile: "diurnal(peak = 90%, base = 20%)"));

        var hosts = result.Hosts.Count;
        Assert.True(hosts >= 3, $"{hosts} hosts");
        Assert.Empty(Warnings(placed).Select(d => d.ToString()));
        Assert.Contains($"hosts = [{string.Join(", ", result.Hosts.Select(h => h.Name))}]", placed, StringComparison.Ordinal);
        // One host's share of memory and of vCPUs stays free across the cluster.
        var memory = result.Hosts.Sum(h => h.Instances.Sum(i => (double)i.VmMemoryBytes));
        Assert.True(memory <= (1 - (1.0 / hosts)) * hosts * (64.0 * (1L << 30)), $"{memory} bytes held on {hosts} hosts");
        var vcpus = result.Hosts.Sum(h => h.Instances.Sum(i => i.Vcpus));
        Assert.True(vcpus <= (1 - (1.0 / hosts)) * hosts * 16 * 4, $"{vcpus} vCPUs on {hosts} hosts");
    }

    [Fact]
    public void AFailedPlacedHostsGuestsRestartAndEveryApplicationIsServed()
    {
        var model = Model(12, 2, "8GiB", "ha = true", profile: "diurnal(peak = 90%, base = 30%)", scenario: "duration = 1d\n  step = 1m\n  seed = 1");
        var (result, placed) = _harness.Plan(model);
        var guests = result.Hosts[0].Instances.Count;
        Assert.True(guests > 0);

        // The input has no rack-1 to fail: the scenario of the placed model fails it at noon, for good.
        var run = _harness.Run(System.Text.RegularExpressions.Regex.Replace(placed, @"seed\s*= 1", "$0\n  at 12h fail rack-1"));
        Assert.Equal(guests, run.Events.Count(e => e.Kind == "ha-restart"));
        Assert.DoesNotContain(run.Events, e => e.Kind == "ha-failed");
        Assert.All(run.Applications, a => Assert.True(a.DemandSatisfied >= 0.99, $"{a.Name} served {a.DemandSatisfied:P3}"));
    }

    [Fact]
    public void APlanThatFitsOneMachineGetsAStandbyToRestartOn()
    {
        var (result, placed) = _harness.Plan(Model(2, 1, "4GiB", "ha = true"));

        Assert.Equal(["rack-1", "rack-2"], result.Hosts.Select(h => h.Name));
        Assert.Empty(result.Hosts[1].Instances);
        Assert.Empty(Warnings(placed).Select(d => d.ToString()));
    }

    [Fact]
    public void APlanTheReserveMakesImpossibleSaysSoInTheModelsTerms()
    {
        // Two machines hold the twelve 8 GiB VMs, but not while each keeps half of itself free.
        var diagnostics = _harness.PlanDiagnostics(Model(12, 0.25, "8GiB", "ha = true", count: 2));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("VDL7008", diagnostic.Code);
        Assert.Contains("cluster `prod`", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("50% free (one host's share)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameClusterModelPlansToTheSameBytes()
    {
        var model = Model(24, 1.5, "6GiB", "ha = true", profile: "diurnal(peak = 90%, base = 20%)");
        Assert.Equal(_harness.Plan(model).Placed, _harness.Plan(model).Placed);
    }

    public static TheoryData<int, string> Instances()
    {
        var data = new TheoryData<int, string>();
        for (var seed = 21; seed <= 26; seed++)
        {
            data.Add(seed, RandomInstances.Kinds[seed % RandomInstances.Kinds.Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void EveryPlacedModelWithAClusterChecksWithNoError(int seed, string kind)
    {
        // Random applications on a pool that joins an HA cluster (a written host of its own beside it on even seeds).
        var random = new Random(seed);
        var policy = $"ha = true\n    cpu_overcommit = {1 + random.Next(4)}.0\n    memory_overcommit = {1 + (random.Next(3) * 0.5):0.0}";
        var written = seed % 2 == 0 ? "host old : box {\n" + (kind == "bare_metal" ? string.Empty : "  os = linux\n") + "  hypervisor {\n    kind = " + kind + "\n  }\n}\n\n" : string.Empty;
        var model = RandomInstances.Model(seed, apps: 10, kind, machines: 20)
            .Replace("pool rack {", written + $"cluster prod {{\n  {(written.Length > 0 ? "hosts = [old]\n  " : string.Empty)}policy {{\n    {policy}\n  }}\n}}\n\npool rack {{\n  cluster = prod", StringComparison.Ordinal);

        var (result, placed) = _harness.Plan(model);

        var diagnostics = Warnings(placed);
        Assert.Empty(diagnostics.Where(d => d.IsError || d.Code is "VDL4007" or "VDL4008").Select(d => d.ToString()));
        Assert.Contains("hosts = [" + (written.Length > 0 ? "old, " : string.Empty) + string.Join(", ", result.Hosts.Select(h => h.Name)) + "]", placed, StringComparison.Ordinal);
    }
}
