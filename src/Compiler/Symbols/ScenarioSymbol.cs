using VirtLang.Compiler.Binding;

namespace VirtLang.Compiler.Symbols;

/// <summary>A scenario: its timing and its statements (the generator reads the statements from the syntax).</summary>
public sealed class ScenarioSymbol : ModelSymbol
{
    internal ScenarioSymbol(string name, BlockView view)
        : base(name, view)
    {
    }

    /// <summary>Seconds.</summary>
    public double? Duration { get; internal set; }

    /// <summary>Seconds; 60 by default.</summary>
    public double Step { get; internal set; } = 60;

    public ulong Seed { get; internal set; } = 42;

    /// <summary><c>random_failures</c>: whether the model's <c>failures</c> blocks fail things in this scenario (default true).</summary>
    public bool RandomFailures { get; internal set; } = true;
}
