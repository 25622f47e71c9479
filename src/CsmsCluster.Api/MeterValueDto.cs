using System.Text.Json;

namespace CsmsCluster.Api;

/// <summary>One meter value: its timestamp and the sampled values exactly as the charger sent them.</summary>
public sealed record MeterValueDto(DateTimeOffset Timestamp, int ConnectorId, JsonElement SampledValue);
