using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;

namespace VirtLang.Language.Tests;

public sealed class LiteralGrammarTests
{
    [Theory]
    [InlineData("4", 4d, Dimension.None)]
    [InlineData("500_000", 500_000d, Dimension.None)]
    [InlineData("2.5", 2.5d, Dimension.None)]
    [InlineData("384GiB", 384d * 1024 * 1024 * 1024, Dimension.Memory)]
    [InlineData("3.2TB", 3.2e12, Dimension.Memory)]
    [InlineData("2.6GHz", 2.6e9, Dimension.Frequency)]
    [InlineData("25Gbps", 25e9, Dimension.Bandwidth)]
    [InlineData("3GB/s", 24e9, Dimension.Bandwidth)]
    [InlineData("1.8kW", 1800d, Dimension.Power)]
    [InlineData("70%", 0.7d, Dimension.Ratio)]
    [InlineData("4d12h", (4 * 86400d) + (12 * 3600), Dimension.Time)]
    [InlineData("1h30m15s", 3600d + 1800 + 15, Dimension.Time)]
    [InlineData("250ms", 0.25d, Dimension.Time)]
    [InlineData("9_007_199_254_740_992", 9_007_199_254_740_992d, Dimension.None)] // 2^53: the largest whole number a literal holds
    [InlineData("0009007199254740992.5", 9_007_199_254_740_992.5d, Dimension.None)]
    public void QuantitiesHaveTheirCanonicalValueAndDimension(string text, double value, Dimension dimension)
    {
        var result = QuantityGrammar.Parse(text);
        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(dimension, result.Value.Dimension);
        Assert.Equal(value, result.Value.Value, 6);
    }

    [Theory]
    [InlineData("12GX", "VDL0011", 2, 2)]
    [InlineData("500__000", "VDL0010", 3, 1)]
    [InlineData("1_", "VDL0010", 1, 1)]
    [InlineData("4d12GiB", "VDL0012", 4, 3)]
    [InlineData("4d12", "VDL0012", 2, 2)]
    [InlineData("16gib", "VDL0011", 2, 3)]
    [InlineData("99999999999999999999", "VDL0015", 0, 20)] // past 64 bits: never a silent default
    [InlineData("9007199254740993", "VDL0015", 0, 16)] // 2^53 + 1 would read as 2^53
    [InlineData("1_000_000_000_000_000_000GiB", "VDL0015", 0, 25)]
    [InlineData("4d99999999999999999999h", "VDL0015", 2, 20)]
    public void MalformedQuantitiesPointAtTheOffendingCharacters(string text, string code, int offset, int length)
    {
        var error = QuantityGrammar.Parse(text).Error;
        Assert.NotNull(error);
        Assert.Equal(code, error.Descriptor.Code);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(length, error.Length);
    }

    [Fact]
    public void UnknownUnitsSuggestTheClosestOne()
    {
        var error = QuantityGrammar.Parse("16Gib").Error!;
        Assert.Contains("did you mean `GiB`?", error.Descriptor.FormatMessage(error.Arguments), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.6", "8.6.0")]
    [InlineData("2024.03", "2024.3")]
    public void VersionsCompareNumericallyWithMissingPartsAsZero(string a, string b)
    {
        var va = VersionGrammar.ParseVersion(a).Value!;
        var vb = VersionGrammar.ParseVersion(b).Value!;
        Assert.Equal(0, va.CompareTo(vb));
        Assert.Equal(va.GetHashCode(), vb.GetHashCode());
    }

    [Fact]
    public void VersionsOrder()
    {
        var ordered = new[] { "2019.11", "2024.02", "2024.03", "2024.3.1", "2024.10" }
            .Select(v => VersionGrammar.ParseVersion(v).Value!).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i - 1].CompareTo(ordered[i]) < 0, $"{ordered[i - 1]} < {ordered[i]}");
        }

        Assert.True(VersionGrammar.ParseVersion("4.18.0-rc1").Value!.CompareTo(VersionGrammar.ParseVersion("4.18.0").Value) < 0);
    }

    [Theory]
    [InlineData(">= 2024.03", "2024.03", true)]
    [InlineData(">= 2024.03", "2024.02", false)]
    [InlineData(">= 8.6, < 9", "8.10", true)]
    [InlineData(">= 8.6, < 9", "9.0", false)]
    [InlineData("8.6", "8.6.0", true)]
    [InlineData("!= 8.6", "8.6", false)]
    [InlineData("> 1, <= 2", "2", true)]
    [InlineData("== 2", "2.0.1", false)]
    public void ConstraintsHoldWhenEveryClauseHolds(string constraint, string version, bool expected)
    {
        var c = VersionGrammar.ParseConstraint(constraint);
        Assert.True(c.Success, c.Error?.ToString());
        Assert.Equal(expected, c.Value!.IsSatisfiedBy(VersionGrammar.ParseVersion(version).Value!));
    }

    [Theory]
    [InlineData("8.x", 2)]
    [InlineData("v8", 0)]
    [InlineData("8.", 2)]
    [InlineData("", 0)]
    public void MalformedVersionsPointAtTheOffendingCharacter(string text, int offset)
    {
        var error = VersionGrammar.ParseVersion(text).Error!;
        Assert.Same(SyntaxDiagnostics.BadVersion, error.Descriptor);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("=> 2024.03", 1)]
    [InlineData(">= 8.6,, < 9", 7)]
    [InlineData(">= 8.6 < 9", 7)]
    public void MalformedConstraintsPointAtTheOffendingCharacter(string text, int offset)
    {
        var error = VersionGrammar.ParseConstraint(text).Error!;
        Assert.Same(SyntaxDiagnostics.BadVersionConstraint, error.Descriptor);
        Assert.Equal(offset, error.Offset);
    }
}
