namespace VirtLang.Runtime.Model;

/// <summary>The comparison of one clause of a <see cref="PatchRequirement"/>.</summary>
public enum PatchComparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
