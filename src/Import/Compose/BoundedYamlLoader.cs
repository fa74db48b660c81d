using VirtLang.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace VirtLang.Import.Compose;

/// <summary>
/// Reads the first document of a YAML stream from the parser's events into <see cref="YamlNode"/>s, with an explicit
/// stack (no recursion, whatever the nesting) and two bounds: the depth (<see cref="ImportLimits.MaxYamlDepth"/>) and
/// the nodes made, aliases and merge keys (`&lt;&lt;: *base`) counted as what they copy
/// (<see cref="ImportLimits.MaxYamlNodes"/>), so an alias bomb stops at the bound instead of filling the memory. An
/// alias is the same node as its anchor, never a copy; no tag is ever turned into an object.
/// </summary>
internal static class BoundedYamlLoader
{
    public static YamlNode? Load(string path, string text, List<ImportProblem> problems)
    {
        var anchors = new Dictionary<string, (YamlNode Node, long Size)>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        long nodes = 0;
        YamlNode? root = null;
        var parser = new Parser(new StringReader(text));
        var lastMark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastMark = current.Start;
                YamlNode? completed = null;
                long completedSize = 0;
                var anchor = string.Empty;
                switch (current)
                {
                    case DocumentEnd when root is not null:
                        return root;
                    case Scalar scalar:
                        completed = YamlNode.NewScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Line(scalar.Start), Column(scalar.Start));
                        completedSize = 1;
                        anchor = scalar.Anchor.IsEmpty ? string.Empty : scalar.Anchor.Value;
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            problems.Add(ImportProblem.Of(path, Line(alias.Start), Column(alias.Start), ImportDiagnostics.MalformedYaml, $"the alias *{alias.Value.Value} has no anchor before it"));
                            return null;
                        }

                        (completed, completedSize) = target;
                        break;
                    case MappingStart mapping:
                        stack.Push(new Frame(YamlNode.NewMapping(Line(mapping.Start), Column(mapping.Start)), mapping.Anchor.IsEmpty ? string.Empty : mapping.Anchor.Value));
                        break;
                    case SequenceStart sequence:
                        stack.Push(new Frame(YamlNode.NewSequence(Line(sequence.Start), Column(sequence.Start)), sequence.Anchor.IsEmpty ? string.Empty : sequence.Anchor.Value));
                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = stack.Pop();
                        var copied = frame.ApplyMerges();
                        nodes += copied;
                        completed = frame.Node;
                        completedSize = frame.Size + copied;
                        anchor = frame.Anchor;
                        break;
                }

                if (stack.Count > ImportLimits.MaxYamlDepth)
                {
                    problems.Add(ImportProblem.Of(path, Line(current.Start), Column(current.Start), ImportDiagnostics.OverALimit, "the document nests deeper", $"{ImportLimits.MaxYamlDepth} levels"));
                    return null;
                }

                if (completed is null)
                {
                    continue;
                }

                nodes += completedSize;
                if (nodes > ImportLimits.MaxYamlNodes)
                {
                    problems.Add(ImportProblem.Of(path, Line(current.Start), Column(current.Start), ImportDiagnostics.OverALimit, "the document expands to more nodes (aliases counted as what they copy)", $"{ImportLimits.MaxYamlNodes:N0} nodes"));
                    return null;
                }

                if (anchor.Length > 0)
                {
                    anchors[anchor] = (completed, completedSize);
                }

                if (stack.Count == 0)
                {
                    root = completed;
                    continue;
                }

                var parent = stack.Peek();
                parent.Size += completedSize;
                if (parent.Node.Kind == YamlNodeKind.Sequence)
                {
                    parent.Node.Items.Add(completed);
                }
                else if (parent.PendingKey is null)
                {
                    // A key that is not a scalar (`? [a, b]`) names nothing Compose reads: kept under a key no lookup matches.
                    parent.PendingKey = completed.Kind == YamlNodeKind.Scalar ? completed.Scalar : "?";
                }
                else
                {
                    var key = parent.PendingKey;
                    parent.PendingKey = null;
                    if (key == "<<")
                    {
                        parent.MergeSources.AddRange(completed.Kind == YamlNodeKind.Sequence ? completed.Items : [completed]);
                    }
                    else if (parent.OwnKeys.Add(key))
                    {
                        parent.Node.Entries.Add(new(key, completed));
                    }
                }
            }
        }
        catch (YamlException e)
        {
            problems.Add(ImportProblem.Of(path, Line(e.Start), Column(e.Start), ImportDiagnostics.MalformedYaml, e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way, not with a YamlException, on some malformed plain scalars (found by
            // HostileInputPropertyTests): still a located error, at the last event it read.
            problems.Add(ImportProblem.Of(path, Line(lastMark), Column(lastMark), ImportDiagnostics.MalformedYaml, "the YAML cannot be read past this point (malformed scalar)"));
            return null;
        }

        return root;
    }

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    private sealed class Frame(YamlNode node, string anchor)
    {
        public YamlNode Node { get; } = node;

        public string Anchor { get; } = anchor;

        public long Size { get; set; } = 1;

        public string? PendingKey { get; set; }

        /// <summary>The keys the mapping sets itself (a repeated key: the first is kept).</summary>
        public HashSet<string> OwnKeys { get; } = new(StringComparer.Ordinal);

        /// <summary>The mappings of its merge keys (`&lt;&lt;: *base`, or a list of them), in order.</summary>
        public List<YamlNode> MergeSources { get; } = [];

        /// <summary>
        /// Adds the merged mappings' entries the mapping does not set itself (its own keys win wherever the merge key
        /// stands; among merged mappings the first wins, as YAML's merge key says), in linear time; returns how many.
        /// </summary>
        public int ApplyMerges()
        {
            var copied = 0;
            foreach (var source in MergeSources.Where(s => s.Kind == YamlNodeKind.Mapping))
            {
                foreach (var entry in source.Entries)
                {
                    if (OwnKeys.Add(entry.Key))
                    {
                        Node.Entries.Add(entry);
                        copied++;
                    }
                }
            }

            return copied;
        }
    }
}
