using VirtLang.Compiler.Symbols;

namespace VirtLang.Planning;

/// <summary>One instance to place: replica <see cref="Replica"/> (from 1) of <see cref="App"/>.</summary>
internal sealed record PlanItem(int Index, ApplicationSymbol App, int AppIndex, long Replica)
{
    public IsolationLevel Isolation => App.Isolation switch
    {
        "container" => IsolationLevel.Container,
        "vm" => IsolationLevel.Vm,
        "host" => IsolationLevel.Host,
        _ => IsolationLevel.Process,
    };
}
