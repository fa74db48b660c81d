using VirtLang.Compiler.Sources;

namespace VirtLang.Compiler.Tests;

/// <summary>The VDL1xxx schema and reference rules: for every code, a model that must report it and a near miss that must not.</summary>
public sealed class SchemaRulesTests
{
    private const string Catalog = """
        os rhel8 {
          family = linux
        }
        hardware r740 {
          memory = 384GiB
        }
        app web {
          isolation = vm
        }

        """;

    private static string[] Check(string model)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = Catalog + model });
        provider.TryRead("m.vdl", out var text, out _);
        // The VDL0 and VDL1 families only: the placement, resource and advice families have tests of their own.
        return [.. ModelCompilation.Create([text!], provider).Diagnostics.Where(d => d.Code[3] is '0' or '1').Select(d => $"{d.Location.Start.Line - 9}:{d.Location.Start.Column} {d.Code} {d.Message}")];
    }

    [Theory]
    // VDL1001 unknown name, with did-you-mean among names of the right kind
    [InlineData("host h : r740 {\n  os = rhle8\n}\n", "2:8 VDL1001 `rhle8` is not declared in this model (did you mean `rhel8`?)")]
    [InlineData("scenario s {\n  duration = 1d\n  at 1h crash nobody\n}\n", "3:15 VDL1001 `nobody` is not declared in this model")]
    // VDL1003 a block where it cannot stand
    [InlineData("hots h {}\n", "1:1 VDL1003 a `hots` block cannot stand at the top of a file (did you mean `host`?); the declarations are os, hardware, app, host, cluster, site, pool, plan, scenario")]
    [InlineData("app a {\n  cpu {}\n}\n", "2:3 VDL1003 a `cpu` block cannot stand in `app a`; `app a` may contain requires, demand, failures")]
    // VDL1004 a reference to the wrong kind
    [InlineData("host h : r740 {\n  os = r740\n}\n", "2:8 VDL1004 `r740` is a `hardware`, but `os` needs an `os`")]
    [InlineData("host h : rhel8 {}\n", "1:10 VDL1004 `rhel8` is an `os`, but the base of `host h` needs a `hardware`")]
    // VDL1005 based on itself
    [InlineData("os deb : deb {}\n", "1:10 VDL1005 `deb` cannot be based on itself; a base is another entry of the catalog")]
    // VDL1006 names
    [InlineData("host h : r740 {\n  vm {\n    vcpus = 2\n    memory = 4GiB\n  }\n}\n", "2:3 VDL1006 a `vm` block needs a name; write `vm NAME { ... }`")]
    [InlineData("hardware x {\n  memory = 1GiB\n  cpu main {}\n}\n", "3:7 VDL1006 a `cpu` block takes no name; remove `main`")]
    // VDL1007 a block that may appear once
    [InlineData("hardware x {\n  memory = 1GiB\n  cpu {}\n  cpu {}\n}\n", "4:3 VDL1007 `hardware x` has more than one `cpu` block; it may have one")]
    // VDL1010 unknown attribute, with did-you-mean
    [InlineData("host h : r740 {\n  vm v {\n    vcpu = 2\n    vcpus = 2\n    memory = 4GiB\n  }\n}\n", "3:5 VDL1010 `vcpu` is not an attribute of `vm` (did you mean `vcpus`?)")]
    // VDL1011 missing required attribute
    [InlineData("host h : r740 {\n  vm v {\n    vcpus = 2\n  }\n}\n", "2:6 VDL1011 `vm v` has no `memory`, which is required: a memory quantity such as 16GiB")]
    // VDL1012 wrong dimension or shape
    [InlineData("hardware x {\n  memory = 2.6GHz\n}\n", "2:12 VDL1012 `memory` must be a memory quantity such as 16GiB, not a frequency quantity (2.6GHz)")]
    [InlineData("app a {\n  replicas = \"two\"\n}\n", "2:14 VDL1012 `replicas` must be a whole number, not a string (\"two\")")]
    [InlineData("scenario s {\n  duration = 1d\n  at 2GiB crash x\n}\n", "3:6 VDL1012 `at` must be a time quantity such as 4d12h, not a memory quantity (2GiB)", "3:17 VDL1001 `x` is not declared in this model")]
    // VDL1013 unknown enum word, with did-you-mean
    [InlineData("host h : r740 {\n  hypervisor {\n    kind = baremetal\n  }\n}\n", "3:12 VDL1013 `baremetal` is not a value of `kind` (did you mean `bare_metal`?); the values are none, hosted, bare_metal, paravirtual, os_level")]
    [InlineData("app a {\n  demand {\n    profile = diurnl(peak = 70%)\n  }\n}\n", "3:15 VDL1013 `diurnl` is not a value of `profile` (did you mean `diurnal`?); the values are constant, diurnal, weekly, spiky, trace")]
    // VDL1014 set twice
    [InlineData("hardware x {\n  memory = 1GiB\n  memory = 2GiB\n}\n", "3:3 VDL1014 `memory` is set twice in `hardware x`; this is the second time: a block sets each attribute once, so remove one")]
    // VDL1015 out of range
    [InlineData("hardware x {\n  memory = -4GiB\n  cpu {\n    cores = 0\n  }\n}\n", "2:12 VDL1015 `memory = -4GiB` is out of range: it must be at least 0", "4:13 VDL1015 `cores = 0` is out of range: it must be at least 1")]
    [InlineData("cluster c {\n  policy {\n    cpu_overcommit = 0.5\n  }\n}\n", "3:22 VDL1015 `cpu_overcommit = 0.5` is out of range: it must be at least 1")]
    [InlineData("app a {\n  replicas = 2.5\n}\n", "2:14 VDL1015 `replicas = 2.5` is out of range: it must be a whole number")]
    [InlineData("app a {\n  demand {\n    dirty_rate = -40MB/s\n  }\n}\n", "3:18 VDL1015 `dirty_rate = -40MB/s` is out of range: it must be at least 0")]
    [InlineData("app a {\n  demand {\n    dirty_rate = 4GiB\n  }\n}\n", "3:18 VDL1012 `dirty_rate` must be a bandwidth quantity such as 40MB/s, not a memory quantity (4GiB)")]
    public void ReportsWhatIsWrongAndWhere(string model, params string[] expected) =>
        Assert.Equal(expected, Check(model));

    [Theory]
    // Near misses: each is close to a case above and must be clean.
    [InlineData("host h : r740 {\n  os = rhel8\n}\n")]
    [InlineData("host h : r740 {\n  cpu {\n    cores = 8\n  }\n}\n")] // a host may override its hardware's blocks
    [InlineData("host h : r740 {\n  vm v {\n    vcpus = 2\n    memory = 4GiB\n    count = 3\n  }\n}\nscenario s {\n  duration = 1d\n  at 0 crash v-3\n  at 2h..3h scale web 300%\n}\n")] // count copies resolve
    [InlineData("os deb : rhel8 {}\n")] // a base of the same kind; `family` may come from it
    [InlineData("hardware x {\n  memory = 0GiB\n  disk a {}\n  disk b {}\n}\n")] // disks repeat
    [InlineData("app a {\n  zone = anything\n  conflicts = [web]\n  demand {\n    profile = weekly(weekday = 40%, weekend = 5%)\n  }\n}\n")]
    public void NearMissesAreClean(string model) => Assert.Empty(Check(model));

    [Fact]
    public void AWrongKindPointsAtTheDeclaration()
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = Catalog + "host h : r740 {\n  os = r740\n}\n" });
        provider.TryRead("m.vdl", out var text, out _);
        var diagnostic = Assert.Single(ModelCompilation.Create([text!], provider).Diagnostics, d => d.Code == "VDL1004");
        Assert.Equal("m.vdl(4,10)", Assert.Single(diagnostic.RelatedLocations).Location.ToString());
    }

    [Fact]
    public void AHugeCountIsOutOfRangeAndStillCostsNothing()
    {
        // Copies resolve lazily: the reference to the ten millionth copy is found without making ten million names.
        Assert.Equal(
            ["3:13 VDL1015 `count = 10_000_000` is out of range: it must be at most 100,000"],
            Check("host h : r740 {\n  container c {\n    count = 10_000_000\n  }\n}\nscenario s {\n  duration = 1d\n  at 1h crash c-9999999\n}\n"));
    }
}
