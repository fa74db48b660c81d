using FsCheck.Xunit;

namespace VirtLang.Sweeps.Tests;

[Collection(SerialCollection.Name)]
public sealed class SweepAggregatorTests
{
    private static SweepDescription Description(int runs) => new("ab12", "week", 42, runs, 10080);

    /// <summary>Summaries with spread-out values, as failures make them (a third with no downtime at all).</summary>
    private static List<ReplicationSummary> Summaries(int runs, int seed)
    {
        var random = new Random(seed);
        return
        [
            .. Enumerable.Range(0, runs).Select(i =>
            {
                var down = random.NextDouble() < 0.33 ? 0 : random.NextDouble() * 600;
                return new ReplicationSummary(i, ReplicationSeed.For(42, i),
                    [new ApplicationReplication("web", 1 - (down / 10080), 1 - (random.NextDouble() * 0.01), down, 1 + random.NextDouble()),
                     new ApplicationReplication("db", 1, 1, 0, 1)],
                    [new HostReplication("esx-01", random.NextDouble(), random.NextDouble(), down), new HostReplication("esx-02", 0.1, 0.2, 0)],
                    [down < 300, true])
                {
                    Sites = [new SiteReplication("fra", down, random.Next(3), random.NextDouble() < 0.5 ? 0 : random.NextDouble() * 60), new SiteReplication("ams", 0, 0, 0)],
                };
            }),
        ];
    }

    private static byte[] Aggregate(IEnumerable<ReplicationSummary> summaries, int runs)
    {
        var aggregator = new SweepAggregator(Description(runs));
        foreach (var summary in summaries)
        {
            aggregator.Add(summary);
        }

        return SweepJsonWriter.ToBytes(aggregator.Finish(["expect availability web >= 99.5%", "expect served db >= 99%"]));
    }

    [Property(MaxTest = 40)]
    public bool The_aggregate_bytes_do_not_depend_on_the_order_nor_on_repeated_reports(byte size, int seed)
    {
        var runs = 1 + (size % 200);
        var summaries = Summaries(runs, seed);
        var shuffled = summaries.ToArray();
        new Random(seed ^ 0x5bd1e995).Shuffle(shuffled);

        // A retried replication may be reported twice: it counts once.
        var withRetries = shuffled.Concat(shuffled.Take(runs / 3));
        return Aggregate(summaries, runs).AsSpan().SequenceEqual(Aggregate(withRetries, runs));
    }

