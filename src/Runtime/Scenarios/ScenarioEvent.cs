namespace VirtLang.Runtime.Scenarios;

/// <summary>
/// Something a scenario makes happen at <see cref="At"/> (ticks since the start). Targets are named as in the model
/// (a counted guest as <c>NAME-k</c>); a name the topology does not have is refused when the run starts.
/// </summary>
public abstract record ScenarioEvent(long At)
{
    /// <summary>Where the event was written (<c>dc.vdl(40,3)</c>), for the event log and error messages; null when built by hand.</summary>
    public string? Origin { get; init; }
}
