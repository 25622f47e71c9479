using CsmsCluster.SmartCharging;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>One simulated site: its chargers, its limit, the EVs that come and go, the grid event and the chargers' manners.</summary>
public sealed record SimulationScenario
{
    public required string Name { get; init; }

    /// <summary>Fixed random seed: the same scenario always produces the same run.</summary>
    public required int Seed { get; init; }

    public SiteUnit Unit { get; init; } = SiteUnit.AmperesPerPhase;

    /// <summary>L_static in the site's unit.</summary>
    public required double Limit { get; init; }

    public double Margin { get; init; } = 0.02;

    public int Chargers { get; init; } = 12;

    public int ConnectorsPerCharger { get; init; } = 2;

    /// <summary>Charger hardware cap, A per phase.</summary>
    public double ChargerCap { get; init; } = 32;

    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(8);

    /// <summary>EVs already plugged in at the start (they arrive during the first minute).</summary>
    public int InitialEvs { get; init; } = 12;

    /// <summary>Mean of the Poisson arrival process.</summary>
    public double ArrivalsPerHour { get; init; } = 8;

    public double SinglePhaseShare { get; init; } = 0.25;

    /// <summary>The EVs' own maxima, A per phase, drawn uniformly.</summary>
    public IReadOnlyList<double> EvMaxCurrents { get; init; } = [10, 16, 16, 32];

    public double MinNeedKwh { get; init; } = 5;

    public double MaxNeedKwh { get; init; } = 40;

    public TimeSpan MinDwell { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan MaxDwell { get; init; } = TimeSpan.FromHours(6);

    /// <summary>When the grid limit drops (from the start); null for none.</summary>
    public TimeSpan? GridDropAt { get; init; }

    public TimeSpan GridDropFor { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The grid limit during the drop, in the site's unit.</summary>
    public double GridDropLimit { get; init; }

    /// <summary>How long before the drop the grid operator announces it (0: it takes effect when announced).</summary>
    public TimeSpan GridDropNotice { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan MeterInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Chargers answer SetChargingProfile after 1..this many seconds.</summary>
    public int MaxAnswerDelaySeconds { get; init; } = 2;

    /// <summary>A call without an answer fails after this long.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int RejectingChargers { get; init; }

    public int SilentChargers { get; init; }

    public bool TargetsApply { get; init; } = true;

    /// <summary>K: idle connectors kept pre-armed with a launch TxDefaultProfile (site option; 0 = off).</summary>
    public int PreArmedConnectors { get; init; }
}
