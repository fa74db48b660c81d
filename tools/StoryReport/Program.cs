using VirtLang.StoryReport;

// dotnet run --project tools/StoryReport [-- ROOT]: simulates every example's first scenario and rewrites
// examples/README.md with the results. Deterministic: the same examples give the same file.
var root = args.Length > 0 ? args[0] : FindRoot();
string text;
try
{
    text = StoryDocument.Render(root);
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

var output = Path.Combine(root, "examples", "README.md");
File.WriteAllText(output, text);
Console.WriteLine($"wrote {output}");
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "VirtLang.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
