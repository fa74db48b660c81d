using VirtLang.Import.Model;

namespace VirtLang.Import.Tests;

public sealed class VdlNameAllocatorTests
{
    [Theory]
    [InlineData("web-01.prod", "web-01-prod")]
    [InlineData("01-db", "vm-01-db")]
    [InlineData("  ", "vm")]
    [InlineData("db, primary", "db-primary")]
    [InlineData("naïve", "na-ve")]
    [InlineData("trailing-", "trailing")]
    public void NamesBecomeIdentifiers(string original, string expected) => Assert.Equal(expected, VdlNameAllocator.Sanitize(original, "vm"));

    [Fact]
    public void NamesAreUniqueAndNeverACopysName()
    {
        var names = new VdlNameAllocator();
        Assert.Equal("web", names.Allocate("web", "vm", copies: 2));
        Assert.Equal("web_2", names.Allocate("web", "vm"));
        Assert.Equal("web-1_2", names.Allocate("web-1", "vm"));
        Assert.Equal("db", names.Allocate("db", "vm"));
        Assert.Equal("db_2", names.Allocate("db", "vm", copies: 1));
    }
}
