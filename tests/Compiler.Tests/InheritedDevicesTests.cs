using VirtLang.Compiler.Sources;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// Hosts that declare no disks or NICs of their own and read the same hardware share one list of its devices (issue
/// 18: made once, not once per host); a host that declares its own gets its own merge, and the next host is not
/// given it.
/// </summary>
public sealed class InheritedDevicesTests
{
    private const string Model = """
        hardware r740 {
          memory = 64GiB
          disk d0 {
            capacity = 1TB
            driver   = "nvme"
          }
          nic eth0 {
            speed = 10Gbps
          }
        }

        host a : r740 {
        }

        host b : r740 {
        }

        host c : r740 {
          disk d1 {
            capacity = 2TB
          }
        }

        host d : r740 {
          disk d0 {
            capacity = 3TB
          }
        }

        host e : r740 {
        }
        """;

    [Fact]
    public void HostsOfTheSameHardwareWithoutDevicesOfTheirOwnShareItsDevicesAndTheOthersMergeTheirOwn()
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["dc.vdl"] = Model });
        provider.TryRead("dc.vdl", out var root, out _);
        var hosts = ModelCompilation.Create([root!], provider).SemanticModel.Hosts.ToDictionary(h => h.Name);

        static string Disks(Symbols.HostSymbol host) => string.Join(", ", host.Disks.Select(d => $"{d.Name} {d.CapacityBytes:0} {d.Driver}"));

        Assert.Same(hosts["a"].Disks, hosts["b"].Disks);
        Assert.Same(hosts["a"].Nics, hosts["b"].Nics);
        Assert.Equal("d0 1000000000000 nvme", Disks(hosts["a"]));
        Assert.Equal("d0 1000000000000 nvme, d1 2000000000000 ", Disks(hosts["c"]));
        Assert.Equal("d0 3000000000000 nvme", Disks(hosts["d"])); // its own d0 over the base's: the driver is inherited
        Assert.Equal("d0 1000000000000 nvme", Disks(hosts["e"]));
        Assert.Equal(hosts["a"].Disks, hosts["e"].Disks);
        Assert.Equal("eth0", Assert.Single(hosts["d"].Nics).Name);
    }
}
