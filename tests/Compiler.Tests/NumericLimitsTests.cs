using System.Globalization;
using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Schema;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Literals;
using VirtLang.Runtime.Engine;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// Numbers the checker passes are numbers the generated code and the simulator can hold (issue 16): a literal past
/// what a double holds exactly is VDL0015, every numeric attribute has a maximum (VDL1015 past it) at which the model
/// still compiles and runs, and the copies a model expands to are bounded (VDL1040).
/// </summary>
public sealed class NumericLimitsTests : IDisposable
{
    private readonly TemporaryDirectory _cache = new("vdl-limits-");

    public void Dispose() => _cache.Dispose();

    // Duration and step are bounded by the scenario rules (steps and their count), not by a range of their own here.
    private static readonly HashSet<(string Block, string Attribute)> BoundedElsewhere = [("scenario", "duration"), ("scenario", "step")];

    /// <summary>Every attribute of a number or quantity type, with its bounds.</summary>
    public static TheoryData<string, string> NumericAttributes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (block, attribute) in Numeric().Where(a => !BoundedElsewhere.Contains(a)))
        {
            data.Add(block, attribute);
        }

        return data;
    }

    private static IEnumerable<(string Block, string Attribute)> Numeric() =>
        ModelSchema.Blocks.Values.SelectMany(b => b.Attributes.Values.Where(a => a.Type is NumberType or QuantityType).Select(a => (b.Kind, a.Name)));

    [Fact]
    public void EveryNumericAttributeHasAMaximum()
    {
        var unbounded = Numeric().Where(a => !BoundedElsewhere.Contains(a) && Bounds(a.Block, a.Attribute).Maximum is null).ToList();
        Assert.Empty(unbounded);
    }

    [Fact]
    public void EveryAttributeHasAMeaning() =>
        Assert.Empty(ModelSchema.Blocks.Values.SelectMany(b => b.Attributes.Values.Where(a => string.IsNullOrWhiteSpace(a.Help)).Select(a => $"{b.Kind}.{a.Name}")));

    [Theory]
    [InlineData("seed = 99999999999999999999999")]
    [InlineData("seed = 9007199254740993")] // 2^53 + 1: as a double it would read as 2^53
    [InlineData("seed = 18_446_744_073_709_551_616")]
    public void ALiteralPastWhatANumberHoldsIsVdl0015(string line)
    {
        var diagnostics = Check(Model(("scenario", "seed", line.Split(" = ")[1])));
        Assert.Equal("VDL0015", Assert.Single(diagnostics, d => d.StartsWith("VDL0", StringComparison.Ordinal))[..7]);
        Assert.DoesNotContain(diagnostics, d => d.StartsWith("VDL1", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLargestExactWholeNumberIsASeed() =>
        Assert.Empty(Errors(Model(("scenario", "seed", "9_007_199_254_740_992"))));

    [Fact]
    public void VcpusBeyondSixtyFourBitsAreReportedNotReadAsOne()
    {
        var diagnostics = Check(Model(("vm", "vcpus", "99999999999999999999")));
        Assert.Contains(diagnostics, d => d.StartsWith("VDL0015", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NumericAttributes))]
    public void JustAboveItsMaximumIsVdl1015(string block, string attribute)
    {
        var (dimension, _, maximum, whole) = Bounds(block, attribute);
        var above = whole || dimension == Dimension.None ? Literal(Math.Floor(maximum!.Value) + 1, dimension) : Literal(maximum!.Value * 2, dimension);
        if (maximum >= QuantityGrammar.LargestWhole)
        {
            // Past what a literal holds (the seed): the front-end's VDL0015; as a double, 2^53 + 1 is 2^53.
            Assert.Contains(Check(Model((block, attribute, "9_007_199_254_740_993"))), d => d.StartsWith("VDL0015", StringComparison.Ordinal));
            return;
        }

        var diagnostics = Check(Model((block, attribute, above)));

        Assert.Contains(diagnostics, d => d.StartsWith("VDL1015", StringComparison.Ordinal) && d.Contains($"`{attribute} = {above}` ", StringComparison.Ordinal)
            && d.Contains("at most", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryNumberAtItsMaximumChecksWithoutSchemaErrorsAndItsCodeCompilesAndRuns()
    {
        // Counts at 1, so that the run is short; the counts at their maximum are below.
        var values = Numeric().Where(a => !BoundedElsewhere.Contains(a) && a.Attribute != "count" && a.Attribute != "replicas")
            .Select(a => (a.Block, a.Attribute, Literal(Bounds(a.Block, a.Attribute).Maximum!.Value, Bounds(a.Block, a.Attribute).Dimension)))
            .ToArray();
        var compilation = Compile(Model(values));
        Assert.Empty(compilation.Diagnostics.Where(d => d.IsError && d.Code[3] is '0' or '1' or '9').Select(d => d.ToString()));

        // The generated C# builds (Roslyn, as `vdl run` and `vdl build` compile it) and its model runs.
        var generated = ModelHost.Load(compilation, _cache.Path);
        var result = Simulator.Run(generated.Topology, generated.Scenarios[0]);
        Assert.True(result.Steps > 0);
    }

    [Fact]
    public void CountsAtTheirMaximumCompile()
    {
        var compilation = Compile(Model(("host", "count", "100_000"), ("vm", "count", "100_000"), ("container", "count", "100_000"), ("app", "replicas", "1_000_000")));
        Assert.Empty(compilation.Diagnostics.Where(d => d.Code[3] is '0' or '1').Select(d => d.ToString()));
        Assert.NotEmpty(ModelHost.CompileAssembly(compilation));
    }

    [Fact]
    public void TheCountThatCrossesTheModelSizeIsVdl1040()
    {
        // Ten hosts of 100,000 containers each: the tenth count crosses 1,000,000 hosts and guests.
        static string Estate(int lastCount) => "os linux {\n  family = linux\n}\n" + string.Concat(Enumerable.Range(1, 10).Select(i =>
            $"host h{i} {{\n  os = linux\n  hypervisor {{\n    kind = os_level\n  }}\n  container c{i} {{\n    count = {(i == 10 ? lastCount : 100_000)}\n  }}\n}}\n"));
        Assert.Equal(
            "VDL1040 91:13 `count = 100000` on container `c10` takes the model past the 1,000,000 hosts and guests the simulator takes: it expands to 1,000,010 in all (docs/limits.md); lower the count, or simulate a sample of the estate and scale its results",
            Assert.Single(Check(Estate(100_000)), d => d.StartsWith("VDL1040", StringComparison.Ordinal)));
        Assert.DoesNotContain(Check(Estate(99_990)), d => d.StartsWith("VDL1040", StringComparison.Ordinal));
    }

    [Fact]
    public void AThousandHostsOfAHundredThousandCopiesAreRefusedQuickly()
    {
        var model = "os linux {\n  family = linux\n}\n" + string.Concat(Enumerable.Range(1, 1_000).Select(i =>
            $"host h{i} {{\n  os = linux\n  hypervisor {{\n    kind = os_level\n  }}\n  container c{i} {{\n    count = 100000\n  }}\n}}\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Single(Check(model), d => d.StartsWith("VDL1040", StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("hardware x {\n  memory = 1GiB\n  cpu {\n    sockets = 1\n    cores = 1\n    threads = 1\n  }\n}\nhost h : x {\n  hypervisor {\n    kind = bare_metal\n  }\n  vm v {\n    vcpus = 2\n    memory = 1GiB\n  }\n}\n", "has 1 logical CPU:")]
    public void ACountOfOneIsSingular(string model, string expected)
    {
        var diagnostics = Check("os linux {\n  family = linux\n}\n" + model);
        Assert.Contains(diagnostics, d => d.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Contains(" 1 logical CPUs", StringComparison.Ordinal) || d.Contains(" 1 vCPUs", StringComparison.Ordinal) || d.Contains(" 1 cores", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUndeployedApplicationOfASharedCatalogIsNotShortOfReplicas()
    {
        var files = new Dictionary<string, string>
        {
            ["catalog.vdl"] = "os linux {\n  family = linux\n}\napp web {\n  replicas = 2\n}\napp batch {\n  replicas = 3\n}\n",
            ["m.vdl"] = "import \"catalog.vdl\"\nhost h {\n  os = linux\n  runs = [batch]\n}\n",
        };
        var provider = new InMemorySourceProvider(files);
        provider.TryRead("m.vdl", out var text, out _);
        var codes = ModelCompilation.Create([text!], provider).Diagnostics.Where(d => d.Code == "VDL4004").Select(d => d.Message).ToList();
        // web is not deployed: no error; batch runs once of three: still an error.
        Assert.Equal(["app `batch` asks for 3 replicas but runs in 1 place"], codes);
    }

    private static (Dimension Dimension, double? Minimum, double? Maximum, bool Whole) Bounds(string block, string attribute) =>
        ModelSchema.Blocks[block].Attributes[attribute].Type switch
        {
            NumberType n => (Dimension.None, n.Minimum, n.Maximum, n.Whole),
            QuantityType q => (q.Dimension, q.Minimum, q.Maximum, false),
            _ => throw new ArgumentException($"{block}.{attribute} is not numeric"),
        };

    /// <summary>A value as a literal the lexer reads back exactly: digits, then the bound's unit.</summary>
    private static string Literal(double value, Dimension dimension)
    {
        var text = QuantityText.Format(value, dimension);
        return dimension == Dimension.None ? text.Replace(",", "_", StringComparison.Ordinal) : text;
    }

    /// <summary>
    /// A model with every numeric attribute in its block, at a modest value unless given: one bare-metal host with a VM,
    /// one os_level host with a container, a host made by count, a cluster, a scenario of one minute.
    /// </summary>
    private static string Model(params (string Block, string Attribute, string Value)[] values)
    {
        string V(string block, string attribute, string normal) =>
            values.FirstOrDefault(v => v.Block == block && v.Attribute == attribute).Value ?? normal;

        return string.Create(CultureInfo.InvariantCulture, $$"""
            os linux {
              family = linux
              failures {
                mtbf = 10d
                mttr = 5m
                distribution = lognormal
                sigma = {{V("failures", "sigma", "0.8")}}
                repair = lognormal
                repair_sigma = {{V("failures", "repair_sigma", "1")}}
              }
            }
            app a {
              replicas = {{V("app", "replicas", "1")}}
              rto = {{V("app", "rto", "15m")}}
              demand {
                cpu = {{V("demand", "cpu", "1")}}
                memory = {{V("demand", "memory", "1GiB")}}
                iops = {{V("demand", "iops", "100")}}
                throughput = {{V("demand", "throughput", "10MB/s")}}
                network = {{V("demand", "network", "10Mbps")}}
                dirty_rate = {{V("demand", "dirty_rate", "10MB/s")}}
                syscalls = {{V("demand", "syscalls", "1000")}}
                page_faults = {{V("demand", "page_faults", "100")}}
                forks = {{V("demand", "forks", "1")}}
              }
            }
            hardware hw {
              memory = {{V("hardware", "memory", "1024TiB")}}
              cpu {
                sockets = {{V("cpu", "sockets", "64")}}
                cores = {{V("cpu", "cores", "1024")}}
                threads = {{V("cpu", "threads", "8")}}
                clock = {{V("cpu", "clock", "2.5GHz")}}
                smt_yield = {{V("cpu", "smt_yield", "25%")}}
                features = [vtx, ept]
              }
              disk d0 {
                capacity = {{V("disk", "capacity", "1024TiB")}}
                iops = {{V("disk", "iops", "1000000")}}
                throughput = {{V("disk", "throughput", "10GB/s")}}
              }
              nic n0 {
                speed = {{V("nic", "speed", "100Gbps")}}
              }
              power {
                idle = {{V("power", "idle", "100W")}}
                max = {{V("power", "max", "500W")}}
              }
              failures {
                mtbf = {{V("failures", "mtbf", "30d")}}
                mttr = {{V("failures", "mttr", "4h")}}
                distribution = weibull
                shape = {{V("failures", "shape", "1.5")}}
              }
            }
            host big : hw {
              memory = {{V("host", "memory", "1024TiB")}}
              hypervisor {
                kind = bare_metal
                overhead {
                  cpu = {{V("overhead", "cpu", "1.1")}}
                  io = {{V("overhead", "io", "1.1")}}
                  memory_per_guest = {{V("overhead", "memory_per_guest", "64MiB")}}
                }
              }
              vm v {
                os = linux
                vcpus = {{V("vm", "vcpus", "4")}}
                memory = {{V("vm", "memory", "4GiB")}}
                disk = {{V("vm", "disk", "10GB")}}
                count = {{V("vm", "count", "1")}}
                runs = [a]
              }
            }
            host shared : hw {
              os = linux
              hypervisor {
                kind = os_level
              }
              container c {
                cpu_shares = {{V("container", "cpu_shares", "2")}}
                memory_limit = {{V("container", "memory_limit", "8GiB")}}
                count = {{V("container", "count", "1")}}
              }
            }
            host many : hw {
              os = linux
              count = {{V("host", "count", "1")}}
            }
            host spare : hw {
              hypervisor {
                kind = bare_metal
              }
            }
            cluster east {
              hosts = [big, spare]
              policy {
                cpu_overcommit = {{V("policy", "cpu_overcommit", "4")}}
                memory_overcommit = {{V("policy", "memory_overcommit", "1")}}
                ha = true
                restart_delay = {{V("policy", "restart_delay", "15s")}}
                admission_reserve = {{V("policy", "admission_reserve", "25%")}}
              }
            }
            pool rack {
              hardware = hw
              count = {{V("pool", "count", "100_000")}}
              os = linux
            }
            plan p {
              pools = [rack]
              target = {{V("plan", "target", "70%")}}
              spare = {{V("plan", "spare", "1")}}
              horizon = {{V("plan", "horizon", "7d")}}
              bucket = {{V("plan", "bucket", "1h")}}
            }
            scenario s {
              duration = 1m
              step = 1m
              seed = {{V("scenario", "seed", "1")}}
            }

            """);
    }

    private static ModelCompilation Compile(string model)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = model });
        provider.TryRead("m.vdl", out var text, out _);
        return ModelCompilation.Create([text!], provider);
    }

    private static string[] Check(string model) =>
        [.. Compile(model).Diagnostics.Select(d => $"{d.Code} {d.Location.Start.Line}:{d.Location.Start.Column} {d.Message}")];

    private static string[] Errors(string model) => [.. Check(model).Where(d => !d.StartsWith("VDL5", StringComparison.Ordinal))];
}
