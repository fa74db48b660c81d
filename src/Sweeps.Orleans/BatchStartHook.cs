namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// What a batch awaits before it runs: nothing, unless a test registered a hook in a silo to hold that silo's batches
/// (so it can kill the silo while a batch is surely running there). Not registered by workers.
/// </summary>
internal interface IBatchStartHook
{
    Task BeforeRunAsync();
}
