using System.Globalization;
using System.Text;
using VirtLang.Compiler.Lowering;
using VirtLang.Language.Text;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// The checker and the simulator agree on memory: over a few hundred generated hosts (kinds, overcommitted guests,
/// applications of every size, page sharing and ballooning on and off), a host has VDL2007 exactly when the simulator
/// swaps guest memory on it. A failure prints the seed and the host.
/// </summary>
public sealed class MemoryAgreementTests
{
    [Fact]
    public void AHostSwapsInTheSimulatorExactlyWhenTheCheckerWarns()
    {
        var seed = Random.Shared.Next();
        var text = Model(new Random(seed), hosts: 300);
        var compilation = ModelCompilation.Create([SourceText.From(text, "generated.vdl")]);
        Assert.False(compilation.HasErrors, $"seed {seed}: {string.Join("; ", compilation.Diagnostics.Where(d => d.Severity == Language.Diagnostics.DiagnosticSeverity.Error).Take(5))}");

        var warned = compilation.Diagnostics.Where(d => d.Code == "VDL2007").Select(d => Line(text, d.Location.Start.Line)).ToHashSet(StringComparer.Ordinal);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var result = Simulator.Run(lowered.Topology, new ScenarioSpec { Name = "hour", Duration = SimTime.TicksPerHour, Step = SimTime.TicksPerHour });
        var swapping = 0;
        foreach (var host in result.Hosts)
        {
            var warns = warned.Contains($"host {host.Name} {{");
            Assert.True(warns == host.SwappedBytes > 0,
                $"seed {seed}: host {host.Name} swaps {host.SwappedBytes} bytes in the simulator but the checker {(warns ? "warns" : "is silent")}\n{Block(text, host.Name)}");
            swapping += warns ? 1 : 0;
        }

        // The generator must exercise both sides of the rule.
        Assert.InRange(swapping, 10, result.Hosts.Count - 10);
    }

    private static string Line(string text, int line) => text.Split('\n')[line - 1];

    private static string Block(string text, string host)
    {
        var start = text.IndexOf($"host {host} {{", StringComparison.Ordinal);
        return text[start..text.IndexOf("\n}\n", start, StringComparison.Ordinal)];
    }

    private static string Model(Random random, int hosts)
    {
        var model = new StringBuilder();
        model.AppendLine("os rhel8 {\n  family = linux\n  version = \"8.6\"\n}\n");
        model.AppendLine("os win2019 {\n  family = windows\n  version = \"10.0\"\n}\n");
        var names = new List<string>();
        var apps = new StringBuilder();
        for (var h = 0; h < hosts; h++)
        {
            var name = $"h{h}";
            names.Add(name);
            var kind = random.Next(4) switch { 0 => "hosted", 1 => "os_level", _ => "bare_metal" };
            var memory = random.Next(8, 49);
            model.AppendLine(CultureInfo.InvariantCulture, $"host {name} {{");
            model.AppendLine("  cpu {\n    cores = 64\n    features = [vtx, ept]\n  }");
            model.AppendLine(CultureInfo.InvariantCulture, $"  memory = {memory}GiB");
            if (kind != "bare_metal")
            {
                model.AppendLine("  os = rhel8");
            }

            model.AppendLine("  hypervisor {");
            model.AppendLine(CultureInfo.InvariantCulture, $"    kind = {kind}");
            if (kind != "os_level" && random.Next(2) == 0)
            {
                model.AppendLine(CultureInfo.InvariantCulture, $"    page_sharing = {(random.Next(2) == 0 ? "true" : "false")}");
            }

            if (kind != "os_level" && random.Next(3) == 0)
            {
                model.AppendLine(CultureInfo.InvariantCulture, $"    ballooning = {(random.Next(2) == 0 ? "true" : "false")}");
            }

            model.AppendLine("  }");
            // Configured memory stays under three times the host's (the cluster allows four, overheads included):
            // this test is about what the guests use, not what VDL2001 already refuses.
            var guests = random.Next(1, 9);
            var configured = 0;
            for (var g = 0; g < guests; g++)
            {
                var guestMemory = random.Next(1, Math.Min(17, memory));
                configured += guestMemory;
                if (configured > 3 * memory)
                {
                    break;
                }

                var app = $"a{h}-{g}";
                var appMemory = random.Next(0, (guestMemory * 1024) + 1);
                apps.AppendLine(CultureInfo.InvariantCulture, $"app {app} {{\n  demand {{\n    cpu = 0.1\n    memory = {appMemory}MiB\n  }}\n}}\n");
                if (kind == "os_level")
                {
                    model.AppendLine(CultureInfo.InvariantCulture, $"  container {name}-c{g} {{\n    runs = [{app}]\n  }}");
                }
                else
                {
                    var os = random.Next(3) == 0 ? "win2019" : "rhel8";
                    model.AppendLine(CultureInfo.InvariantCulture, $"  vm {name}-v{g} {{\n    os = {os}\n    vcpus = 2\n    memory = {guestMemory}GiB\n    runs = [{app}]\n  }}");
                }
            }

            model.AppendLine("}\n");
        }

        model.Append(apps);
        model.AppendLine(CultureInfo.InvariantCulture, $"cluster all {{\n  hosts = [{string.Join(", ", names)}]\n  policy {{\n    memory_overcommit = 4.0\n  }}\n}}");
        return model.ToString();
    }
}
