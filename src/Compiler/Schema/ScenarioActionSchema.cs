namespace VirtLang.Compiler.Schema;

/// <summary>
/// One action of a scenario statement (<c>at TIME ACTION</c>): its word, the kinds its target may have, and the
/// words that may follow it. The checker (VDL1004 on a target of another kind), completion and the TextMate grammar read it.
/// </summary>
/// <param name="TargetKinds">The kinds of the name after the word, in the order messages list them.</param>
public sealed record ScenarioActionSchema(string Word, IReadOnlyList<string> TargetKinds, string Help)
{
    /// <summary>A word written before the target that changes its kind (<c>fail site SITE</c>), with the kinds it then takes.</summary>
    public ScenarioActionModifier? Modifier { get; init; }

    /// <summary>A second name after a word (<c>migrate GUEST to HOST</c>), with the kinds it takes.</summary>
    public ScenarioActionModifier? Destination { get; init; }
}

/// <summary>A word of a scenario action after its keyword (<c>site</c>, <c>to</c>) and the kinds of the name after it.</summary>
public sealed record ScenarioActionModifier(KeywordSchema Keyword, IReadOnlyList<string> Kinds);
