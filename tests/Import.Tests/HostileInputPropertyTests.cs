using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VirtLang.Import.Compose;
using VirtLang.Import.Inventory;
using VirtLang.Import.Libvirt;
using VirtLang.Import.Model;
using static VirtLang.Import.Tests.ImportFixture;

namespace VirtLang.Import.Tests;

/// <summary>
/// The team's sample files, cut, spliced and sprinkled with stray bytes: every importer answers with problems (each
/// located, with a VDL60xx code) or an estate, never an exception, and what it imported is written as a model.
/// </summary>
public sealed class HostileInputPropertyTests : IDisposable
{
    private static readonly byte[] Stray = "<>&;\"'=:-[]{}*&!%$\n\r\t\0,\u00ff#"u8.ToArray();

    private readonly TemporaryDirectory _temporary = new("vdl-import-fuzz-");

    public void Dispose() => _temporary.Dispose();

    private static Gen<byte[]> Mutations(string sample) =>
        from cut in Gen.Choose(0, 100)
        from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 1000), Gen.Elements(Stray)))
        select Mutate(File.ReadAllBytes(sample), cut, edits);

    private static byte[] Mutate(byte[] bytes, int cut, IEnumerable<(int At, byte Byte)> edits)
    {
        var list = bytes.Take(Math.Max(1, bytes.Length * (100 - (cut / 4)) / 100)).ToList();
        foreach (var (at, b) in edits)
        {
            list.Insert(at % (list.Count + 1), b);
        }

        return [.. list];
    }

    private bool NeverThrows(byte[] bytes, string extension, Action<string, ImportedEstate, List<ImportProblem>> import)
    {
        var path = Path.Combine(_temporary.Path, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, bytes);
        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        import(path, estate, problems);
        _ = Write(estate);
        File.Delete(path);
        return problems.All(p => p.Line >= 1 && p.Column >= 1 && p.Descriptor.Code.StartsWith("VDL60", StringComparison.Ordinal));
    }

    [Property(MaxTest = 200)]
    public Property DomainXml() =>
        Prop.ForAll(Mutations(Data("libvirt", "kvm-full.xml")).ToArbitrary(), bytes => NeverThrows(bytes, ".xml", LibvirtDomainImporter.Import));

    [Property(MaxTest = 200)]
    public Property ComposeYaml() =>
        Prop.ForAll(Mutations(Data("compose", "shop.yaml")).ToArbitrary(), bytes => NeverThrows(bytes, ".yaml", ComposeImporter.Import));

    /// <summary>The case that made YamlDotNet's scanner throw InvalidOperationException (not a YamlException): a located VDL6 error now.</summary>
    [Property(MaxTest = 1, Replay = "(17905681862371895745,9507822511972939871,28)")]
    public Property ComposeYamlThatBrokeTheScanner() =>
        Prop.ForAll(Mutations(Data("compose", "shop.yaml")).ToArbitrary(), bytes => NeverThrows(bytes, ".yaml", ComposeImporter.Import));

    [Property(MaxTest = 200)]
    public Property InventoryCsv() =>
        Prop.ForAll(Mutations(Data("inventory", "vinfo.csv")).ToArbitrary(),
            bytes => NeverThrows(bytes, ".csv", (path, estate, problems) => InventoryCsvImporter.Import(path, InventoryColumns.Default, estate, problems)));
}
