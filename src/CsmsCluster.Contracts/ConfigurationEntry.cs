namespace CsmsCluster.Contracts;

/// <summary>One configuration key of the charger (OCPP 1.6 §9 standard keys or vendor keys).</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">Its value as last read or set.</param>
/// <param name="Readonly">Whether the charger reports it read-only.</param>
/// <param name="UpdatedAt">When the value was learned.</param>
public sealed record ConfigurationEntry(string Key, string? Value, bool Readonly, DateTimeOffset UpdatedAt);
