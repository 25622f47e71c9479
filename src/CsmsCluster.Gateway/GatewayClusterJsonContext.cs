using System.Text.Json.Serialization;
using CsmsCluster.Contracts;

namespace CsmsCluster.Gateway;

/// <summary>A command for a socket held by another gateway node, as posted to that node's internal port.</summary>
/// <param name="ChargePointId">The charger.</param>
/// <param name="Target">The socket the command is for.</param>
/// <param name="Action">The OCPP action.</param>
/// <param name="Payload">The CALL payload (UTF-8 JSON).</param>
/// <param name="TimeoutMs">How long to wait for the charger's answer.</param>
public sealed record ChargerCallRequest(string ChargePointId, ChargerConnection Target, string Action, byte[] Payload, long TimeoutMs);

/// <summary>Source-generated JSON for the gateway's internal endpoint.</summary>
[JsonSerializable(typeof(ChargerCallRequest))]
internal sealed partial class GatewayClusterJsonContext : JsonSerializerContext;
