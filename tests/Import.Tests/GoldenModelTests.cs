using VirtLang.Compiler;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using static VirtLang.Import.Tests.ImportFixture;

namespace VirtLang.Import.Tests;

/// <summary>
/// What each importer writes for the team's sample files, byte for byte (Data/golden). When the output changes on
/// purpose: <c>VDL_UPDATE_BASELINES=1 dotnet test tests/Import.Tests -c Release --filter GoldenModel</c>, then review the diff.
/// </summary>
public sealed class GoldenModelTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1";

    public static TheoryData<string> Golden => ["libvirt", "compose", "inventory"];

    [Theory]
    [MemberData(nameof(Golden))]
    public void TheWrittenModelIsTheGoldenOneParsesFormatsAndChecksWithoutErrorsButPlaceholders(string source)
    {
        var estate = source switch
        {
            "libvirt" => ImportLibvirt("kvm-full.xml", "qemu-tcg.xml", "xen-pv.xml", "xen-hvm.xml", "lxc.xml", "bytes.xml").Estate,
            "compose" => ImportCompose("shop.yaml").Estate,
            _ => ImportInventory("vinfo.csv").Estate,
        };
        var model = Write(estate);
        var golden = Data("golden", source + ".vdl");
        if (Update)
        {
            File.WriteAllText(golden, model);
        }

        Assert.Equal(File.ReadAllText(golden), model);
        var tree = SyntaxTree.Parse(model);
        Assert.False(tree.HasErrors);
        Assert.Equal(model, Formatter.Format(tree));

        // The checker's errors are about the placeholder hardware the header lists, and nothing else.
        var compilation = ModelCompilation.Create([SourceText.From(model, "imported.vdl")]);
        var errors = compilation.Diagnostics.Where(d => d.IsError).Select(d => d.Descriptor.Code).Distinct().Order().ToList();
        Assert.Equal(ExpectedErrors(source), errors);
    }

    /// <summary>
    /// libvirt: the placeholder hosts have one default core (VDL2003: a guest's vCPUs exceed it) and the Xen PV host
    /// no driver domain; the header says to add both. Compose and the inventory check without errors.
    /// </summary>
    private static List<string> ExpectedErrors(string source) => source switch
    {
        "libvirt" => File.ReadAllLines(Data("golden", "libvirt.errors")).Where(l => l.Length > 0).ToList(),
        _ => [],
    };
}
