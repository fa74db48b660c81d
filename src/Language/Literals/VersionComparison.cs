namespace VirtLang.Language.Literals;

/// <summary>The operator of one clause of a version constraint.</summary>
public enum VersionComparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
