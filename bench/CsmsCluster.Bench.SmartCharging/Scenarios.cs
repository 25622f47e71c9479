using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>The benchmark's scenarios; each has its own fixed seed.</summary>
public static class Scenarios
{
    /// <summary>24 connectors (12 two-connector 32 A chargers), 3- and 1-phase EVs, 120 A per phase, 8 hours, a grid drop to 70 A for an hour.</summary>
    public static SimulationScenario AmpereSite(TimeSpan? duration = null) => new()
    {
        Name = "A-site: 24 connectors, 120 A/phase",
        Seed = 20250602,
        Limit = 120,
        Duration = duration ?? TimeSpan.FromHours(8),
        InitialEvs = 14,
        ArrivalsPerHour = 7,
        GridDropAt = (duration ?? TimeSpan.FromHours(8)) / 2,
        GridDropLimit = 70,
    };

    /// <summary>20 connectors (10 two-connector chargers) on a 60 kW site, 8 hours, a grid drop to 35 kW for an hour.</summary>
    public static SimulationScenario WattSite(TimeSpan? duration = null) => new()
    {
        Name = "W-site: 20 connectors, 60 kW",
        Seed = 20250603,
        Unit = SiteUnit.Watts,
        Limit = 60_000,
        Chargers = 10,
        Duration = duration ?? TimeSpan.FromHours(8),
        InitialEvs = 12,
        ArrivalsPerHour = 6,
        GridDropAt = (duration ?? TimeSpan.FromHours(8)) / 2,
        GridDropLimit = 35_000,
    };

    /// <summary>The A-site at 200 A with one charger that rejects profiles and one that never answers: robustness, no targets.</summary>
    public static SimulationScenario FaultySite(TimeSpan? duration = null) => AmpereSite(duration) with
    {
        Name = "A-site with a rejecting and a silent charger",
        Seed = 20250604,
        Limit = 200,
        RejectingChargers = 1,
        SilentChargers = 1,
        TargetsApply = false,
    };

    /// <summary>The site with one rule or one EV property changed (same seed): where utilisation and messages go.</summary>
    public static IReadOnlyList<(string Label, SimulationScenario Scenario, LoopOptions Options)> Variants(SimulationScenario site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var spec = new LoopOptions();
        return
        [
            ("dead band 0.1 A instead of 1 A", site, spec with { Commit = spec.Commit with { DeadBand = 0.1 } }),
            ("no T_hold, no minimum interval", site, spec with { Commit = spec.Commit with { Hold = TimeSpan.Zero, MinInterval = TimeSpan.Zero } }),
            ("meter values every 5 s", site with { MeterInterval = TimeSpan.FromSeconds(5) }, spec),
            ("every EV can take 32 A (no donations from low EV maxima)", site with { EvMaxCurrents = [32] }, spec),
            ("K = 2 pre-armed connectors (launch TxDefault, reserve)", site with { PreArmedConnectors = 2 }, spec),
        ];
    }
}
