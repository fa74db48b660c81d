namespace VirtLang.Planning.Tests;

/// <summary><c>objective = energy</c> trades the pools' order for their watts; <c>hosts</c> keeps the first pool.</summary>
public sealed class EnergyObjectiveTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Model(string objective) => $$"""
        os linux {
          family = linux
        }

        hardware old-box {
          cpu {
            cores = 16
          }
          memory = 128GiB
          power {
            idle = 300W
            max  = 500W
          }
        }

        hardware new-box {
          cpu {
            cores = 16
          }
          memory = 128GiB
          power {
            idle = 80W
            max  = 200W
          }
        }

        app web {
          replicas = 2
          demand {
            cpu    = 2
            memory = 4GiB
          }
        }

        pool old {
          hardware = old-box
          count    = 4
          hypervisor {
            kind = bare_metal
          }
        }

        pool new {
          hardware = new-box
          count    = 4
          hypervisor {
            kind = bare_metal
          }
        }

        plan p {
          pools     = [old, new]
          objective = {{objective}}
        }
        """;

    [Fact]
    public void EnergyPicksTheFrugalPoolAndHostsKeepsTheFirst()
    {
        var byEnergy = _harness.Plan(Model("energy")).Result;
        var byHosts = _harness.Plan(Model("hosts")).Result;

        Assert.Equal("new-1", Assert.Single(byEnergy.Hosts).Name);
        Assert.Equal("old-1", Assert.Single(byHosts.Hosts).Name);
        Assert.True(byEnergy.EnergyKilowattHours < byHosts.EnergyKilowattHours / 2, $"{byEnergy.EnergyKilowattHours} kWh against {byHosts.EnergyKilowattHours}");
    }
}
