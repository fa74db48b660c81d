using System.Text;
using System.Text.RegularExpressions;

namespace VirtLang.Cli.Tests;

/// <summary>
/// A Markdown page read as a session at a terminal, so that what the page shows is what the tool does. Its fenced
/// blocks are steps, played in order in one folder:
/// <list type="bullet">
/// <item><c>```vdl FILE</c> appends the block to FILE (creating it): the page writes its model as the reader does;</item>
/// <item><c>```diff FILE</c> edits FILE: the lines marked <c>' '</c> and <c>'-'</c> must be found there exactly once and
/// become the lines marked <c>' '</c> and <c>'+'</c>;</item>
/// <item><c>```console</c> holds <c>$ vdl ARGS</c> lines, each followed by the output the page says it prints (standard
/// output, then standard error).</item>
/// </list>
/// A block may open with more backticks, and then closes with as many. Every other block (```vdl without a file, ```sh)
/// is prose to the session. Outputs are compared line by line after trailing white space is dropped; the time a compile
/// took is the one thing allowed to differ.
/// </summary>
internal sealed partial class MarkdownSession
{
    private readonly string[] _lines;

    private MarkdownSession(string path, string[] lines, IReadOnlyList<Step> steps)
    {
        Path = path;
        _lines = lines;
        Steps = steps;
    }

    public string Path { get; }

    public IReadOnlyList<Step> Steps { get; }

    public IEnumerable<Command> Commands => Steps.OfType<Command>();

    /// <summary>The files the page writes, by name, as they are after its last step.</summary>
    public IReadOnlyDictionary<string, string> FinalFiles
    {
        get
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var step in Steps)
            {
                switch (step)
                {
                    case AppendFile append:
                        files[append.File] = files.GetValueOrDefault(append.File, string.Empty) + append.Text;
                        break;
                    case EditFile edit:
                        files[edit.File] = Applied(edit, files.GetValueOrDefault(edit.File, string.Empty));
                        break;
                }
            }

