using System.Globalization;
using System.Text.Json;
using static CsmsCluster.SmartCharging.Tests.Vectors.VectorSite;

namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>TV7a: a grid limit drop ahead is pre-encoded as a reduction; the later increase is not.</summary>
internal static class GridVectors
{
    public static void Tv7a(JsonElement vector)
    {
        var day = new DateTimeOffset(T0.Date, TimeSpan.Zero);
        var steps = vector.GetProperty("grid_schedule").EnumerateArray()
            .Select(s => new GridLimitStep(StepStart(day, s[0].GetString()!), s[1].GetDouble()))
            .ToList();
        var expectLater = vector.GetProperty("expect_at_20:00");
        var ids = VectorFile.Keys(expectLater);
        var connectors = Arrivals(ids).Select(c => c with { Session = AdmittedLongAgo(c) }).ToList();
        var inputs = Site(double.PositiveInfinity, connectors) with { GridLimits = steps };
        var now = At(day, vector.GetProperty("now").GetString()!);

        var schedules = ChargingScheduleBuilder.Build(now, inputs, TimeSpan.FromHours(24));

        var expected = vector.GetProperty("expect_profile_each");
        var start = At(day, expected.GetProperty("startSchedule").GetString()!);
        var periods = string.Join(' ', expected.GetProperty("periods").EnumerateArray().Select(p => $"{p[0].GetInt32()}:{p[1].GetDouble():0.0}"));
        Assert.Equal(ids, schedules.Select(s => s.ConnectorId));
        Assert.All(schedules, s =>
        {
            Assert.Equal(start, s.StartSchedule);
            Assert.Equal(periods, string.Join(' ', s.Periods.Select(p => $"{p.StartPeriod}:{p.Limit:0.0########}")));
        });
        var later = SiteAllocator.Allocate(At(day, "20:00:00"), inputs);
        Assert.Equal(VectorFile.Format(expectLater), Format(later, ids));
    }

    /// <summary>"&lt;17:00" starts the day; "17:00-20:00" and "&gt;=20:00" start at their first time.</summary>
    private static DateTimeOffset StepStart(DateTimeOffset day, string text) =>
        text.StartsWith('<') ? day : At(day, text.TrimStart('>', '=').Split('-')[0]);

    private static DateTimeOffset At(DateTimeOffset day, string time) =>
        day + TimeSpan.Parse(time, CultureInfo.InvariantCulture);
}
