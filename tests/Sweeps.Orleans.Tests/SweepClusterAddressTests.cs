namespace VirtLang.Sweeps.Orleans.Tests;

public sealed class SweepClusterAddressTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:6379", "127.0.0.1", 6379)]
    [InlineData("redis://cache-01.example:7000/", "cache-01.example", 7000)]
    [InlineData("REDIS://localhost:1", "localhost", 1)]
    [InlineData("redis://[::1]:6380", "::1", 6380)]
    public void Accepts_redis_host_and_port(string text, string host, int port)
    {
        Assert.True(SweepClusterAddress.TryParse(text, out var address, out var error), error);
        Assert.Equal(new SweepClusterAddress(host, port), address);
    }

    [Theory]
    [InlineData("127.0.0.1:6379", "redis://HOST:PORT")]
    [InlineData("http://127.0.0.1:6379", "redis://HOST:PORT")]
    [InlineData("redis://127.0.0.1", "has no port")]
    [InlineData("redis://:6379", "does not name a host")]
    [InlineData("redis://user:pw@host:6379", "does not name a host")]
    [InlineData("redis://host:0", "from 1 to 65535")]
    [InlineData("redis://host:65536", "from 1 to 65535")]
    [InlineData("redis://host:63x", "from 1 to 65535")]
    [InlineData("redis://host:6379/0", "from 1 to 65535")]
    [InlineData("redis://[nothost]:6379", "not an IPv6 address")]
    [InlineData("redis://[::1]", "has no port")]
    public void Refuses_anything_else_in_words(string text, string expected)
    {
        Assert.False(SweepClusterAddress.TryParse(text, out var address, out var error));
        Assert.Null(address);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_endpoint_as_StackExchange_Redis_reads_it()
    {
        Assert.Equal("[::1]:6380", new SweepClusterAddress("::1", 6380).Endpoint);
        Assert.Equal("redis://10.0.0.5:6379", new SweepClusterAddress("10.0.0.5", 6379).ToString());
    }
}
