using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace VirtLang.MSBuildTasks;

/// <summary>
/// The task the targets call to check and generate: it hands the work to <c>CompileModels</c> in the engine's own
/// load context (<see cref="EngineLoadContext"/>), passing its parameters and build engine across; the two share only
/// MSBuild's types.
/// </summary>
public sealed class VdlCompile : MSBuildTask
{
    [Required]
    public ITaskItem[] Models { get; set; } = [];

    [Required]
    public string DiagnosticsFile { get; set; } = string.Empty;

    [Required]
    public string DependenciesFile { get; set; } = string.Empty;

    public bool Generate { get; set; } = true;

    public string DefaultNamespace { get; set; } = string.Empty;

    public override bool Execute()
    {
        ITask engine;
        try
        {
            var context = EngineLoadContext.ForThisPackage();
            var type = context.Engine.GetType("VirtLang.MSBuildTasks.CompileModels", throwOnError: true)!;
            engine = (ITask)Activator.CreateInstance(type)!;
            engine.BuildEngine = BuildEngine;
            engine.HostObject = HostObject;
            Set(engine, nameof(Models), Models);
            Set(engine, nameof(DiagnosticsFile), DiagnosticsFile);
            Set(engine, nameof(DependenciesFile), DependenciesFile);
            Set(engine, nameof(Generate), Generate);
            if (DefaultNamespace.Length > 0)
            {
                Set(engine, nameof(DefaultNamespace), DefaultNamespace);
            }
        }
        catch (Exception e) when (e is IOException or TypeLoadException or MissingMemberException or InvalidCastException or BadImageFormatException)
        {
            Log.LogError(null, "VDL9102", null, null, 0, 0, 0, 0, "the VirtLang compiler could not be loaded ({0}); reinstall the VirtLang.MSBuild package", e.Message);
            return false;
        }

        return engine.Execute();
    }

    private static void Set(ITask task, string property, object value) =>
        (task.GetType().GetProperty(property) ?? throw new MissingMemberException(task.GetType().FullName, property)).SetValue(task, value);
}
