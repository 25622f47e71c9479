namespace CsmsCluster.SmartCharging.Tests.Helpers;

/// <summary>Spec "Activation schedules": weekly windows in site local time, DST-aware, any group wins.</summary>
public sealed class ActivationScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly ActivationGroup Nights = new("nights", [.. Enum.GetValues<DayOfWeek>().Select(d => new WeeklyWindow(d, TimeSpan.FromHours(22), TimeSpan.FromHours(8)))]);

    [Fact]
    public void NoGroup_IsUnrestricted() =>
        Assert.True(ActivationSchedule.IsActive(DateTimeOffset.UnixEpoch, [], Berlin));

    [Theory]
    [InlineData("2025-01-15T04:30:00Z", true)] // 05:30 CET
    [InlineData("2025-07-15T04:30:00Z", false)] // 06:30 CEST
    [InlineData("2025-07-15T03:30:00Z", true)] // 05:30 CEST
    [InlineData("2025-03-30T03:59:00Z", true)] // 05:59 on the night clocks go forward
    [InlineData("2025-03-30T04:00:00Z", false)]
    [InlineData("2025-10-26T04:59:00Z", true)] // 05:59 CET on the night clocks go back
    [InlineData("2025-10-26T20:59:00Z", false)] // 21:59 CET
    public void Window_FollowsLocalWallClockAcrossDst(string utc, bool active) =>
        Assert.Equal(active, ActivationSchedule.IsActive(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), [Nights], Berlin));

    [Fact]
    public void WindowPastMidnight_BelongsToTheDayItOpens()
    {
        var fridayNights = new ActivationGroup("fri", [new WeeklyWindow(DayOfWeek.Friday, TimeSpan.FromHours(22), TimeSpan.FromHours(8))]);

        Assert.True(ActivationSchedule.IsActive(new DateTimeOffset(2025, 1, 18, 5, 0, 0, TimeSpan.Zero), [fridayNights], TimeZoneInfo.Utc)); // Sat 05:00
        Assert.False(ActivationSchedule.IsActive(new DateTimeOffset(2025, 1, 17, 5, 0, 0, TimeSpan.Zero), [fridayNights], TimeZoneInfo.Utc)); // Fri 05:00
    }

    [Theory]
    [InlineData("2025-01-15T03:00:00Z", "2025-01-15T05:00:00Z")] // 04:00 CET, the night ends at 06:00 CET
    [InlineData("2025-07-15T02:00:00Z", "2025-07-15T04:00:00Z")] // 04:00 CEST, ends at 06:00 CEST
    [InlineData("2025-10-26T00:30:00Z", "2025-10-26T05:00:00Z")] // the night clocks go back: 06:00 CET
    public void CurrentEnd_IsTheNextWindowEndInLocalTime(string utc, string expected)
    {
        var at = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ActivationSchedule.CurrentEnd(at, [Nights], Berlin, TimeSpan.FromHours(24)));
    }

    [Fact]
    public void CurrentEnd_OverlappingGroups_EndsWhenTheLastOneCloses()
    {
        var late = new ActivationGroup("late", [new WeeklyWindow(DayOfWeek.Wednesday, TimeSpan.FromHours(5), TimeSpan.FromHours(3))]);
        var at = new DateTimeOffset(2025, 1, 15, 3, 0, 0, TimeSpan.Zero); // Wed 04:00 CET

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 7, 0, 0, TimeSpan.Zero), ActivationSchedule.CurrentEnd(at, [Nights, late], Berlin, TimeSpan.FromHours(24)));
        Assert.Null(ActivationSchedule.CurrentEnd(at, [Nights, late], Berlin, TimeSpan.FromHours(1)));
        Assert.Null(ActivationSchedule.CurrentEnd(at.AddHours(12), [Nights, late], Berlin, TimeSpan.FromHours(24)));
    }
}
