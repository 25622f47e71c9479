namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>Spec "What is sent" and I1 "future periods included": known grid reductions are in the installed profiles.</summary>
public sealed class LoopGridScheduleTests
{
    [Fact]
    public void AnnouncedGridDrop_UnchangedTargets_ProfilesAreResentWithTheReduction()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        var step = site.Now.AddMinutes(10);

        site.Configure(s => s with { GridLimits = [new GridLimitStep(step, 40)] });
        var resent = site.RunProfiles();
        // I1 is asserted every second up to and past the step.
        site.Drive(660);

        Assert.Equal(["A/1", "B/1"], resent.Keys.Order());
        Assert.All(resent.Values, c => Assert.Equal([24.0, 20.0], c.Periods.Select(p => p.Limit)));
        Assert.All(resent.Values, c => Assert.Equal(step, c.StartSchedule.AddSeconds(c.Periods[1].StartPeriod)));
        Assert.Equal((20, 20), (site["A/1"].Installed, site["B/1"].Installed));
    }

    [Fact]
    public void AnnouncedGridDrop_SessionArrivingBeforeTheStep_LowersTheOthersReductions()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        var step = site.Now.AddMinutes(10);
        site.Configure(s => s with { GridLimits = [new GridLimitStep(step, 40)] });
        site.Drive(60);

        site.AddCharger("C");
        site.StartSession("C", 3);
        site.Run();
        site.Drive(600);

        Assert.Equal([40.0 / 3, 40.0 / 3, 40.0 / 3], site.State.Connectors.Values.Select(c => c.Installed), new ToleranceComparer(0.1));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
