using System.Runtime.Loader;
using Microsoft.Build.Framework;
using VirtLang.Compiler;
using VirtLang.Compiler.Configuration;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Emit;
using VirtLang.Language.Diagnostics;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace VirtLang.MSBuildTasks;

/// <summary>
/// Checks each model (a <c>VdlFile</c> and what it imports), writes its C# when it has no errors, and caches every
/// diagnostic for <c>VdlReportDiagnostics</c> to log: the check runs only when a model changed, the report on every
/// build. Runs inside the isolated load context that <c>VdlCompile</c> makes for the compiler and its Roslyn.
/// </summary>
public sealed class CompileModels : MSBuildTask
{
    /// <summary>The models' root files; metadata <c>GeneratedFile</c> (required), <c>Namespace</c>, <c>ClassName</c>.</summary>
    [Required]
    public ITaskItem[] Models { get; set; } = [];

    /// <summary>Where the diagnostics go (<see cref="DiagnosticRecord"/>); also the time stamp of the check.</summary>
    [Required]
    public string DiagnosticsFile { get; set; } = string.Empty;

    /// <summary>Where the files the models read besides their roots go, one per line (imports, vdlconfig.json): the next build's inputs.</summary>
    [Required]
    public string DependenciesFile { get; set; } = string.Empty;

    /// <summary>False to check only.</summary>
    public bool Generate { get; set; } = true;

    public string DefaultNamespace { get; set; } = CSharpEmitter.DefaultNamespace;

    public override bool Execute()
    {
        try
        {
            return CheckAndGenerate();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a read-only obj folder is the machine's problem, said plainly, not a stack trace.
            Log.LogError(null, "VDL9104", null, null, 0, 0, 0, 0, "VirtLang could not write its output: {0}", e.Message);
            return false;
        }
    }

    private bool CheckAndGenerate()
    {
        // Says where the compiler and its Roslyn came from: the proof, in a detailed log, that they are the package's own.
        var roslyn = typeof(Microsoft.CodeAnalysis.SyntaxTree).Assembly;
        Log.LogMessage(MessageImportance.Low, "VirtLang compiler in load context '{0}'; Roslyn {1} from {2}",
            AssemblyLoadContext.GetLoadContext(typeof(ModelCompilation).Assembly)?.Name,
            System.Diagnostics.FileVersionInfo.GetVersionInfo(roslyn.Location).FileVersion, roslyn.Location);

        var records = new List<DiagnosticRecord>();
        var seen = new HashSet<DiagnosticRecord>();
        var roots = new HashSet<string>(Models.Select(m => Path.GetFullPath(m.ItemSpec)), StringComparer.Ordinal);
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        foreach (var item in Models)
        {
            var path = Path.GetFullPath(item.ItemSpec);
            var generated = item.GetMetadata("GeneratedFile");
            var @namespace = NonEmpty(item.GetMetadata("Namespace")) ?? DefaultNamespace;
            var className = NonEmpty(item.GetMetadata("ClassName")) ?? ModelClassName.FromFile(path);
            if (classes.TryGetValue($"{@namespace}.{className}", out var other))
            {
                var duplicate = BuildIntegrationDiagnostics.DuplicateModelClass;
                Add(records, seen, new DiagnosticRecord("error", duplicate.Code, duplicate.FormatMessage([other, $"{@namespace}.{className}"]),
                    path, 1, 1, 1, 1, duplicate.HelpUri));
                continue;
            }

            classes[$"{@namespace}.{className}"] = item.ItemSpec;
            ModelCompilation compilation;
            try
            {
                compilation = ModelCompilation.FromFiles([path]);
            }
            catch (ModelFileException e)
            {
                var descriptor = SyntaxDiagnostics.UnreadableFile;
                Add(records, seen, new DiagnosticRecord("error", descriptor.Code, descriptor.FormatMessage([e.Reason]), e.Path, 0, 0, 0, 0, descriptor.HelpUri));
                continue;
            }

            foreach (var file in compilation.Files.Select(f => f.Path).Where(p => p.Length > 0).Select(Path.GetFullPath))
            {
                if (!roots.Contains(file))
                {
                    dependencies.Add(file);
                }

                foreach (var configuration in ConfigurationFiles(file))
                {
                    dependencies.Add(configuration);
                }
            }

            foreach (var diagnostic in compilation.Diagnostics)
            {
                Add(records, seen, Record(diagnostic));
            }

            if (string.IsNullOrEmpty(generated))
            {
                continue;
            }

            if (compilation.HasErrors || !Generate)
            {
                // Stale code for a broken model would compile against what the model no longer says.
                if (File.Exists(generated))
                {
                    File.Delete(generated);
                }

                continue;
            }

            OutputFile.WriteIfChanged(generated, CSharpEmitter.Emit(compilation.SemanticModel, @namespace, className));
        }

        OutputFile.WriteIfChanged(DependenciesFile, string.Concat(dependencies.Select(d => d + "\n")));
        // Always written: the file is the check target's time stamp, which must be newer than the models it checked.
        OutputFile.WriteAtomically(DiagnosticsFile, DiagnosticRecord.ToJson(records));
        Log.LogMessage(MessageImportance.Normal, "VirtLang: checked {0} model(s) in {1} ms: {2} diagnostic(s)", Models.Length, watch.ElapsedMilliseconds, records.Count);
        return !Log.HasLoggedErrors;
    }

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The same diagnostic reached through two models (a shared import) is reported once.</summary>
    private static void Add(List<DiagnosticRecord> records, HashSet<DiagnosticRecord> seen, DiagnosticRecord record)
    {
        if (seen.Add(record))
        {
            records.Add(record);
        }
    }

    private static DiagnosticRecord Record(Diagnostic diagnostic)
    {
        var (start, end) = (diagnostic.Location.Start, diagnostic.Location.End);
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return new DiagnosticRecord(severity, diagnostic.Code, diagnostic.Message, diagnostic.Location.Path,
            start.Line, start.Column, end.Line, end.Column, diagnostic.Descriptor.HelpUri);
    }

    /// <summary>The vdlconfig.json files that exist from the file's folder up: each can change the model's severities.</summary>
    private static IEnumerable<string> ConfigurationFiles(string file) =>
        ConfigurationReader.CandidatesFor(Path.GetDirectoryName(file) ?? string.Empty).Where(File.Exists);
}
