using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Tests;

/// <summary>Fixes carried as data must fix: applying the edits of a diagnostic's fix makes that diagnostic go away.</summary>
public sealed class DiagnosticFixTests
{
    private static ModelCompilation Compile(string text)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = text });
        provider.TryRead("m.vdl", out var source, out _);
        return ModelCompilation.Create([source!], provider);
    }

    private static string Apply(string text, DiagnosticFix fix)
    {
        foreach (var edit in fix.Edits.OrderByDescending(e => e.Location.Span.Start))
        {
            text = text[..edit.Location.Span.Start] + edit.NewText + text[edit.Location.Span.End..];
        }

        return text;
    }

    [Theory]
    [InlineData("VDL1001", "os rhel8 {\n  family = linux\n}\nhost h {\n  os = rhle8\n}\n", "Change to `rhel8`")]
    [InlineData("VDL1010", "hardware h {\n  memroy = 1GiB\n}\n", "Change to `memory`")]
    [InlineData("VDL1013", "host h {\n  hypervisor {\n    kind = baremetal\n  }\n}\n", "Change to `bare_metal`")]
    [InlineData("VDL1018", "app a {\n  demand {\n    profile = diurnal(peek = 50%)\n  }\n}\n", "Change to `peak`")]
    [InlineData("VDL0011", "hardware h {\n  memory = 16GIB\n}\n", "Change to `GiB`")]
    [InlineData("VDL1011", "host h {\n  hypervisor {\n    kind = bare_metal\n  }\n  vm v {\n    vcpus = 2\n  }\n}\n", "Add `memory = 16GiB`")]
    [InlineData("VDL1011", "os o { version = \"1\" }\n", "Add `family = linux`")]
    [InlineData("VDL3011", "host h {\n  vm v {\n    vcpus  = 2\n    memory = 1GiB\n  }\n}\n", "Add a hypervisor of kind `bare_metal` to `h`")]
    [InlineData("VDL3011", "os alpine {\n  family = linux\n}\nhost h {\n  os = alpine\n  container c {\n  }\n}\n", "Add a hypervisor of kind `os_level` to `h`")]
    [InlineData("VDL3011", "host h {\n  hypervisor {\n    kind = none\n  }\n  vm v {\n    vcpus  = 2\n    memory = 1GiB\n  }\n}\n", "Make the hypervisor of `h` `bare_metal`")]
    public void ApplyingTheFixRemovesTheDiagnostic(string code, string model, string title)
    {
        var diagnostic = Assert.Single(Compile(model).Diagnostics, d => d.Code == code);
        var fix = Assert.Single(diagnostic.Fixes);
        Assert.Equal(title, fix.Title);

        var fixedText = Apply(model, fix);
        Assert.DoesNotContain(Compile(fixedText).Diagnostics, d => d.Code == code || d.IsError);
    }

    [Fact]
    public void WithoutAnObviousFixThereIsNone()
    {
        var diagnostic = Assert.Single(Compile("hardware h {\n  memroyyyyyy = 1GiB\n}\n").Diagnostics, d => d.Code == "VDL1010");
        Assert.Empty(diagnostic.Fixes);

        // A VM on a container host: changing the kind would strand the host's containers, so that is the author's call.
        const string mixed = "host h {\n  hypervisor {\n    kind = os_level\n  }\n  vm v {\n    vcpus  = 2\n    memory = 1GiB\n  }\n}\n";
        Assert.Empty(Assert.Single(Compile(mixed).Diagnostics, d => d.Code == "VDL3011").Fixes);
    }
}
