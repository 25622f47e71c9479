using System.Text.Json.Serialization;

namespace CsmsCluster.Contracts;

/// <summary>Source-generated JSON for every type crossing a grain interface (for the cluster transport).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConnectDecision))]
[JsonSerializable(typeof(ChargerConnection))]
[JsonSerializable(typeof(ChargerCredentials))]
[JsonSerializable(typeof(InboundCall))]
[JsonSerializable(typeof(OcppReply))]
[JsonSerializable(typeof(CsmsCallRequest))]
[JsonSerializable(typeof(CsmsCallOutcome))]
[JsonSerializable(typeof(ChargePointView))]
[JsonSerializable(typeof(ChargePointRegistration))]
[JsonSerializable(typeof(ChargePointDetails))]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(ProfileAnswer))]
[JsonSerializable(typeof(SmartCharging.Loop.SiteSettings))]
[JsonSerializable(typeof(SmartCharging.Loop.ConnectorSettings))]
[JsonSerializable(typeof(SmartCharging.Loop.ChargerObservation))]
[JsonSerializable(typeof(SmartCharging.Loop.MeterObservation))]
[JsonSerializable(typeof(SmartCharging.Loop.SiteLoopState))]
[JsonSerializable(typeof(IReadOnlyList<SmartCharging.GridLimitStep>))]
[JsonSerializable(typeof(IReadOnlyList<SmartCharging.ActivationGroup>))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
