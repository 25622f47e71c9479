using System.Text.Json.Serialization;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>Source-generated serialisation of the charge point's durable state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChargePointState))]
public sealed partial class ChargePointJsonContext : JsonSerializerContext;
