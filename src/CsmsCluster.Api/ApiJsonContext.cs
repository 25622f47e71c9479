using System.Text.Json;
using System.Text.Json.Serialization;
using CsmsCluster.Contracts;

namespace CsmsCluster.Api;

/// <summary>Source-generated JSON for the API's bodies and responses (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ChargePointView))]
[JsonSerializable(typeof(PageDto<ChargePointListItem>))]
[JsonSerializable(typeof(ChargePointRegistrationBody))]
[JsonSerializable(typeof(IdTagBody))]
[JsonSerializable(typeof(IdTagDto))]
[JsonSerializable(typeof(PageDto<IdTagDto>))]
[JsonSerializable(typeof(TransactionDto))]
[JsonSerializable(typeof(PageDto<TransactionDto>))]
[JsonSerializable(typeof(PageDto<CsmsCluster.Persistence.SecurityEventEntry>))]
[JsonSerializable(typeof(ChargePointDetails))]
[JsonSerializable(typeof(IReadOnlyList<ConfigurationEntry>))]
[JsonSerializable(typeof(IReadOnlyList<ReservationRecord>))]
[JsonSerializable(typeof(IReadOnlyList<StatusEventRecord>))]
[JsonSerializable(typeof(IReadOnlyList<SecurityEventRecord>))]
[JsonSerializable(typeof(IReadOnlyList<InstalledCertificate>))]
[JsonSerializable(typeof(IReadOnlyList<CompositeScheduleRecord>))]
[JsonSerializable(typeof(List<ChargingProfileDto>))]
[JsonSerializable(typeof(LocalListDto))]
[JsonSerializable(typeof(QueuedCommand))]
[JsonSerializable(typeof(IReadOnlyList<QueuedCommand>))]
[JsonSerializable(typeof(Sites.SiteBody))]
[JsonSerializable(typeof(Sites.SiteDto))]
[JsonSerializable(typeof(Sites.GridLimitsBody))]
[JsonSerializable(typeof(Sites.ActivationGroupsBody))]
[JsonSerializable(typeof(Sites.SiteConnectorBody))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
