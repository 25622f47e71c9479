using CsmsCluster.SmartCharging.Loop;

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

    [Fact]
    public void ActivationWindowEnd_IsEncodedAsAReductionToZero_AndTheConnectorGetsZeroFromTheBoundary()
    {
        var site = new LoopHarness(48);
        var end = site.Now.AddHours(2);
        var window = new WeeklyWindow(site.Now.DayOfWeek, site.Now.TimeOfDay - TimeSpan.FromHours(1), TimeSpan.FromHours(3));
        site.Configure(s => s with
        {
            ActivationGroups = [new ActivationGroup("day", [window])],
            Connectors = new Dictionary<string, ConnectorSettings> { ["A/1"] = new() { Groups = ["day"] } },
        });
        site.AddCharger("A");
        site.StartSession("A", 1);

        var launch = site.RunProfiles()["A/1"];

        Assert.Equal([6.0, 0.0], launch.Periods.Select(p => p.Limit));
        Assert.Equal(end, launch.StartSchedule.AddSeconds(launch.Periods[1].StartPeriod));
        site.Drive(7300);
        Assert.Equal((0.0, ExclusionReason.OutsideActivationWindow), (site["A/1"].Installed, site["A/1"].Reason));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
