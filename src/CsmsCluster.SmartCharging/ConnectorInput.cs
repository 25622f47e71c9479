namespace CsmsCluster.SmartCharging;

/// <summary>
/// One connector (EVSE) as the allocator sees it (spec "Model"). Currents are in A per phase whatever the site unit;
/// the allocator converts them with P = I * V * n on a W site.
/// </summary>
/// <param name="Id">Stable connector id; also the final tie-breaker of every ordering.</param>
/// <param name="ChargerId">The charger the connector belongs to.</param>
public sealed record ConnectorInput(string Id, string ChargerId)
{
    /// <summary>The active transaction, or null when there is none.</summary>
    public ActiveSession? Session { get; init; }

    /// <summary>Whether the connector's activation groups allow charging now (see <see cref="ActivationSchedule"/>).</summary>
    public bool AllowedByActivation { get; init; } = true;

    /// <summary>
    /// When the current activation window ends, if known; used to encode that future reduction in profiles
    /// (spec "What is sent"). Ignored by <see cref="SiteAllocator.Allocate"/>.
    /// </summary>
    public DateTimeOffset? ActivationEndsAt { get; init; }

    /// <summary>False once profiles failed or were ignored: the installed limit then counts in fixedLoad.</summary>
    public bool Controllable { get; init; } = true;

    /// <summary>True while the connector reports a fault.</summary>
    public bool Faulted { get; init; }

    /// <summary>The limit currently installed on the connector (A per phase); counts in fixedLoad when the connector
    /// is uncontrollable or its charger offline.</summary>
    public double InstalledLimit { get; init; }

    /// <summary>max_k: the least of hardware, cable and EV maximum, A per phase. Default 32 A.</summary>
    public double MaxCurrent { get; init; } = 32;

    /// <summary>min_k: 6 A for AC (IEC 61851's lowest PWM current); configurable for DC.</summary>
    public double MinCurrent { get; init; } = 6;

    /// <summary>Higher is served first (strict priority, I7). Default 0.</summary>
    public int Priority { get; init; }

    /// <summary>Water-filling weight (default 1): a_k = clamp(w_k * lambda, min_k, cap_k).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Phases the EV draws on: 1 or 3 (default 3).</summary>
    public int Phases { get; init; } = 3;

    /// <summary>The site phase a 1-phase EV draws on, if known; unknown counts on all three (conservative).</summary>
    public SitePhase? Phase { get; init; }

    /// <summary>demand_k in A per phase from the donation logic (<see cref="DonationTracker"/>); null = max_k.</summary>
    public double? Demand { get; init; }

    /// <summary>The launch cap A_launch in A per phase; null = <see cref="MinCurrent"/> (spec "Launch energy").</summary>
    public double? LaunchCurrent { get; init; }

    /// <summary>
    /// True when the idle connector is pre-armed with a launch TxDefault: its launch current counts as launch reserve
    /// on every constraint on its path (spec "Launch energy").
    /// </summary>
    public bool PreArmed { get; init; }
}
