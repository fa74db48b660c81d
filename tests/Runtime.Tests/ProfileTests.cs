using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Profiles;

namespace VirtLang.Runtime.Tests;

public class ProfileTests
{
    private static long At(double hours) => SimTime.FromMinutes(hours * 60);

    [Fact]
    public void Diurnal_peaks_at_its_hour_and_bottoms_out_twelve_hours_later()
    {
        var profile = new DiurnalProfile(0.7, 0.1);
        Assert.Equal(0.7, profile.Level(At(14), 0), 12);
        Assert.Equal(0.1, profile.Level(At(2), 0), 12);
        Assert.Equal(0.4, profile.Level(At(8), 0), 12);
        Assert.Equal(0.7, profile.Level(At(14 + (24 * 5)), 0), 12);
        Assert.Equal(0.7, profile.Peak);
        Assert.Equal(0.4, profile.Mean, 12);
    }

    [Fact]
    public void Weekly_lowers_the_peak_on_the_weekend()
    {
        var profile = new WeeklyProfile(weekday: 0.8, weekend: 0.1);
        Assert.Equal(0.8, profile.Level(At((24 * 4) + 14), 0), 12);  // Friday at 14:00
        Assert.Equal(0.1, profile.Level(At((24 * 4) + 2), 0), 12);   // Friday at 02:00: the base is the weekend level
        Assert.Equal(0.1, profile.Level(At((24 * 5) + 14), 0), 12);  // Saturday
        Assert.Equal(0.8, profile.Level(At((24 * 7) + 14), 0), 12);  // Monday again
    }

    [Fact]
    public void Spiky_spikes_as_often_as_asked_at_moments_of_its_own()
    {
        var profile = new SpikyProfile(0.1, 0.9, everyTicks: 6 * SimTime.TicksPerHour, lastsTicks: 15 * SimTime.TicksPerMinute);
        var windows = 96 * 1000; // 1,000 days of 15-minute windows
        var spikes = Enumerable.Range(0, windows).Count(w => profile.Level(w * 15 * SimTime.TicksPerMinute, 7) == 0.9);
        Assert.InRange(spikes / 1000.0, 3.8, 4.2); // one every 6 hours: 4 a day
        Assert.Equal(0.1 + (0.8 / 24), profile.Mean, 12);

        // Another instance (another seed) spikes elsewhere; the same seed spikes at the same moments.
        var a = Enumerable.Range(0, 960).Select(w => profile.Level(w * 15 * SimTime.TicksPerMinute, 7)).ToArray();
        var b = Enumerable.Range(0, 960).Select(w => profile.Level(w * 15 * SimTime.TicksPerMinute, 8)).ToArray();
        var again = Enumerable.Range(0, 960).Select(w => profile.Level(w * 15 * SimTime.TicksPerMinute, 7)).ToArray();
        Assert.NotEqual(a, b);
        Assert.Equal(a, again);
    }

    [Fact]
    public void A_trace_interpolates_and_repeats()
    {
        var trace = TraceProfile.Parse(new StringReader("time,utilization\n0m,10%\n60m,50%\n# comment\n\n120m,0.3\n"), "t.csv");
        Assert.Equal(3, trace.Count);
        Assert.Equal(0.1, trace.Level(0, 0), 12);
        Assert.Equal(0.3, trace.Level(At(0.5), 0), 12);
        Assert.Equal(0.5, trace.Level(At(1), 0), 12);

        // Period: 120m + the last interval (60m) = 3h; from 120m it heads back to the first point.
        Assert.Equal(0.2, trace.Level(At(2.5), 0), 12);
        Assert.Equal(0.1, trace.Level(At(3), 0), 12);
        Assert.Equal(0.5, trace.Level(At(4), 0), 12);
        Assert.Equal(0.5, trace.Peak);
        Assert.Equal(0.3, trace.Mean, 12); // (0.3 + 0.4 + 0.2) / 3 over the three segments of the period
    }

    [Theory]
    [InlineData("0m,10%\n5m\n", 2, 3, "expected 'time,level'")]
    [InlineData("0m,10%\n5m,lots\n", 2, 4, "'lots' is not a level")]
    [InlineData("0m,10%\n5x,20%\n", 2, 2, "unknown time unit 'x'")]
    [InlineData("0m,10%\n  soon,20%\n", 2, 3, "'soon' is not a time")]
    [InlineData("10m,10%\n5m,20%\n", 2, 1, "is not after the previous line's")]
    [InlineData("time,level\n", 1, 1, "no data lines")]
    public void A_bad_trace_says_where_and_what(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<TraceFormatException>(() => TraceProfile.Parse(new StringReader(text), "load.csv"));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"load.csv({line},{column}): ", error.Message, StringComparison.Ordinal);
    }
}
