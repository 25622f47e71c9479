using System.Text.Json.Serialization;

namespace CsmsCluster.SmartCharging.Loop;

/// <summary>Everything the Site grain persists: its settings and the loop's view of every charger and connector.</summary>
public sealed class SiteLoopState
{
    /// <summary>True once the site was configured through the API.</summary>
    public bool Configured { get; set; }

    /// <summary>The operator's settings.</summary>
    public SiteSettings Settings { get; set; } = new();

    /// <summary>Chargers by id.</summary>
    // Filled in place when read, so the ordinal comparer of the initialiser survives deserialisation.
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, LoopCharger> Chargers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Connectors by <c>chargePointId/n</c>.</summary>
    // Filled in place when read, so the ordinal comparer of the initialiser survives deserialisation.
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, LoopConnector> Connectors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the site's last decrease was Accepted.</summary>
    public DateTimeOffset? LastDecreaseAcceptedAt { get; set; }

    /// <summary>When a donation last lowered a demand: increases it enables wait T_hold from here.</summary>
    public DateTimeOffset? LastDonationAt { get; set; }

    /// <summary>When a session last started or stopped: increases after such an event need no hold.</summary>
    public DateTimeOffset? LastSessionEventAt { get; set; }

    /// <summary>The last send number used.</summary>
    public long Sequence { get; set; }

    /// <summary>When the loop last ran.</summary>
    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>Alarms raised since the site was created (the list below keeps only the most recent).</summary>
    public long AlarmsRaised { get; set; }

    /// <summary>Recent alarms, oldest first.</summary>
    public List<SiteAlarm> Alarms { get; set; } = [];
}
