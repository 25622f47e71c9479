using CsmsCluster.Bench.SmartCharging;

namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>A short run of the benchmark's simulation: the loop keeps every command within the limits.</summary>
public sealed class SiteSimulationTests
{
    [Theory]
    [InlineData(SiteUnit.AmperesPerPhase)]
    [InlineData(SiteUnit.Watts)]
    public void Simulation_HalfAnHourWithAGridDrop_NoViolationsAndMetricsInRange(SiteUnit unit)
    {
        var duration = TimeSpan.FromMinutes(30);
        var scenario = unit == SiteUnit.Watts ? Scenarios.WattSite(duration) : Scenarios.AmpereSite(duration);

        var result = new SiteSimulation(scenario).Run();

        Assert.Equal(0, result.CommandViolationSeconds);
        Assert.Equal((0, 0), (result.BelowMinSeconds, result.LoopBelowMinSeconds));
        Assert.InRange(result.Utilisation, 0.5, 1.0);
        Assert.InRange(result.Fairness, 0.5, 1.0);
        Assert.True(result.SessionsStarted >= scenario.InitialEvs, $"{result.SessionsStarted} sessions");
        Assert.True(result.TxProfiles > result.SessionsStarted, $"{result.TxProfiles} profiles");
        Assert.NotNull(result.GridDropLatency);
    }
}
