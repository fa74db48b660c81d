using System.Globalization;

namespace VirtLang.Planning.Tests;

/// <summary>
/// Paravirtual pools: every placed machine gets its privileged guest (the pool's OS, with the hardware's drivers,
/// room reserved for it), the guests run an OS with a paravirtual kernel; the placed model checks with no error or
/// warning and simulates with every application served. What cannot be placed says why in the model's terms.
/// </summary>
public sealed class ParavirtualPoolTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Model(string poolOs = "debian12", string webOs = "debian12") => string.Create(CultureInfo.InvariantCulture, $$"""
        os debian12 {
          family   = linux
          version  = "12.5"
          kernel   = "6.1.0"
          paravirt = true
          drivers  = ["nvme", "ixgbe"]
        }

        os rhel7 {
          family  = linux
          version = "7.9"
          drivers = ["nvme"]
        }

        hardware r740 {
          cpu {
            sockets  = 2
            cores    = 16
            threads  = 2
            features = [vtx, ept]
          }
          memory = 64GiB
          disk nvme0 {
            capacity   = 3.2TB
            iops       = 500_000
            throughput = 3GB/s
            driver     = "nvme"
          }
          nic eth0 {
            speed  = 10Gbps
            driver = "ixgbe"
          }
        }

        app web {
          requires {
            os = [{{webOs}}]
          }
          replicas = 2
          spread   = host
          demand {
            cpu     = 4
            memory  = 8GiB
            profile = diurnal(peak = 80%, base = 20%)
          }
        }

        app cache {
          requires {
            os = [debian12]
          }
          demand {
            cpu     = 2
            memory  = 20GiB
            profile = constant(30%)
          }
        }

        pool xen {
          hardware = r740
          count    = 4
          os       = {{poolOs}}
          patch    = "2024.06"
          hypervisor {
            kind         = paravirtual
            acceleration = hardware
          }
        }

        plan p {
          target = 70%
        }

        scenario day {
          duration = 1d
          step     = 15m
          seed     = 1
        }
        """);

    [Fact]
    public void EveryPlacedMachineHasItsPrivilegedGuestAndTheModelChecksAndRuns()
    {
        var (result, placed) = _harness.Plan(Model());

        Assert.Equal(2, result.Hosts.Count); // the two replicas of web apart
        Assert.Contains("vm xen-1-dom0 {", placed, StringComparison.Ordinal);
        Assert.Contains("vm xen-2-dom0 {", placed, StringComparison.Ordinal);
        Assert.Equal(2, placed.Split("privileged = true").Length - 1);
        var compilation = _harness.Compile(placed, "placed.vdl");
        Assert.Empty(compilation.Diagnostics.Where(d => d.IsError || d.Severity == Language.Diagnostics.DiagnosticSeverity.Warning).Select(d => d.ToString()));
        var run = _harness.Run(placed);
        Assert.All(run.Applications, a => Assert.True(a.DemandSatisfied >= 0.999, $"{a.Name} served {a.DemandSatisfied:P3}"));
    }

    [Fact]
    public void EachMachineKeepsRoomForItsPrivilegedGuest()
    {
        var paravirtual = Problem(Model()).Pools[0];
        var bareMetal = Problem(Model().Replace("kind         = paravirtual", "kind         = bare_metal", StringComparison.Ordinal)).Pools[0];

        var machine = paravirtual.Machine;
        Assert.True(paravirtual.MemoryCapacity <= machine.MemoryBytes - machine.Costs.ReservedMemoryBytes - PoolMachine.PrivilegedMemoryBytes);
        Assert.Equal(bareMetal.VcpuCapacity - PoolMachine.PrivilegedVcpus, paravirtual.VcpuCapacity);
    }

    [Theory]
    [InlineData("debian12", "rhel7", "VDL7002", "`paravirt = true`")] // web's only OS has no paravirtual kernel
    [InlineData("rhel7", "debian12", "VDL7001", "no driver \"ixgbe\" for nic `eth0`")] // the privileged guest's OS cannot drive the NIC
    public void WhatCannotBePlacedOnAParavirtualPoolSaysWhy(string poolOs, string webOs, string code, string why)
    {
        var diagnostics = _harness.PlanDiagnostics(Model(poolOs, webOs));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(why, diagnostic.Message, StringComparison.Ordinal);
    }

    private PlanningProblem Problem(string model)
    {
        var compilation = _harness.Compile(model);
        return PlanningProblem.Build(compilation.SemanticModel, compilation.SemanticModel.Plans[0], [])!;
    }
}
