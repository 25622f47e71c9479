namespace CsmsCluster.SmartCharging.Tests.Helpers;

/// <summary>Spec "What is sent": start at now - 60 s, encode known reductions, never increases.</summary>
public sealed class ChargingScheduleBuilderTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 21, 0, 0, TimeSpan.Zero);

    private static string Periods(ConnectorSchedule schedule) =>
        string.Join(' ', schedule.Periods.Select(p => $"{p.StartPeriod}:{p.Limit}"));

    [Fact]
    public void EndOfActivationWindow_IsEncodedAsAReductionToZero_ForTheOthersNothingIsPreEncoded()
    {
        var site = new SiteInputs(
            SiteUnit.AmperesPerPhase,
            32,
            [new ChargerInput("C1", 32), new ChargerInput("C2", 32)],
            [
                new ConnectorInput("a", "C1") { Session = new ActiveSession(Now.AddHours(-1)), ActivationEndsAt = Now.AddMinutes(30) },
                new ConnectorInput("b", "C2") { Session = new ActiveSession(Now.AddHours(-1)) },
                new ConnectorInput("idle", "C2"),
            ])
        { Margin = 0 };

        var schedules = ChargingScheduleBuilder.Build(Now, site, TimeSpan.FromHours(1));

        Assert.Equal(["a", "b"], schedules.Select(s => s.ConnectorId));
        Assert.All(schedules, s => Assert.Equal(Now.AddSeconds(-60), s.StartSchedule));
        Assert.Equal("0:16 1860:0", Periods(schedules[0]));
        Assert.Equal("0:16", Periods(schedules[1]));
    }

    [Fact]
    public void StepsBeyondTheHorizon_AreLeftOut()
    {
        var site = new SiteInputs(SiteUnit.AmperesPerPhase, 32, [new ChargerInput("C1", 32)], [new ConnectorInput("a", "C1") { Session = new ActiveSession(Now) }])
        {
            Margin = 0,
            GridLimits = [new GridLimitStep(Now.AddHours(2), 10)],
        };

        Assert.Equal("0:32", Periods(ChargingScheduleBuilder.Build(Now, site, TimeSpan.FromHours(1)).Single()));
        Assert.Equal("0:32 7260:10", Periods(ChargingScheduleBuilder.Build(Now, site, TimeSpan.FromHours(3)).Single()));
    }
}
