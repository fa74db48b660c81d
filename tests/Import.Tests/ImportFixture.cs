using VirtLang.Import.Compose;
using VirtLang.Import.Inventory;
using VirtLang.Import.Libvirt;
using VirtLang.Import.Model;
using VirtLang.Import.Writing;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;

namespace VirtLang.Import.Tests;

/// <summary>Runs an importer on the test data the team wrote (tests/Import.Tests/Data) and reads back what it wrote.</summary>
internal static class ImportFixture
{
    public static string Data(params string[] parts) => Path.Combine([RepositoryPaths.Root, "tests", "Import.Tests", "Data", .. parts]);

    public static (ImportedEstate Estate, List<ImportProblem> Problems) ImportLibvirt(params string[] files)
    {
        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        foreach (var file in files)
        {
            LibvirtDomainImporter.Import(Data("libvirt", file), estate, problems);
        }

        return (estate, problems);
    }

    public static (ImportedEstate Estate, List<ImportProblem> Problems) ImportCompose(string file)
    {
        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        ComposeImporter.Import(Data("compose", file), estate, problems);
        return (estate, problems);
    }

    public static (ImportedEstate Estate, List<ImportProblem> Problems) ImportInventory(string file, string? columns = null)
    {
        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        InventoryCsvImporter.Import(Data("inventory", file), InventoryColumns.Parse(columns, out _)!, estate, problems);
        return (estate, problems);
    }

    public static string Write(ImportedEstate estate) => VdlModelWriter.Write(estate, "test import");

    /// <summary>The value of <paramref name="attribute"/> in the guest block <paramref name="guest"/> of the written model, as text.</summary>
    public static string? GuestAttribute(string model, string guest, string attribute)
    {
        var tree = SyntaxTree.Parse(model);
        var block = tree.Root.Blocks.SelectMany(b => b.Blocks.Prepend(b)).FirstOrDefault(b => b.KindName is "vm" or "container" && b.Name?.Text == guest);
        var value = block?.Attributes.FirstOrDefault(a => a.Name.Text == attribute)?.Value;
        return value is null ? null : string.Concat(value.DescendantTokens().Select(t => t.Text));
    }

    /// <summary>A quantity literal as the language reads it (8GiB: 8589934592).</summary>
    public static double Quantity(string literal) => QuantityGrammar.Parse(literal).Value.Value;
}
