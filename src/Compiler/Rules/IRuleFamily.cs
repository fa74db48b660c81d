namespace VirtLang.Compiler.Rules;

/// <summary>One family of rules over the bound model (docs/diagnostics/README.md lists which codes each reports).</summary>
internal interface IRuleFamily
{
    /// <summary>How the family is named in an internal-error diagnostic (VDL9001).</summary>
    string Name { get; }

    void Check(RuleContext context);
}
