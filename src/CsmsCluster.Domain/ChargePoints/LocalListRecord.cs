using System.Text.Json.Serialization;
using CsmsCluster.Contracts;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>The charger's local authorization list: its version and entries (idTag to status).</summary>
public sealed class LocalListRecord
{
    /// <summary>The list version; 0 = no list, -1 = the charger does not support one (OCPP 1.6 §5.9).</summary>
    public int Version { get; set; }

    /// <summary>Entries by idTag.</summary>
    // Filled in place when read, so the ordinal comparer of the initialiser survives deserialisation.
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, LocalListEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the list or its version was last learned.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
