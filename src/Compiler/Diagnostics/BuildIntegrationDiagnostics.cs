using VirtLang.Language.Diagnostics;
using static VirtLang.Language.Diagnostics.DiagnosticSeverity;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>
/// The codes the MSBuild integration reports about a project rather than a model (VDL91xx, docs/msbuild.md). They are
/// in the catalog so that <c>vdl explain</c> and the pages know them; their severity is the build's and is not changed
/// by a vdlconfig.json.
/// </summary>
public static class BuildIntegrationDiagnostics
{
    public static readonly DiagnosticDescriptor DuplicateModelClass = new(
        "VDL9101", Error, "Two models would generate the same class",
        "this model and `{0}` would both generate `{1}`; set `ClassName` (or `Namespace`) metadata on one of the VdlFile items");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [DuplicateModelClass];
}
