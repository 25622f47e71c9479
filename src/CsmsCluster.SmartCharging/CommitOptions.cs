namespace CsmsCluster.SmartCharging;

/// <summary>Send rules of spec "When to send" (defaults from spec "Defaults"); currents in A per phase.</summary>
public sealed record CommitOptions
{
    /// <summary>Dead band DB: smaller changes are not sent unless mandatory. 1 A (690 W on a W charger).</summary>
    public double DeadBand { get; init; } = 1.0;

    /// <summary>Settle time after the last decrease was Accepted before an increase may follow. 5 s.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>T_hold: how long a continuous trigger must hold before an increase. 60 s.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Minimum time between two sends to one connector, mandatory decreases excepted. 30 s.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(30);
}
