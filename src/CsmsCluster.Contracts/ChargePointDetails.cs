namespace CsmsCluster.Contracts;

/// <summary>The state a charge point keeps beyond its summary: what its commands and notifications established.</summary>
public sealed record ChargePointDetails
{
    /// <summary>Cached configuration keys, by key.</summary>
    public IReadOnlyList<ConfigurationEntry> Configuration { get; init; } = [];

    /// <summary>Installed charging profiles.</summary>
    public IReadOnlyList<InstalledProfile> ChargingProfiles { get; init; } = [];

    /// <summary>Reservations that have not expired.</summary>
    public IReadOnlyList<ReservationRecord> Reservations { get; init; } = [];

    /// <summary>The local authorization list version (0 none, -1 unsupported).</summary>
    public int LocalListVersion { get; init; }

    /// <summary>The local authorization list entries.</summary>
    public IReadOnlyList<LocalListEntry> LocalList { get; init; } = [];

    /// <summary>Availability set per connector.</summary>
    public IReadOnlyDictionary<int, AvailabilityRecord> Availability { get; init; } = new Dictionary<int, AvailabilityRecord>();

    /// <summary>Firmware, diagnostics and log status notifications, newest last.</summary>
    public IReadOnlyList<StatusEventRecord> StatusEvents { get; init; } = [];

    /// <summary>Queued commands: waiting ones and the most recent finished ones, oldest first.</summary>
    public IReadOnlyList<QueuedCommand> QueuedCommands { get; init; } = [];

    /// <summary>Security events, newest last.</summary>
    public IReadOnlyList<SecurityEventRecord> SecurityEvents { get; init; } = [];

    /// <summary>Certificates known to be installed on the charger.</summary>
    public IReadOnlyList<InstalledCertificate> Certificates { get; init; } = [];

    /// <summary>The last composite schedule per connector.</summary>
    public IReadOnlyList<CompositeScheduleRecord> CompositeSchedules { get; init; } = [];
}
