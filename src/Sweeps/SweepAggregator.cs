using System.Collections;

namespace VirtLang.Sweeps;

/// <summary>
/// Folds replication summaries into a <see cref="SweepResult"/>, in any order, from any thread. Every statistic is
/// order-independent by construction (exact sums, counts in fixed bins, minima and maxima), so the result, and its
/// bytes once written, are the same whatever order the summaries came in. Memory does not grow with the number of
/// replications beyond one bit per replication (to count a replication reported twice once) and the bounded
/// histograms.
/// </summary>
public sealed class SweepAggregator
{
    /// <summary>Bars of a distribution's chart.</summary>
    public const int ChartBins = 20;

    private readonly object _gate = new();
    private readonly BitArray _seen;
    private string[]? _applicationNames;
    private string[]? _hostNames;
    private string[] _siteNames = [];
    private SiteAccumulator[] _sites = [];
    private ApplicationAccumulator[] _applications = [];
    private HostAccumulator[] _hosts = [];
    private long[] _expectationsHeld = [];
    private long _count;

    public SweepAggregator(SweepDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentOutOfRangeException.ThrowIfLessThan(description.Runs, 1);
        Description = description;
        _seen = new BitArray(description.Runs);
    }

    public SweepDescription Description { get; }

    /// <summary>Replications added so far (each index once).</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Adds one replication; false when its index was already added (a replication run twice after a retry counts once).</summary>
    /// <exception cref="SweepDataException">Its index is outside the sweep, or its applications, hosts or expectations are not those of the other replications.</exception>
    public bool Add(ReplicationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Index < 0 || summary.Index >= Description.Runs)
        {
            throw new SweepDataException($"replication {summary.Index} is not one of the sweep's {Description.Runs}");
        }