            return files;
        }
    }

    public abstract record Step(int Line);

    public sealed record AppendFile(int Line, string File, string Text) : Step(Line);

    public sealed record EditFile(int Line, string File, string Old, string New) : Step(Line);

    /// <summary>A <c>$ vdl ...</c> line; <see cref="OutputStart"/>..<see cref="OutputEnd"/> are the page's (0-based) lines of its output.</summary>
    public sealed record Command(int Line, string Text, IReadOnlyList<string> Arguments, string Expected, int OutputStart, int OutputEnd, int FenceLength) : Step(Line);

    /// <summary>What a command printed, next to what the page shows.</summary>
    public sealed record Outcome(Command Command, string Actual)
    {
        public bool Matches => Comparable(Command.Expected) == Comparable(Actual);
    }

    public static MarkdownSession Load(string path)
    {
        var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var steps = new List<Step>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = FenceOpening().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            // A block ends at a line of only backticks, at least as many as opened it (CommonMark): a block of four can
            // show output that has blocks of three, such as a page of `vdl explain`.
            var fenceLength = fence.Groups["fence"].Length;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !IsClosingFence(lines[end], fenceLength))
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new FormatException($"{path}:{i + 1}: the block opened here is never closed");
            }

            var language = fence.Groups["language"].Value;
            var file = fence.Groups["file"].Value;
            var body = lines[start..end];
            switch (language)
            {
                case "vdl" when file.Length > 0:
                    steps.Add(new AppendFile(i + 1, file, string.Concat(body.Select(l => l + "\n"))));
                    break;
                case "diff" when file.Length > 0:
                    steps.Add(ParseEdit(path, i + 1, file, body));
                    break;
                case "console":
                    steps.AddRange(ParseCommands(path, lines, start, end, fenceLength));
                    break;
            }

            i = end;
        }

        return new MarkdownSession(path, lines, steps);
    }

    /// <summary>
    /// Plays every step in <paramref name="folder"/> and returns what each command printed, with the folder's path shown
    /// as <paramref name="displayFolder"/>. A step that cannot be played (an edit whose lines are not in the file) throws.
    /// </summary>
    public IReadOnlyList<Outcome> Play(string folder, string displayFolder, Func<IReadOnlyList<string>, ChildProcess.Result> runVdl)
    {
        var outcomes = new List<Outcome>();
        foreach (var step in Steps)
        {
            switch (step)
            {
                case AppendFile append:
                    File.AppendAllText(System.IO.Path.Combine(folder, append.File), append.Text);
                    break;
                case EditFile edit:
                    var target = System.IO.Path.Combine(folder, edit.File);
                    File.WriteAllText(target, Applied(edit, File.Exists(target) ? File.ReadAllText(target) : string.Empty));
                    break;
                case Command command:
                    var result = runVdl(command.Arguments);
                    var printed = (result.Output + result.Error).Replace(folder, displayFolder, StringComparison.Ordinal);
                    var actual = Displayed(printed);
                    if (actual.Split('\n').Any(l => IsClosingFence(l, command.FenceLength)))
                    {
                        throw new InvalidOperationException(
                            $"{Path}:{command.Line}: `{command.Text}` prints a line of backticks that would end its block; open the block with more backticks");
                    }

                    outcomes.Add(new Outcome(command, actual));
                    break;
            }
        }

        return outcomes;
    }

    /// <summary>
    /// The page with each command's output replaced by what it printed, where the two differ beyond a compile's time
    /// (so that a regeneration does not churn the page with timings).
    /// </summary>
    public string Rewritten(IReadOnlyList<Outcome> outcomes)
    {
        var lines = _lines.ToList();
        foreach (var outcome in outcomes.Where(o => !o.Matches).OrderByDescending(o => o.Command.OutputStart))
        {
            var command = outcome.Command;
            var replacement = outcome.Actual.Length == 0 ? [] : outcome.Actual.Split('\n').ToList();
            var nextIsCommand = command.OutputEnd < lines.Count && lines[command.OutputEnd].StartsWith("$ ", StringComparison.Ordinal);
            if (nextIsCommand)
            {
                replacement.Add(string.Empty); // a blank line between one command's output and the next command
            }

            lines.RemoveRange(command.OutputStart, command.OutputEnd - command.OutputStart);
            lines.InsertRange(command.OutputStart, replacement);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Output as a page shows it: one line break style, no trailing white space, no blank lines at the end.</summary>
    public static string Displayed(string output) =>
        string.Join('\n', output.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n');

    /// <summary>The text two outputs are compared by: as displayed, with the time a compile or a cache load took masked.</summary>
    public static string Comparable(string output) => CompileTime().Replace(Displayed(output), "${lead}<time>.");

    /// <summary>The text after the edit; an edit whose lines are not in the text exactly once cannot be played.</summary>
    private string Applied(EditFile edit, string text)
    {
        var count = Occurrences(text, edit.Old);
        if (count != 1)
        {
            throw new InvalidOperationException(
                $"{Path}:{edit.Line}: the lines this diff removes or keeps are found {count} times in {edit.File}, not once:\n{edit.Old}");
        }

        return text.Replace(edit.Old, edit.New, StringComparison.Ordinal);
    }

    private static IEnumerable<Command> ParseCommands(string path, string[] lines, int start, int end, int fenceLength)
    {
        var commandLines = Enumerable.Range(start, end - start).Where(i => lines[i].StartsWith("$ ", StringComparison.Ordinal)).ToList();
        if (commandLines.Count == 0 || commandLines[0] != start)
        {
            throw new FormatException($"{path}:{start + 1}: a console block starts with a `$ vdl ...` line");
        }

        for (var k = 0; k < commandLines.Count; k++)
        {
            var line = commandLines[k];
            var outputEnd = k + 1 < commandLines.Count ? commandLines[k + 1] : end;
            var trimmedEnd = outputEnd;
            while (trimmedEnd > line + 1 && lines[trimmedEnd - 1].Trim().Length == 0)
            {
                trimmedEnd--; // the blank line that separates commands is not output
            }

            var text = lines[line][2..].Trim();
            var words = SplitWords(text);
            if (words.Count == 0 || words[0] != "vdl")
            {
                throw new FormatException($"{path}:{line + 1}: only `vdl` commands are run; show other commands in a ```sh block");
            }

            yield return new Command(line + 1, text, words[1..], string.Join('\n', lines[(line + 1)..trimmedEnd]), line + 1, trimmedEnd, fenceLength);
        }
    }

    private static EditFile ParseEdit(string path, int line, string file, string[] body)
    {
        var old = new StringBuilder();
        var @new = new StringBuilder();
        foreach (var row in body)
        {
            var mark = row.Length == 0 ? ' ' : row[0];
            var content = row.Length == 0 ? string.Empty : row[1..];
            switch (mark)
            {
                case ' ':
                    old.Append(content).Append('\n');
                    @new.Append(content).Append('\n');
                    break;
                case '-':
                    old.Append(content).Append('\n');
                    break;
                case '+':
                    @new.Append(content).Append('\n');
                    break;
                default:
                    throw new FormatException($"{path}:{line}: a diff line starts with ' ', '-' or '+', not `{row}`");
            }
        }

        return new EditFile(line, file, old.ToString(), @new.ToString());
    }

    /// <summary>Words as a POSIX shell splits a simple command: white space separates, quotes group.</summary>
    private static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static bool IsClosingFence(string line, int length)
    {
        var trimmed = line.TrimEnd();
        return trimmed.Length >= length && trimmed.All(c => c == '`');
    }

    private static int Occurrences(string text, string part)
    {
        if (part.Length == 0)
        {
            return 0;
        }

        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"^(?<fence>```+)(?<language>[a-z]+)(?:[ \t]+(?<file>\S+))?[ \t]*$")]
    private static partial Regex FenceOpening();

    [GeneratedRegex(@"^(?<lead>Generated C# .* in )[0-9]+(?:\.[0-9]+)? ?(?:ms|s)\.$", RegexOptions.Multiline)]
    private static partial Regex CompileTime();
}
