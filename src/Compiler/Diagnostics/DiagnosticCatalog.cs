using System.Collections.Frozen;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic code the product can report, in one place: the front-end's VDL0xxx, the checker's, the MSBuild
/// integration's VDL91xx and `vdl import`'s VDL60xx.
/// </summary>
public static class DiagnosticCatalog
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [.. SyntaxDiagnostics.All.Concat(CompilerDiagnostics.All).Concat(BuildIntegrationDiagnostics.All).Concat(PlanningDiagnostics.All).Concat(ImportDiagnostics.All).OrderBy(d => d.Code, StringComparer.Ordinal)];

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ByCode =
        All.ToFrozenDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a descriptor by code, case-insensitively (<c>vdl0001</c> works too).</summary>
    public static DiagnosticDescriptor? Find(string code) => ByCode.GetValueOrDefault(code.Trim());
}
