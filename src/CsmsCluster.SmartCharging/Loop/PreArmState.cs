namespace CsmsCluster.SmartCharging.Loop;

/// <summary>
/// A connector's launch TxDefaultProfile (spec "Launch energy", pre-armed launch): what the site wants on it and what
/// the charger may be running. Persisted with the site; absent on connectors the option never touched.
/// </summary>
public sealed class PreArmState
{
    /// <summary>True when the last run chose the connector to be pre-armed at <see cref="Limit"/>.</summary>
    public bool Chosen { get; set; }

    /// <summary>The launch limit the connector is armed with when chosen, A per phase.</summary>
    public double Limit { get; set; }

    /// <summary>True when the connector was among the first K candidates but its reserve did not fit.</summary>
    public bool NoRoom { get; set; }

    /// <summary>The TxDefault limit the charger last Accepted, A per phase; 0 = none, or cleared to 0 A.</summary>
    public double Installed { get; set; }

    /// <summary>A sent TxDefault limit awaiting its answer (0 for a clear).</summary>
    public double? Pending { get; set; }

    /// <summary>The sequence of the pending send.</summary>
    public long? PendingSequence { get; set; }

    /// <summary>When a TxDefault was last sent.</summary>
    public DateTimeOffset? LastSentAt { get; set; }

    /// <summary>Consecutive sends that failed (CALLERROR or no answer).</summary>
    public int Failures { get; set; }

    /// <summary>True when the charger may not hold what the site thinks (not delivered, failed): send again.</summary>
    public bool ResendRequired { get; set; }

    /// <summary>
    /// Why the connector is no longer pre-armed or cleared (the charger answered Rejected or NotSupported, or failed
    /// twice); set until the connector's parameters are PUT again. Sessions on it are still controlled by TxProfile.
    /// </summary>
    public string? Refused { get; set; }

    /// <summary>The TxDefault limit the charger may be running now: max(installed, pending), A per phase.</summary>
    public double Effective => Math.Max(Installed, Pending ?? Installed);
}
