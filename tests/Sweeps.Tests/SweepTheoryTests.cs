using System.Globalization;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Sweeps.Tests;

/// <summary>
/// Whole sweeps of generated models (the real compiler, code generator, simulator and aggregator) against closed-form
/// availability theory. The tolerance is the sweep's own 95 % interval, widened to twice its half-width (about 3.9
/// standard errors): a correct simulator fails one of these with probability about 10⁻⁴ per seed, while a wrong
/// formula (the repair ignored, failures not independent, the restart time not the policy's) is many half-widths off.
/// </summary>
public sealed class SweepTheoryTests : IDisposable
{
    private readonly TemporaryDirectory _cache = new("vdl-sweep-theory-");

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task One_host_with_exponential_failures_is_available_mtbf_over_mtbf_plus_mttr()
    {
        const double Mtbf = 10, Mttr = 1, Days = 365; // days
        var result = await Sweep(Model(hosts: 1, replicas: 1, failures: Failures(Mtbf, Mttr), (int)Days, cluster: null), runs: 200);
        var app = result.Applications.Single();

        // An alternating renewal process that starts up: P(up at t) = A + (1 − A)·e^(−t/τ), τ = m·r/(m + r); its mean
        // over [0, T] is the steady state m/(m + r) plus the start's transient (0.1 % here).
        var steady = Mtbf / (Mtbf + Mttr);
        var tau = Mtbf * Mttr / (Mtbf + Mttr);
        var expected = steady + ((1 - steady) * tau / Days * (1 - Math.Exp(-Days / tau)));
        AssertWithin(expected, app.Availability);
        AssertWithin(Mtbf / (Mtbf + Mttr), app.Availability, widen: 3); // the formula as planners write it, the transient aside

        // The sweep tells a host down a tenth of the time from one down a hundredth.
        Assert.True(app.Availability.High < 1 - (Mttr / (Mtbf + Mttr) / 2));
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(5, 3)]
    public async Task K_of_n_replicas_are_served_as_the_binomial_tail_of_each_host_says(int n, int k)
    {
        // Each instance asks 1 core; a guest has room for n/k of them with a fifth to spare, and k − 1 guests for at
        // most 90 % of the n: with k instances up the shifted demand is all served, with fewer only part of it.
        const double Mtbf = 6, Mttr = 2, Days = 365;
        var vcpus = (int)Math.Ceiling(1.2 * n / k);
        Assert.True((k - 1) * vcpus < 0.9 * n);
        var model = Model(hosts: n, replicas: n, failures: Failures(Mtbf, Mttr), (int)Days, cluster: null, vcpus: vcpus);

        // What the application is served with exactly j instances up, from scripted runs of the same model.
        var servedWith = new double[n + 1];
        for (var up = 0; up <= n; up++)
        {
            servedWith[up] = (await Sweep(model, runs: 1, scenario: $"up{up}")).Applications.Single().Served.Estimate;
        }

        Assert.Equal(0, servedWith[0]);
        for (var up = k; up <= n; up++)
        {
            Assert.True(servedWith[up] > 0.999, $"{up} of {n} up serve {servedWith[up]}: k = {k} should be enough");
        }

        Assert.True(servedWith[k - 1] < 0.99, $"{k - 1} of {n} up serve {servedWith[k - 1]}: fewer than k should not be enough");

        var result = await Sweep(model, runs: 100);
        var app = result.Applications.Single();

        // Hosts fail independently, each up with P(t) = A + (1 − A)·e^(−t/τ) at t: the number up is binomial(n, P(t)).
        // Availability is the tail at 1 (any instance up), served the binomial mixture of the served fractions, which
        // is the tail at k (P(at least k up)) plus what fewer than k serve; both averaged over the run.
        var steady = Mtbf / (Mtbf + Mttr);
        var tau = Mtbf * Mttr / (Mtbf + Mttr);
        var (availability, served, tail) = (0.0, 0.0, 0.0);
        const int Slices = 20_000;
        for (var i = 0; i < Slices; i++)
        {
            var p = steady + ((1 - steady) * Math.Exp(-(i + 0.5) * Days / Slices / tau));
            for (var up = 0; up <= n; up++)
            {
                var probability = Binomial(n, up) * Math.Pow(p, up) * Math.Pow(1 - p, n - up);
                availability += up >= 1 ? probability / Slices : 0;
                tail += up >= k ? probability / Slices : 0;
                served += probability * servedWith[up] / Slices;
            }
        }

        AssertWithin(availability, app.Availability);
        AssertWithin(served, app.Served);

        // The tail alone (fewer than k serving nothing) is below what the run serves, by what fewer than k do serve.
        Assert.True(tail < app.Served.Low, $"the tail at k, {tail}, is a lower bound of served, {app.Served.Low}");
    }