        lock (_gate)
        {
            if (_seen[summary.Index])
            {
                return false;
            }

            if (_applicationNames is null)
            {
                Start(summary);
            }
            else
            {
                CheckShape(summary);
            }

            for (var i = 0; i < _applications.Length; i++)
            {
                _applications[i].Add(summary.Applications[i]);
            }

            for (var i = 0; i < _hosts.Length; i++)
            {
                _hosts[i].Add(summary.Hosts[i]);
            }

            for (var i = 0; i < _expectationsHeld.Length; i++)
            {
                _expectationsHeld[i] += summary.Expectations[i] ? 1 : 0;
            }

            for (var i = 0; i < _sites.Length; i++)
            {
                _sites[i].Add(summary.Sites[i]);
            }

            _seen[summary.Index] = true;
            _count++;
            return true;
        }
    }

    /// <summary>The aggregate of the replications added (all of them when the sweep ran to its end).</summary>
    /// <param name="expectationStatements">The text of each <c>expect</c>, in order (empty texts when not known).</param>
    public SweepResult Finish(IReadOnlyList<string>? expectationStatements = null)
    {
        lock (_gate)
        {
            return new SweepResult
            {
                Description = Description,
                Replications = _count,
                Applications = [.. _applications.Select((a, i) => a.Finish(_applicationNames![i]))],
                Hosts = [.. _hosts.Select((h, i) => h.Finish(_hostNames![i]))],
                Expectations =
                [
                    .. _expectationsHeld.Select((held, i) => new ExpectationSweep(i, expectationStatements?.ElementAtOrDefault(i) ?? string.Empty, held,
                        ConfidenceIntervals.Wilson(held, _count))),
                ],
                Sites = [.. _sites.Select((s, i) => s.Finish(_siteNames[i]))],
            };
        }
    }

    private void Start(ReplicationSummary summary)
    {
        _applicationNames = [.. summary.Applications.Select(a => a.Name)];
        _hostNames = [.. summary.Hosts.Select(h => h.Name)];
        _applications = [.. _applicationNames.Select(_ => new ApplicationAccumulator())];
        _hosts = [.. _hostNames.Select(_ => new HostAccumulator())];
        _expectationsHeld = new long[summary.Expectations.Count];
        _siteNames = [.. summary.Sites.Select(s => s.Name)];
        _sites = [.. _siteNames.Select(_ => new SiteAccumulator())];

        // The first summary is checked as every other is: a bad value leaves the aggregator as it was.
        try
        {
            CheckValues(summary);
        }
        catch (SweepDataException)
        {
            _applicationNames = null;
            _hostNames = null;
            _applications = [];
            _hosts = [];
            _expectationsHeld = [];
            _siteNames = [];
            _sites = [];
            throw;
        }
    }

    private void CheckShape(ReplicationSummary summary)
    {
        if (summary.Applications.Count != _applicationNames!.Length || summary.Hosts.Count != _hostNames!.Length
            || summary.Expectations.Count != _expectationsHeld.Length
            || !summary.Applications.Select(a => a.Name).SequenceEqual(_applicationNames)
            || !summary.Hosts.Select(h => h.Name).SequenceEqual(_hostNames)
            || !summary.Sites.Select(s => s.Name).SequenceEqual(_siteNames))
        {
            throw new SweepDataException($"replication {summary.Index} is not of the same model as the others (its applications, hosts, expectations or sites differ)");
        }

        CheckValues(summary);
    }

    /// <summary>Every number finite and every fraction and duration non-negative, before any is added (an addition is all or nothing).</summary>
    private static void CheckValues(ReplicationSummary summary)
    {
        static void Check(double value, string what, int index)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new SweepDataException($"replication {index} has {what} {value}");
            }
        }

        foreach (var app in summary.Applications)
        {
            Check(app.Availability, "an availability of", summary.Index);
            Check(app.Served, "a served fraction of", summary.Index);
            Check(app.DowntimeMinutes, "a downtime of", summary.Index);
            Check(app.MeanSlowdown, "a slowdown of", summary.Index);
        }

        foreach (var host in summary.Hosts)
        {
            Check(host.MeanUtilization, "a utilization of", summary.Index);
            Check(host.P95Utilization, "a utilization of", summary.Index);
            Check(host.DowntimeMinutes, "a downtime of", summary.Index);
        }

        foreach (var site in summary.Sites)
        {
            Check(site.HostDowntimeMinutes, "a downtime of", summary.Index);
            Check(site.Failovers, "a failover count of", summary.Index);
            Check(site.FailoverWaitMinutes, "a failover wait of", summary.Index);
        }
    }

    private sealed class ApplicationAccumulator
    {
        private readonly ExactMoments _availability = new();
        private readonly ExactMoments _served = new();
        private readonly ExactMoments _downtime = new();
        private readonly ExactMoments _slowdown = new();
        private readonly RelativeHistogram _downtimes = new();

        public void Add(ApplicationReplication app)
        {
            _availability.Add(app.Availability);
            _served.Add(app.Served);
            _downtime.Add(app.DowntimeMinutes);
            _slowdown.Add(app.MeanSlowdown);
            _downtimes.Add(app.DowntimeMinutes);
        }

        public ApplicationSweep Finish(string name) => new(
            name,
            ConfidenceIntervals.Mean(_availability.Mean, _availability.StandardDeviation, _availability.Count, 0, 1),
            _availability.StandardDeviation,
            _availability.Count == 0 ? 0 : _availability.Min,
            ConfidenceIntervals.Mean(_served.Mean, _served.StandardDeviation, _served.Count, 0, 1),
            Distribution(_downtime, _downtimes),
            _slowdown.Mean,
            Chart(_downtimes));
    }

    private sealed class HostAccumulator
    {
        private readonly ExactMoments _mean = new();
        private readonly ExactMoments _p95 = new();
        private readonly ExactMoments _downtime = new();

        public void Add(HostReplication host)
        {
            _mean.Add(host.MeanUtilization);
            _p95.Add(host.P95Utilization);
            _downtime.Add(host.DowntimeMinutes);
        }

        public HostSweep Finish(string name) => new(name, _mean.Mean, _p95.Mean, _p95.Count == 0 ? 0 : _p95.Max, _downtime.Mean);
    }

    private sealed class SiteAccumulator
    {
        private readonly ExactMoments _downtime = new();
        private readonly RelativeHistogram _downtimes = new();
        private readonly ExactMoments _failovers = new();
        private readonly ExactMoments _wait = new();
        private readonly RelativeHistogram _waits = new();

        public void Add(SiteReplication site)
        {
            _downtime.Add(site.HostDowntimeMinutes);
            _downtimes.Add(site.HostDowntimeMinutes);
            _failovers.Add(site.Failovers);
            _wait.Add(site.FailoverWaitMinutes);
            _waits.Add(site.FailoverWaitMinutes);
        }

        public SiteSweep Finish(string name) => new(
            name,
            Distribution(_downtime, _downtimes),
            _failovers.Mean,
            _failovers.Count == 0 ? 0 : (long)_failovers.Max,
            Distribution(_wait, _waits));
    }

    /// <summary>Mean and maximum from the exact moments, percentiles from the histogram: one figure's distribution over the replications.</summary>
    private static Percentiles Distribution(ExactMoments moments, RelativeHistogram histogram) =>
        new(moments.Mean, histogram.Percentile(0.50), histogram.Percentile(0.95), histogram.Percentile(0.99), moments.Count == 0 ? 0 : moments.Max);

    /// <summary>
    /// <see cref="ChartBins"/> equal bars from the least to the greatest value, each fine bin counted in the bar of its
    /// middle; all values equal: one bar.
    /// </summary>
    private static List<HistogramBin> Chart(RelativeHistogram histogram)
    {
        if (histogram.Count == 0)
        {
            return [];
        }

        var (min, max) = (histogram.Min, histogram.Max);
        if (max <= min)
        {
            return [new HistogramBin(min, max, histogram.Count)];
        }

        var width = (max - min) / ChartBins;
        var counts = new long[ChartBins];
        foreach (var (value, count) in histogram.Bins())
        {
            var bar = (int)Math.Clamp(Math.Floor((value - min) / width), 0, ChartBins - 1);
            counts[bar] += count;
        }

        return [.. counts.Select((count, i) => new HistogramBin(min + (i * width), i == ChartBins - 1 ? max : min + ((i + 1) * width), count))];
    }
}
