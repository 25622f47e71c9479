using System.Text.Json.Serialization;
using CsmsCluster.Contracts;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>The durable state of one charge point, owned by its <see cref="ChargePointGrain"/>.</summary>
public sealed class ChargePointState
{
    /// <summary>Set once the operator registered the charge point through the API.</summary>
    public bool Registered { get; set; }

    /// <summary>Set once the charger connected at least once or was registered (so the API knows it).</summary>
    public bool Known { get; set; }

    /// <summary>The site the charge point belongs to.</summary>
    public string? SiteId { get; set; }

    /// <summary>PBKDF2 hash of the Basic-auth password, or null when none is set.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The security profile the charger must connect with (0-3), or null for "Basic auth if a password is set".</summary>
    public int? SecurityProfile { get; set; }

    /// <summary>Hardware maximum in A per phase.</summary>
    public decimal? MaxCurrent { get; set; }

    /// <summary>1 or 3.</summary>
    public int? Phases { get; set; }

    /// <summary>Last BootNotification.</summary>
    public BootRecord? Boot { get; set; }

    /// <summary>The current (or last) connection.</summary>
    public ConnectionRecord? Connection { get; set; }

    /// <summary>When the charger last sent a message that was persisted with the state.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>Connectors by id.</summary>
    public SortedDictionary<int, ConnectorRecord> Connectors { get; set; } = [];

    /// <summary>Open transactions by transaction id.</summary>
    public SortedDictionary<int, OpenTransaction> OpenTransactions { get; set; } = [];

    /// <summary>The most recent transactions (started or stopped), newest last, for idempotent replays.</summary>
    public List<RecentTransaction> RecentTransactions { get; set; } = [];

    /// <summary>The charger's configuration as last read (GetConfiguration) or changed (ChangeConfiguration).</summary>
    // Filled in place when read, so the ordinal comparer of the initialiser survives deserialisation.
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, ConfigurationEntry> Configuration { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Charging profiles the charger accepted, newest last.</summary>
    public List<InstalledProfile> ChargingProfiles { get; set; } = [];

    /// <summary>Reservations the charger accepted, by reservation id.</summary>
    public SortedDictionary<int, ReservationRecord> Reservations { get; set; } = [];

    /// <summary>The local authorization list the charger holds, as last sent or reported.</summary>
    public LocalListRecord LocalList { get; set; } = new();

    /// <summary>Availability the CSMS last set per connector (Operative/Inoperative), and whether it is scheduled.</summary>
    public SortedDictionary<int, AvailabilityRecord> Availability { get; set; } = [];

    /// <summary>Firmware, diagnostics and log upload status notifications, newest last (bounded).</summary>
    public List<StatusEventRecord> StatusEvents { get; set; } = [];

    /// <summary>Commands queued for the charger (offline delivery, follow-ups such as CertificateSigned), oldest first.</summary>
    public List<QueuedCommand> QueuedCommands { get; set; } = [];

    /// <summary>Security events the charger reported, newest last (bounded).</summary>
    public List<SecurityEventRecord> SecurityEvents { get; set; } = [];

    /// <summary>Certificates known to be installed on the charger (1.6 security extension).</summary>
    public List<InstalledCertificate> Certificates { get; set; } = [];

    /// <summary>The last composite schedule per connector.</summary>
    public SortedDictionary<int, CompositeScheduleRecord> CompositeSchedules { get; set; } = [];
}
