using System.CommandLine;
using VirtLang.Cli.Files;
using VirtLang.Cli.Rendering;
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

        var code = Path.Combine(folder, "Model.g.cs");
        var dll = Path.Combine(folder, "VirtLang.Model.dll");
        var modelFiles = new ModelFileSet(compilation.Files.Select(f => f.Path));
        if ((modelFiles.Find(code) ?? (assembly ? modelFiles.Find(dll) : null)) is { } overwritten)
        {
            context.Error.WriteLine($"vdl: error: writing into {TerminalText.Sanitize(folder)} would overwrite {TerminalText.Sanitize(overwritten)}, a file of the model; name another folder");
            return ExitCodes.UsageOrIo;
        }

        try
        {
            Directory.CreateDirectory(folder);
            OutputFile.WriteText(code, CSharpEmitter.Emit(compilation.SemanticModel));
            context.Out.WriteLine($"Wrote {TerminalText.Sanitize(code)}.");
            if (assembly)
            {
                OutputFile.Write(dll, ModelHost.CompileAssembly(compilation));
                context.Out.WriteLine($"Wrote {TerminalText.Sanitize(dll)}.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: cannot write into {TerminalText.Sanitize(folder)}: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }
        catch (GeneratedCodeException e)
        {
            return context.ReportGeneratedCodeFailure(e);
        }

        return ExitCodes.Success;
    }
}
