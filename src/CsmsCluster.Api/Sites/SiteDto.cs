using CsmsCluster.Contracts;

namespace CsmsCluster.Api.Sites;

/// <summary>
/// <c>GET /sites/{siteId}</c>: the settings (limits in the site's unit, <c>unit</c> A or W) and every connector's
/// allocation, installed limit (site unit), measured current (A) and state.
/// </summary>
public sealed record SiteDto(
    string Id,
    string? Name,
    double Limit,
    string Unit,
    double Voltage,
    double Margin,
    double BaseLoad,
    string TimeZone,
    double EffectiveLimit,
    double? GridLimit,
    DateTimeOffset? LastRunAt,
    IReadOnlyList<FeederBody> Feeders,
    IReadOnlyDictionary<string, string> ChargerFeeders,
    IReadOnlyList<ActivationGroupBody> ActivationGroups,
    IReadOnlyList<GridLimitStepBody> GridLimits,
    IReadOnlyDictionary<string, SiteConnectorBody> ConnectorSettings,
    IReadOnlyList<SiteConnectorView> Connectors,
    IReadOnlyList<SiteAlarmDto> Alarms)
{
    /// <summary>K: idle connectors kept pre-armed with a launch TxDefaultProfile (0 = off).</summary>
    public int PreArmedConnectors { get; init; }
}
