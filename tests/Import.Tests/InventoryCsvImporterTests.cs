using VirtLang.Import.Inventory;
using static VirtLang.Import.Tests.ImportFixture;

namespace VirtLang.Import.Tests;

public sealed class InventoryCsvImporterTests
{
    [Fact]
    public void EveryRowIsAGuestOnItsHostAndClustersComeFromTheRows()
    {
        var (estate, problems) = ImportInventory("vinfo.csv");
        Assert.Equal(["esx01-lab", "esx02-lab", "unplaced-host"], estate.Hosts.Select(h => h.Name));
        Assert.Equal(["web01", "db-primary", "short"], estate.Hosts.SelectMany(h => h.Guests).Select(g => g.Name));
        var cluster = Assert.Single(estate.Clusters);
        Assert.Equal("prod", cluster.Name);
        Assert.Equal(["esx01-lab", "esx02-lab"], cluster.Hosts);
        var web = estate.Hosts[0].Guests[0];
        Assert.Equal((4, 8L * 1024 * 1024 * 1024, 40L * 1024 * 1024 * 1024), (web.Vcpus, web.MemoryBytes, web.DiskBytes));
        Assert.Equal("red-hat-enterprise-linux-8-64-bit", web.Os);
        Assert.Equal(["linux", "windows"], estate.OperatingSystems.Select(o => o.Family));
        // The row with `four` CPUs is skipped with a located error; the others are imported.
        var problem = Assert.Single(problems);
        Assert.Equal(("VDL6007", 4), (problem.Descriptor.Code, problem.Line));
    }

    [Fact]
    public void AQuotedNameWithACommaAndTheBomAreRead()
    {
        var (estate, _) = ImportInventory("vinfo.csv");
        var db = estate.Hosts[1].Guests[0];
        Assert.Contains("inventory VM \"db, primary\" (vinfo.csv line 3)", db.Comments);
        Assert.Contains("poweredOff: holds its configuration but runs nothing now", db.Comments);
    }

    [Fact]
    public void AnotherLayoutIsReadWithColumns()
    {
        var (estate, problems) = ImportInventory("custom.csv", "VM=Name,CPUs=NumCpu,Memory=MemoryMB,Host=VMHost");
        Assert.Empty(problems);
        Assert.Equal([2, 4], estate.Hosts.Single().Guests.Select(g => g.Vcpus!.Value));
        Assert.Equal(8192.5 * 1024 * 1024, estate.Hosts.Single().Guests[1].MemoryBytes!.Value);
    }

    [Fact]
    public void AMissingColumnNamesTheFlagThatMapsIt()
    {
        var (estate, problems) = ImportInventory("missing-column.csv");
        var problem = Assert.Single(problems);
        Assert.Equal("VDL6021", problem.Descriptor.Code);
        Assert.Contains("--columns CPUs=HEADER", problem.Message, StringComparison.Ordinal);
        Assert.Empty(estate.Hosts);
    }

    [Fact]
    public void AnUnclosedQuoteIsALocatedErrorAfterTheRowsBeforeIt()
    {
        var (estate, problems) = ImportInventory("unclosed-quote.csv");
        var problem = Assert.Single(problems);
        Assert.Equal("VDL6020", problem.Descriptor.Code);
        Assert.Equal(["ok"], estate.Hosts.SelectMany(h => h.Guests).Select(g => g.Name));
    }

    [Theory]
    [InlineData("VM")]
    [InlineData("Nope=X")]
    [InlineData("CPUs=")]
    public void AMalformedColumnsMappingIsRefused(string mapping)
    {
        Assert.Null(InventoryColumns.Parse(mapping, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Utf16WithItsByteOrderMarkReadsAsUtf8Does()
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        var text = File.ReadAllText(Data("inventory", "vinfo.csv"));
        var path = Path.Combine(temporary.Path, "utf16.csv");
        File.WriteAllText(path, text, System.Text.Encoding.Unicode);
        var estate = new Model.ImportedEstate();
        var problems = new List<ImportProblem>();
        InventoryCsvImporter.Import(path, InventoryColumns.Default, estate, problems);
        Assert.Equal(["web01", "db-primary", "short"], estate.Hosts.SelectMany(h => h.Guests).Select(g => g.Name));
    }

    [Fact]
    public void ARowWithTooManyFieldsStopsTheFileAtTheBound()
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        var path = temporary.Write("wide.csv", "VM,CPUs,Memory\nok,1,1024\nwide,1,1024" + string.Concat(Enumerable.Repeat(",x", ImportLimits.MaxInventoryFields)) + "\n");
        var estate = new Model.ImportedEstate();
        var problems = new List<ImportProblem>();
        InventoryCsvImporter.Import(path, InventoryColumns.Default, estate, problems);
        var problem = Assert.Single(problems);
        Assert.Equal(("VDL6002", 3), (problem.Descriptor.Code, problem.Line));
        Assert.Equal(1, estate.GuestCount);
    }
}
