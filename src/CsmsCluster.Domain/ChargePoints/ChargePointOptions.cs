namespace CsmsCluster.Domain.ChargePoints;

/// <summary>OCPP behaviour of charge points; configuration section <c>Csms:Ocpp</c>.</summary>
public sealed class ChargePointOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Csms:Ocpp";

    /// <summary>
    /// false (default): an unknown charge point is registered on first connect; true: only charge points registered
    /// through the API may connect.
    /// </summary>
    public bool RequireRegistration { get; set; }

    /// <summary>Heartbeat interval returned in BootNotification.conf. Default 300 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Timeout of a CSMS-initiated call when the caller gives none. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many recent transactions each charge point keeps for replay detection. Default 20.</summary>
    public int RecentTransactionCount { get; set; } = 20;

    /// <summary>
    /// The LastSeen time is written with the state at most this often when nothing else changes (heartbeats alone
    /// do not cost a write each). Default 5 min.
    /// </summary>
    public TimeSpan LastSeenPersistInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long the charge point may hold back the write of a result whose caller keeps the durable record (a site's
    /// TxProfile): the write happens with the next state write, at deactivation, or after between this and twice this
    /// (spread so that a site's fan-out does not come back as one burst of writes). Default 30 s.
    /// </summary>
    public TimeSpan RecordBehindDelay { get; set; } = TimeSpan.FromSeconds(30);
}
