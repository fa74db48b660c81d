using System.Globalization;
using System.Text;

namespace VirtLang.Benchmarks;

/// <summary>
/// Generates realistic models of any size: a catalog, then hosts with hypervisors and guests, comments and blank
/// lines in the proportions of the examples. Deterministic for a given size.
/// </summary>
public static class ModelGenerator
{
    public static string Generate(int hosts, int guestsPerHost)
    {
        var sb = new StringBuilder();
        sb.Append("""
            // A generated datacenter.
            os rhel8 {
              family   = linux
              version  = "8.6"
              kernel   = "4.18.0"
              paravirt = true
              drivers  = ["nvme", "mlx5", "ixgbe"]
            }

            hardware r740 {
              cpu {
                sockets  = 2
                cores    = 16 // per socket
                threads  = 2
                clock    = 2.6GHz
                features = [vtx, ept]
              }
              memory = 384GiB
              disk nvme0 {
                capacity   = 3.2TB
                iops       = 500_000
                throughput = 3GB/s
                driver     = "nvme"
              }
              power {
                idle = 110W
                max  = 450W
              }
            }

            app web {
              requires {
                os    = [rhel8]
                patch = ">= 2024.03"
              }
              isolation = vm
              demand {
                cpu     = 2
                memory  = 4GiB
                io      = light
                profile = diurnal(peak = 70%, base = 10%)
              }
            }

            """);
        for (var h = 0; h < hosts; h++)
        {
            // Each host runs its own service: an app with its requirements and demand, as real catalogs have.
            sb.Append(CultureInfo.InvariantCulture, $"app svc-{h:D5} {{\n  requires {{\n    os    = [rhel8]\n    patch = \">= 2024.01\"\n  }}\n  isolation = vm\n  demand {{\n    cpu    = 1\n    memory = 2GiB\n  }}\n}}\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"host esx-{h:D5} : r740 {{\n");
            sb.Append("  hypervisor {\n    kind         = bare_metal\n    product      = \"esxi\"\n    version      = \"6.7\"\n    drivers      = [\"nvme\"]\n    acceleration = hardware\n  }\n");
            for (var g = 0; g < guestsPerHost; g++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  vm web-{h:D5}-{g:D2} {{\n");
                sb.Append(CultureInfo.InvariantCulture, $"    os     = rhel8\n    patch  = \"2024.03\"\n    vcpus  = 4\n    memory = 8GiB\n    runs   = [{(g == 0 ? $"svc-{h:D5}" : "web")}]\n  }}\n");
            }

            sb.Append("}\n\n");
        }

        sb.Append("scenario week {\n  duration = 7d\n  step     = 1m\n  seed     = 42\n  at 2d..3d scale web 300%\n  at 4d fail esx-00000 for 2h\n}\n");
        return sb.ToString();
    }

    /// <summary>A model of at least <paramref name="bytes"/> characters (hosts of 5 guests).</summary>
    public static string OfSize(int bytes)
    {
        var perHost = Generate(1, 5).Length - Generate(0, 5).Length;
        return Generate((bytes / perHost) + 1, 5);
    }

    /// <summary>Ordinary C# (classes, properties, methods, comments) of at least <paramref name="bytes"/> characters.</summary>
    public static string CSharpOfSize(int bytes)
    {
        var sb = new StringBuilder("using System;\nusing System.Collections.Generic;\n\nnamespace Generated.Datacenter;\n\n");
        for (var i = 0; sb.Length < bytes; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $$"""
                /// <summary>Host {{i}} of the generated datacenter.</summary>
                public sealed class Host{{i}} : IHost
                {
                    public string Name { get; } = "esx-{{i:D5}}";
                    public int Cores { get; init; } = 16; // per socket
                    public long Memory = 412_316_860_416L;
                    public string[] Drivers = new[] { "nvme", "mlx5", "ixgbe" };

                    public bool Fits(int vcpus, long memory)
                    {
                        if (vcpus > Cores * 2 * 4) { return false; }
                        return memory <= Memory && Drivers.Length > 0;
                    }
                }


                """);
        }

        return sb.ToString();
    }
}
