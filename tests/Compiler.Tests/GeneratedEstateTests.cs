using System.Globalization;
using System.Text;
using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Lowering;
using VirtLang.Compiler.Sources;
using VirtLang.Runtime.Engine;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// A generated estate of some thousand guests (every kind of profile, copies of hosts and guests, containers, sites, an
/// HA cluster, random failures) built by its generated assembly simulates to the fingerprint the generated code gave
/// before the topology became data: the number below was computed through the old path (one C# method per host) and
/// committed before the change.
/// </summary>
public sealed class GeneratedEstateTests
{
    /// <summary>Simulator.Run(...).Fingerprint of <see cref="Estate"/>'s first scenario, through the generated assembly.</summary>
    private const string Fingerprint = "552ce242f87befa2";

    internal static string Estate(int racks)
    {
        var text = new StringBuilder("""
            site fra {
              location = "Frankfurt \"A\""
            }
            site ams {}
            os rhel9 {
              family  = linux
              version = "9.4"
              failures {
                mtbf = 20d
                mttr = 5m
              }
            }
            os sol {
              family = solaris
            }
            hardware r650 {
              cpu {
                sockets  = 2
                cores    = 8
                threads  = 2
                clock    = 2.8GHz
                features = [vtx, ept]
              }
              memory = 256GiB
              disk nvme0 {
                capacity   = 3.2TB
                iops       = 500_000
                throughput = 3GB/s
                driver     = "nvme"
              }
              nic eth0 {
                speed = 25Gbps
              }
              failures {
                mtbf = 60d
                mttr = 8h
              }
            }
            app shop {
              requires {
                os    = [rhel9]
                patch = ">= 2024.01, < 2025"
              }
              replicas = 2
              rto      = 15m
              demand {
                cpu      = 2
                memory   = 4GiB
                io       = moderate
                syscalls = 20000
                profile  = diurnal(peak = 80%, base = 20%)
              }
            }
            app orders {
              demand {
                cpu     = 1.5
                memory  = 8GiB
                io      = heavy
                profile = constant(50%)
              }
              failures {
                mtbf         = 10d
                mttr         = 10m
                distribution = weibull
                shape        = 1.5
              }
            }
            app reports {
              demand {
                cpu     = 1
                memory  = 2GiB
                profile = weekly(weekday = 60%, weekend = 10%)
              }
            }
            app search {
              isolation = container
              demand {
                cpu     = 2
                memory  = 4GiB
                profile = spiky(base = 15%, peak = 95%, every = 2h, lasts = 10m)
              }
            }

            """);
        for (var r = 0; r < racks; r++)
        {
            var site = r % 2 == 0 ? "fra" : "ams";
            text.Append(CultureInfo.InvariantCulture, $$"""
                host vm-{{r:D3}} : r650 {
                  site = {{site}}
                  hypervisor {
                    kind    = bare_metal
                    drivers = ["nvme"]
                    overhead {
                      cpu = 1.0{{r % 7}}
                    }
                  }
                  vm shop-{{r:D3}} {
                    os               = rhel9
                    patch            = "2024.0{{1 + (r % 9)}}"
                    vcpus            = 4
                    memory           = 8GiB
                    runs             = [shop]
                    restart_priority = high
                    count            = {{1 + (r % 4)}}
                  }
                  vm back-{{r:D3}} {
                    os     = rhel9
                    vcpus  = 2
                    memory = 16GiB
                    runs   = [orders, reports]
                    count  = 3
                  }
                }
                host zone-{{r:D3}} : r650 {
                  site  = {{site}}
                  os    = sol
                  patch = "2024.03"
                  hypervisor {
                    kind = os_level
                  }
                  container search-{{r:D3}} {
                    runs         = [search]
                    cpu_shares   = {{2 + (r % 3)}}
                    memory_limit = 8GiB
                    burst        = true
                    count        = 2
                  }
                }
                host spare-{{r:D3}} : r650 {
                  site  = {{site}}
                  count = 2
                }

                """);
        }

        text.Append("""
            cluster fra-prod {
              hosts = [vm-000, vm-002]
              policy {
                ha            = true
                restart_delay = 30s
              }
            }
            scenario days {
              duration = 2d
              step     = 15m
              seed     = 7
              at 6h..12h scale shop 150%
              at 1d fail vm-000 for 2h
              at 30h crash back-001-2
            }

            """);
        return text.ToString();
    }

    internal static ModelCompilation Check(string text)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["estate.vdl"] = text });
        provider.TryRead("estate.vdl", out var source, out _);
        return ModelCompilation.Create([source!], provider);
    }

    [Fact]
    public void AGeneratedEstateSimulatesToTheFingerprintOfTheOldGeneratedCode()
    {
        var compilation = Check(Estate(120));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics.Where(d => d.IsError)));
        var cache = Path.Combine(Path.GetTempPath(), "vdl-estate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var model = ModelHost.Load(compilation, cache);
            Assert.Equal(120 * 4, model.Topology.Hosts.Count);
            var fromCode = Simulator.Run(model.Topology, model.Scenarios[0]);
            var lowered = ModelLowering.Lower(compilation.SemanticModel);
            Assert.Equal(Simulator.Run(lowered.Topology, lowered.Scenarios[0]).Fingerprint, fromCode.Fingerprint);
            Assert.Equal(Fingerprint, fromCode.Fingerprint);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
