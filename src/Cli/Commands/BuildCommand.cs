using System.CommandLine;
using VirtLang.Compiler;
using VirtLang.Compiler.Emit;
using VirtLang.Compiler.Hosting;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl build FILE... -o DIR [--assembly]</c>: check the model and write its generated C# (<c>Model.g.cs</c>) into
/// DIR, and with <c>--assembly</c> the compiled <c>VirtLang.Model.dll</c> too; 0 written, 1 the model has errors,
/// 2 usage or I/O error, 3 the generated code did not compile (a bug of ours).
/// </summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "The .vdl files of the model", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The folder to write into", Required = true };
        var assembly = new Option<bool>("--assembly") { Description = "Also compile the C# and write the assembly" };
        var command = new Command("build", "Check a model and write its generated C# (and assembly)") { files, output, assembly };
        command.SetAction(result => Run(context, result.GetValue(files) ?? [], result.GetValue(output)!, result.GetValue(assembly)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string folder, bool assembly)
    {
        if (!context.TryReadModel(paths, announce: null, out var sources))
        {
            return ExitCodes.UsageOrIo;
        }

        var compilation = ModelCompilation.Create(sources);
        if (context.RefuseModelWithErrors(compilation, "nothing was written") is { } refused)
        {
            return refused;
        }

        try
        {
            Directory.CreateDirectory(folder);
            var code = Path.Combine(folder, "Model.g.cs");
            AtomicFile.WriteAllText(code, CSharpEmitter.Emit(compilation.SemanticModel), utf8Bom: false);
            context.Out.WriteLine($"Wrote {code}.");
            if (assembly)
            {
                var dll = Path.Combine(folder, "VirtLang.Model.dll");
                var temp = dll + ".tmp";
                File.WriteAllBytes(temp, ModelHost.CompileAssembly(compilation));
                File.Move(temp, dll, overwrite: true);
                context.Out.WriteLine($"Wrote {dll}.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: cannot write into {folder}: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (GeneratedCodeException e)
        {
            return context.ReportGeneratedCodeFailure(e);
        }

        return ExitCodes.Success;
    }
}