    [Fact]
    public void Concurrent_additions_give_the_bytes_of_sequential_ones()
    {
        var summaries = Summaries(2000, 11);
        var aggregator = new SweepAggregator(Description(2000));
        Parallel.ForEach(summaries.AsEnumerable().Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 8 }, s => aggregator.Add(s));
        Assert.Equal(Aggregate(summaries, 2000), SweepJsonWriter.ToBytes(aggregator.Finish(["expect availability web >= 99.5%", "expect served db >= 99%"])));
    }

    [Fact]
    public void The_statistics_are_those_of_the_replications()
    {
        var aggregator = new SweepAggregator(Description(4));
        var served = new[] { 0.5, 0.6, 0.7, 0.8 };
        var downtime = new[] { 0.0, 10, 20, 100 };
        for (var i = 0; i < 4; i++)
        {
            aggregator.Add(new ReplicationSummary(i, 0, [new ApplicationReplication("web", 1 - (downtime[i] / 10080), served[i], downtime[i], 1.5)],
                [new HostReplication("h", 0.1 * i, 0.2 * i, 0)], [i % 2 == 0]));
        }

        Assert.False(aggregator.Add(new ReplicationSummary(2, 0, [new ApplicationReplication("web", 0, 0, 0, 0)], [new HostReplication("h", 0, 0, 0)], [false])));
        var result = aggregator.Finish();
        var web = Assert.Single(result.Applications);
        Assert.Equal(4, result.Replications);
        Assert.Equal(0.65, web.Served.Estimate, 15);
        Assert.Equal(0.44457397432394774, web.Served.Low, 12); // the hand computation of ConfidenceIntervalTests
        Assert.Equal(32.5, web.DowntimeMinutes.Mean, 12);
        Assert.Equal(100, web.DowntimeMinutes.Max);
        Assert.Equal(100, web.DowntimeMinutes.P95); // nearest rank: the 4th of 4
        Assert.InRange(web.DowntimeMinutes.P50, 10 * 0.996, 10 * 1.004); // the 2nd of 4, within the bins' 0.4 %
        Assert.Equal(1 - (100.0 / 10080), web.MinAvailability);
        Assert.Equal(1.5, web.MeanSlowdown);
        Assert.Equal(0.15, result.Hosts[0].MeanUtilization, 15);
        Assert.Equal(0.6000000000000001, result.Hosts[0].MaxP95Utilization);
        var expectation = Assert.Single(result.Expectations);
        Assert.Equal(2, expectation.Held);
        Assert.Equal(ConfidenceIntervals.Wilson(2, 4), expectation.Probability);
        Assert.Equal(4, web.DowntimeHistogram.Sum(b => b.Count));
        Assert.Equal(0, web.DowntimeHistogram[0].From);
        Assert.Equal(100, web.DowntimeHistogram[^1].To);
    }

    [Fact]
    public void Each_site_has_the_statistics_of_its_replications()
    {
        var aggregator = new SweepAggregator(Description(4));
        var down = new[] { 0.0, 720, 360, 1440 };
        var failovers = new[] { 0, 2, 1, 3 };
        for (var i = 0; i < 4; i++)
        {
            aggregator.Add(new ReplicationSummary(i, 0, [new ApplicationReplication("web", 1, 1, 0, 1)], [new HostReplication("h", 0, 0, 0)], [])
            {
                Sites = [new SiteReplication("fra", down[i], failovers[i], 15.0 * failovers[i])],
            });
        }

        var fra = Assert.Single(aggregator.Finish().Sites);
        Assert.Equal("fra", fra.Name);
        Assert.Equal(630, fra.HostDowntimeMinutes.Mean);
        Assert.Equal(1440, fra.HostDowntimeMinutes.P95); // nearest rank: the 4th of 4
        Assert.InRange(fra.HostDowntimeMinutes.P50, 360 * 0.996, 360 * 1.004);
        Assert.Equal(1.5, fra.FailoversMean);
        Assert.Equal(3, fra.FailoversMax);
        Assert.Equal(22.5, fra.FailoverWaitMinutes.Mean);
        Assert.Equal(45, fra.FailoverWaitMinutes.Max);
    }

    [Fact]
    public void Summaries_of_another_model_or_outside_the_sweep_are_refused_and_change_nothing()
    {
        var aggregator = new SweepAggregator(Description(3));
        aggregator.Add(ReplicationSummaryTests.Sample(0));
        Assert.Throws<SweepDataException>(() => aggregator.Add(ReplicationSummaryTests.Sample(3)));
        Assert.Throws<SweepDataException>(() => aggregator.Add(ReplicationSummaryTests.Sample(0) with { Index = -1 }));
        var renamed = ReplicationSummaryTests.Sample(1) with { Hosts = [new HostReplication("other", 0, 0, 0), new HostReplication("esx-02", 0, 0, 0)] };
        Assert.Throws<SweepDataException>(() => aggregator.Add(renamed));
        Assert.Throws<SweepDataException>(() => aggregator.Add(ReplicationSummaryTests.Sample(1, a: double.NaN)));
        Assert.Throws<SweepDataException>(() => aggregator.Add(ReplicationSummaryTests.Sample(1, d: -1)));
        Assert.Throws<SweepDataException>(() => aggregator.Add(ReplicationSummaryTests.Sample(1) with { Sites = [new SiteReplication("ams", 0, 0, 0)] }));
        Assert.Throws<SweepDataException>(() => aggregator.Add(ReplicationSummaryTests.Sample(1) with { Sites = [new SiteReplication("fra", 0, -1, 0)] }));
        Assert.Equal(1, aggregator.Count);
        Assert.True(aggregator.Add(ReplicationSummaryTests.Sample(1)));
    }

    [Fact]
    public void Memory_does_not_grow_with_the_replications_beyond_the_bins()
    {
        // 200,000 summaries: what the aggregator keeps is its fixed sums and histogram bins, not the summaries.
        const int Runs = 200_000;
        var aggregator = new SweepAggregator(Description(Runs));
        var random = new Random(5);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Runs; i++)
        {
            var down = random.NextDouble() * 600;
            aggregator.Add(new ReplicationSummary(i, 0, [new ApplicationReplication("web", 1 - (down / 10080), 1, down, 1)], [new HostReplication("h", 0.5, 0.6, 0)], []));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(aggregator);

        // One bit per replication (25 KB) and at most 128 bins per power of two of downtime: far below a megabyte,
        // where keeping the summaries would take some 40 MB.
        Assert.True(after - before < 1_000_000, $"{after - before} bytes kept for {Runs} replications");
    }
}
