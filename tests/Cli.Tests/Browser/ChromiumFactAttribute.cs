namespace VirtLang.Cli.Tests.Browser;

/// <summary>A fact that needs Chromium: skipped without it, unless CI requires it (then the test runs and fails).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = "needs Chromium (apt-get install chromium; .ci/run installs it and sets VDL_REQUIRE_CHROMIUM=1)";
        }
    }
}