    [Fact]
    public async Task An_ha_restart_takes_the_restart_delay_plus_the_vm_boot_per_failure()
    {
        // h1 fails at random (mean up time 20 days) and is repaired in 4 h, fixed; its VM restarts on h2, which never
        // fails, and stays there. So the application is down once, for the policy's delay and the VM's boot, in the
        // replications where h1 failed within the run (probability 1 − e^(−T/m)), and never otherwise.
        const double Mtbf = 20, Days = 10;
        const int DelaySeconds = 30;
        var model = Model(hosts: 2, replicas: 1, failures: null, (int)Days,
            cluster: FormattableString.Invariant($"policy {{\n    ha            = true\n    restart_delay = {DelaySeconds}s\n  }}"),
            firstHostFailures: FormattableString.Invariant($"failures {{ mtbf = {Mtbf}d  mttr = 4h  repair = fixed }}"));
        var result = await Sweep(model, runs: 200);
        var app = result.Applications.Single();

        var perFailure = ((DelaySeconds * SimTime.TicksPerSecond) + FaultTimings.Default.VmRestart) / (double)SimTime.TicksPerMinute;
        Assert.Equal(1.5, perFailure);
        Assert.Equal(perFailure, app.DowntimeMinutes.Max, 6);
        Assert.Equal(perFailure, app.DowntimeMinutes.P95, 2); // a percentile is its bin's middle, within 0.4 %
        Assert.Equal(0, app.DowntimeMinutes.P50); // most replications have no failure at all (e^(−1/2), 61 %)

        // The failure can fall in the run's last 1.5 minutes and be cut short; at most a 1.5 / 14,400 chance per replication.
        var pFailed = 1 - Math.Exp(-Days / Mtbf);
        AssertWithin(1 - (pFailed * perFailure / (Days * 24 * 60)), app.Availability);

        // Without HA the VM would wait for the 4-hour repair: the mean downtime would be 160 times what it is.
        Assert.True(app.DowntimeMinutes.Mean < perFailure);
    }

    private async Task<SweepResult> Sweep(string model, int runs, string? scenario = null)
    {
        var bundle = new ModelBundle([new ModelBundleFile("theory.vdl", model, ModelBundleFileKind.Root)]);
        var runner = ReplicationRunner.Create(bundle, scenario, 1, _cache.Path);
        var request = new SweepRequest(bundle, scenario, 1, runs);
        var aggregator = new SweepAggregator(SweepDescription.Of(request, runner));
        await new LocalSweepExecutor(2).RunAsync(runner, [.. Enumerable.Range(0, runs)], s => aggregator.Add(s), null, CancellationToken.None);
        return aggregator.Finish(runner.ExpectationStatements);
    }

    /// <summary><paramref name="theory"/> within the interval widened to <paramref name="widen"/> times its half-width.</summary>
    private static void AssertWithin(double theory, Interval measured, double widen = 2)
    {
        var half = Math.Max(measured.Estimate - measured.Low, measured.High - measured.Estimate);
        Assert.True(half > 0, $"the interval [{measured.Low}, {measured.High}] is a point: the replications did not differ");
        Assert.True(Math.Abs(theory - measured.Estimate) <= widen * half,
            $"theory {theory} is not within {widen} half-widths of the sweep's {measured.Estimate} [{measured.Low}, {measured.High}]");
    }

    private static string Failures(double mtbfDays, double mttrDays) => FormattableString.Invariant($"failures {{ mtbf = {mtbfDays}d  mttr = {mttrDays}d }}");

    private static double Binomial(int n, int k)
    {
        var value = 1.0;
        for (var i = 1; i <= k; i++)
        {
            value = value * (n - k + i) / i;
        }

        return value;
    }

    /// <summary>
    /// <paramref name="hosts"/> hosts (h1...), the first <paramref name="replicas"/> with a VM running one instance of
    /// app, which asks 1 core; scenario <c>run</c> of <paramref name="days"/> with the random failures, and scenarios
    /// <c>upJ</c> without them, the first hosts failed for the whole run so that exactly J stay up.
    /// </summary>
    private static string Model(int hosts, int replicas, string? failures, int days, string? cluster, int vcpus = 2, string? firstHostFailures = null)
    {
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            hardware box {
              cpu {
                cores    = 16
                features = [vtx, ept]
              }
              memory = 64GiB
              {{failures ?? string.Empty}}
            }

            os linux {
              family = linux
            }

            app web {
              replicas = {{replicas}}
              demand {
                cpu = 1
              }
            }

            """);
        for (var h = 1; h <= hosts; h++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                host h{{h}} : box {
                  hypervisor {
                    kind = bare_metal
                  }
                  {{(h == 1 ? firstHostFailures ?? string.Empty : string.Empty)}}

                """);
            if (h <= replicas)
            {
                text.Append(CultureInfo.InvariantCulture, $$"""
                      vm w{{h}} {
                        os     = linux
                        vcpus  = {{vcpus}}
                        memory = 4GiB
                        runs   = [web]
                      }

                    """);
            }

            text.Append("}\n\n");
        }

        if (cluster is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"cluster c {{\n  hosts = [{string.Join(", ", Enumerable.Range(1, hosts).Select(h => $"h{h}"))}]\n  {cluster}\n}}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"scenario run {{\n  duration = {days}d\n  step     = 1h\n}}\n");
        for (var up = 0; up <= replicas && failures is not null; up++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nscenario up{up} {{\n  duration        = 2d\n  step            = 1h\n  random_failures = false\n");
            for (var h = 1; h <= replicas - up; h++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  at 0m fail h{h} for 2d\n");
            }

            text.Append("}\n");
        }

        return text.ToString();
    }
}
