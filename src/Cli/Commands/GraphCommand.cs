using System.CommandLine;
using VirtLang.Compiler;
using VirtLang.Compiler.Graphs;

namespace VirtLang.Cli.Commands;

/// <summary><c>vdl graph FILE... --format dot|mermaid|svg</c>: the topology as a graph on standard output; 1 when the model has errors.</summary>
internal static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = $"The .vdl files of the model (none: the built-in example `{BuiltInExamples.DefaultName}`)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format") { Description = "dot (Graphviz), mermaid, or svg (drawn by vdl itself, no Graphviz needed)", DefaultValueFactory = _ => "dot" };
        format.AcceptOnlyFromAmong("dot", "mermaid", "svg");
        var command = new Command("graph", "Print the topology as a Graphviz, Mermaid or SVG graph") { files, format };
        command.SetAction(result => Run(context, result.GetValue(files) ?? [], result.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string format)
    {
        if (!context.TryReadModel(paths, announce: null, out var sources))
        {
            return ExitCodes.UsageOrIo;
        }

        var compilation = ModelCompilation.Create(sources);
        if (context.RefuseModelWithErrors(compilation, notDone: null, context.Error) is { } refused)
        {
            return refused;
        }

        context.Out.Write(format switch
        {
            "mermaid" => TopologyGraph.ToMermaid(compilation.SemanticModel),
            "svg" => TopologySvg.RenderStandalone(compilation.SemanticModel),
            _ => TopologyGraph.ToDot(compilation.SemanticModel),
        });
        return ExitCodes.Success;
    }
}
