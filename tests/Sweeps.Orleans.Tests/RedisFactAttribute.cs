namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>A fact that needs redis-server: skipped without it, unless CI requires it (then the test runs and fails).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null && !RedisServer.Required)
        {
            Skip = "needs redis-server (apt-get install redis-server; .ci/run installs it and sets VDL_REQUIRE_REDIS=1)";
        }
    }
}
