namespace VirtLang.Sweeps.Tests;

/// <summary>Tests that measure the process's memory: run alone, so that no other test's allocations are counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
