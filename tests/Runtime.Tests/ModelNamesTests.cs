using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Tests;

public sealed class ModelNamesTests
{
    [Fact]
    public void EveryHypervisorKindHasOneWordBothWays()
    {
        foreach (var kind in Enum.GetValues<HypervisorKind>())
        {
            var word = ModelNames.ToName(kind);
            Assert.True(ModelNames.TryParseHypervisorKind(word, out var back));
            Assert.Equal(kind, back);
        }

        Assert.Equal(["none", "hosted", "bare_metal", "paravirtual", "os_level"], ModelNames.HypervisorKindWords);
    }

    [Fact]
    public void AccelerationWordsRoundTrip()
    {
        foreach (var acceleration in Enum.GetValues<Acceleration>())
        {
            Assert.True(ModelNames.TryParseAcceleration(ModelNames.ToName(acceleration), out var back));
            Assert.Equal(acceleration, back);
        }
    }

    [Theory]
    [InlineData("Bare_Metal")]
    [InlineData("baremetal")]
    [InlineData("")]
    public void WordsAreExact(string word) => Assert.False(ModelNames.TryParseHypervisorKind(word, out _));
}
