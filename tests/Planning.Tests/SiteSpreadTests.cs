using System.Globalization;

namespace VirtLang.Planning.Tests;

/// <summary>
/// Replicas over sites: when the pools an application with two or more replicas may use stand in more than one site,
/// its replicas may not all stand in one (the checker's VDL4009), even where one machine of the first pool would hold
/// them all; an application of one replica stays where the first pool is.
/// </summary>
public sealed class SiteSpreadTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Model(string westSite, int westCount = 4) => string.Create(CultureInfo.InvariantCulture, $$"""
        os linux {
          family = linux
        }

        hardware box {
          cpu {
            cores = 32
          }
          memory = 128GiB
        }

        site east {}
        site west {}

        app web {
          replicas = 3
          requires {
            os = [linux]
          }
          demand {
            cpu     = 1
            memory  = 2GiB
            profile = constant(50%)
          }
        }

        app batch {
          requires {
            os = [linux]
          }
          demand {
            cpu     = 1
            memory  = 2GiB
            profile = constant(50%)
          }
        }

        pool east-rack {
          hardware = box
          count    = 4
          site     = east
          hypervisor {
            kind = bare_metal
          }
        }

        pool west-rack {
          hardware = box
          count    = {{westCount}}
          {{westSite}}
          hypervisor {
            kind = bare_metal
          }
        }

        plan dr {
          target  = 70%
          horizon = 1d
        }
        """);

    private static Dictionary<string, List<string>> PoolsOf(PlanResult result) =>
        result.Hosts.SelectMany(h => h.Instances.Select(i => (i.App.Name, Pool: h.Pool.Name)))
            .GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Select(p => p.Pool).ToList());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReplicasStandInMoreThanOneSiteWhenThePoolsDo(bool solver)
    {
        var (result, placed) = _harness.Plan(Model("site     = west"), new PlanOptions { UseSolver = solver, TimeLimit = TimeSpan.FromSeconds(10) });

        var pools = PoolsOf(result);
        Assert.Contains("west-rack", pools["web"]);
        Assert.Contains("east-rack", pools["web"]);
        Assert.Equal(["east-rack"], pools["batch"]);
        Assert.Equal(2, result.Hosts.Count); // one machine would hold everything: the site rule alone adds the second

        var check = _harness.Compile(placed, "placed.vdl");
        Assert.DoesNotContain(check.Diagnostics, d => d.Code == "VDL4009");
    }

    [Fact]
    public void WithThePoolsInOneSiteTheReplicasShareAMachine()
    {
        var (result, _) = _harness.Plan(Model("site     = east"));

        Assert.Single(result.Hosts);
        Assert.Equal(["east-rack", "east-rack", "east-rack"], PoolsOf(result)["web"]);
    }

    [Fact]
    public void APoolWithoutASiteCountsAsASiteOfItsOwn()
    {
        var (result, _) = _harness.Plan(Model(string.Empty));

        Assert.Contains("west-rack", PoolsOf(result)["web"]);
    }

    [Fact]
    public void WhenTheOtherSiteHasNoRoomLeftTheMessageSaysSo()
    {
        // West's one usable machine is taken by `legacy`, which only it can run (bsd); `web` may not keep both replicas east.
        const string text = """
            os linux {
              family = linux
            }

            os bsd {
              family = bsd
            }

            hardware box {
              cpu {
                cores = 32
              }
              memory = 128GiB
            }

            site east {}
            site west {}

            app web {
              replicas = 2
              requires {
                os = [linux]
              }
              demand {
                cpu     = 1
                memory  = 40GiB
                profile = constant(50%)
              }
            }

            app legacy {
              requires {
                os = [bsd]
              }
              demand {
                cpu     = 1
                memory  = 100GiB
                profile = constant(50%)
              }
            }

            pool east-rack {
              hardware = box
              count    = 4
              os       = linux
              site     = east
            }

            pool west-rack {
              hardware = box
              count    = 2
              site     = west
              hypervisor {
                kind = bare_metal
              }
            }

            plan dr {
              spare   = 1
              horizon = 1d
            }
            """;

        var diagnostic = Assert.Single(_harness.PlanDiagnostics(text));

        Assert.Equal("VDL7012", diagnostic.Code);
        Assert.Contains("cannot balance app `web` over its sites: at most 1 of its 2 replicas may stand in one site", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("site `west` (pool `west-rack`: 1 usable)", diagnostic.Message, StringComparison.Ordinal);
    }
}
