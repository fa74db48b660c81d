namespace VirtLang.Runtime.Scenarios;

/// <summary>How the actual figure must stand to the threshold for an expectation to hold.</summary>
public enum ExpectationComparison
{
    /// <summary><c>&gt;=</c></summary>
    AtLeast,

    /// <summary><c>&gt;</c></summary>
    Above,

    /// <summary><c>&lt;=</c></summary>
    AtMost,

    /// <summary><c>&lt;</c></summary>
    Below,
}
