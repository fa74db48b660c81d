using System.CommandLine;
using VirtLang.Cli.Files;
using VirtLang.Cli.Rendering;
using VirtLang.Compiler.Sources;
using VirtLang.Import;
using VirtLang.Import.Compose;
using VirtLang.Import.Inventory;
using VirtLang.Import.Libvirt;
using VirtLang.Import.Model;
using VirtLang.Import.Sources;
using VirtLang.Import.Writing;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl import libvirt FILE|DIR...</c>, <c>vdl import compose FILE</c>, <c>vdl import inventory FILE.csv [--columns ...]</c>,
/// each with <c>-o FILE.vdl</c> (or <c>-o -</c>): one model from every file named (docs/import.md). A file that cannot be
/// imported is reported as <c>file(line,col): error VDL6nnn: message</c> and skipped; 0 when every file was imported,
/// 1 when one was not (the model of the others is still written), 2 on usage or when the output cannot be written.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Write a model from the estate's own descriptions: libvirt domain XML, Docker Compose, a VM inventory CSV");

        var libvirtFiles = new Argument<string[]>("files") { Description = "Domain XML files (virsh dumpxml), or folders of them (their .xml files)", Arity = ArgumentArity.OneOrMore };
        var libvirtOutput = OutputOption();
        var libvirt = new Command("libvirt", "Import libvirt domain XML: each domain becomes a guest") { libvirtFiles, libvirtOutput };
        libvirt.SetAction(result => Run(context, "libvirt", result.GetValue(libvirtFiles) ?? [], result.GetValue(libvirtOutput)!,
            (paths, estate, problems) =>
            {
                foreach (var path in ImportFileList.Expand(paths, ".xml", problems))
                {
                    LibvirtDomainImporter.Import(path, estate, problems);
                }
            }));

        var composeFile = new Argument<string>("file") { Description = "The Compose file (compose.yaml, docker-compose.yml)" };
        var composeOutput = OutputOption();
        var compose = new Command("compose", "Import a Docker Compose file: each service becomes an application in containers") { composeFile, composeOutput };
        compose.SetAction(result => Run(context, "compose", [result.GetValue(composeFile)!], result.GetValue(composeOutput)!,
            (paths, estate, problems) => ComposeImporter.Import(paths[0], estate, problems)));

        var inventoryFile = new Argument<string>("file") { Description = "The inventory CSV (vInfo layout, or another with --columns)" };
        var inventoryOutput = OutputOption();
        var columns = new Option<string>("--columns")
        {
            Description = "FIELD=HEADER pairs for a layout other than vInfo's, such as VM=Name,CPUs=NumCpu,Memory=MemoryMB; the fields are "
                + string.Join(", ", InventoryColumns.Fields.Select(f => f.Field)),
        };
        var inventory = new Command("inventory", "Import a VM inventory CSV: each row becomes a guest, hosts and clusters come from the rows") { inventoryFile, inventoryOutput, columns };
        inventory.SetAction(result =>
        {
            if (InventoryColumns.Parse(result.GetValue(columns), out var error) is not { } mapping)
            {
                context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(error!)}");
                return ExitCodes.UsageOrIo;
            }

            return Run(context, "inventory", [result.GetValue(inventoryFile)!], result.GetValue(inventoryOutput)!,
                (paths, estate, problems) => InventoryCsvImporter.Import(paths[0], mapping, estate, problems));
        });

        command.Subcommands.Add(libvirt);
        command.Subcommands.Add(compose);
        command.Subcommands.Add(inventory);
        return command;
    }

    private static Option<string> OutputOption() => new("--output", "-o")
    {
        Description = "The .vdl file to write, or - for standard output",
        Required = true,
    };

    private static int Run(CliContext context, string source, string[] paths, string output, Action<string[], ImportedEstate, List<ImportProblem>> import)
    {
        if (!StandardStreamPath.Is(output) && paths.FirstOrDefault(p => SamePath(p, output)) is { } input)
        {
            context.Error.WriteLine($"vdl: error: -o {TerminalText.Sanitize(output)} is the input {TerminalText.Sanitize(input)}; an import never replaces what it reads");
            return ExitCodes.UsageOrIo;
        }

        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        import(paths, estate, problems);
        foreach (var problem in problems)
        {
            context.Error.WriteLine(TerminalText.Sanitize(problem.ToString()));
        }

        var files = paths.Length == 1 ? Path.GetFileName(paths[0]) : $"{paths.Length} paths";
        var summary = $"{Count(estate.GuestCount, "guest")} on {Count(estate.Hosts.Count, "host")}, {Count(estate.Apps.Count, "application")}, {Count(estate.Clusters.Count, "cluster")}";
        var text = VdlModelWriter.Write(estate, $"Imported by `vdl import {source}` from {files}: {summary}.");
        if (StandardStreamPath.Is(output))
        {
            context.Out.Write(text);
            context.Error.WriteLine($"vdl import: {summary}");
        }
        else
        {
            try
            {
                OutputFile.WriteText(output, text);
            }
            catch (OutputFileException e)
            {
                context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(e.Message)}");
                return ExitCodes.UsageOrIo;
            }

            var shown = TerminalText.Sanitize(output);
            context.Out.WriteLine($"Wrote {shown}: {summary}. Next: `vdl check {shown}` and fix what its header lists.");
        }

        return problems.Any(p => p.IsError) ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n:N0} {noun}s";

    /// <summary>Whether two paths are one file, through links and spellings: the output must never be an input.</summary>
    private static bool SamePath(string input, string output)
    {
        var a = CanonicalPath.Resolve(input) ?? Path.GetFullPath(input);
        var b = CanonicalPath.Resolve(output) ?? Path.GetFullPath(output);
        return string.Equals(a, b, StringComparison.Ordinal) || (Directory.Exists(a) && b.StartsWith(a.TrimEnd('/') + "/", StringComparison.Ordinal)
            && b.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
    }
}
