namespace VirtLang.Cli.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, as `.ci/run` installs it: found at VDL_CHROMIUM, else on the PATH. The tests that need
/// it are skipped on a machine without it, except where VDL_REQUIRE_CHROMIUM=1 (CI sets it), where its absence fails.
/// </summary>
internal static class Chromium
{
    public static string? Path { get; } = Find();

    public static bool Required => Environment.GetEnvironmentVariable("VDL_REQUIRE_CHROMIUM") == "1";

    /// <summary>Runs the browser headless on a page with extra switches and returns what it wrote on standard output.</summary>
    public static string Run(string page, params string[] switches)
    {
        var browser = Path ?? throw new InvalidOperationException("Chromium is not installed: `apt-get install chromium`, or set VDL_CHROMIUM");
        string[] arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--no-first-run", "--disable-extensions", .. switches, new Uri(page).AbsoluteUri];
        var result = ChildProcess.Run(browser, System.IO.Path.GetDirectoryName(page)!, arguments, timeout: TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited with {result.ExitCode}: {result.Error}");
        }

        return result.Output;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("VDL_CHROMIUM") is { Length: > 0 } configured)
        {
            return configured;
        }

        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return (from name in new[] { "chromium", "chromium-browser", "google-chrome" }
                from directory in directories
                let candidate = System.IO.Path.Combine(directory, name)
                where File.Exists(candidate)
                select candidate).FirstOrDefault();
    }
}
