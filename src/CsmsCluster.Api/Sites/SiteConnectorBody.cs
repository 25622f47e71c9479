namespace CsmsCluster.Api.Sites;

/// <summary>
/// <c>PUT /sites/{siteId}/connectors/{chargePointId}/{connectorId}</c>: currents in A per phase; <c>phase</c> is
/// L1/L2/L3 for a 1-phase connector; <c>groups</c> names activation groups.
/// </summary>
public sealed record SiteConnectorBody(
    double? MaxCurrent,
    double? MinCurrent,
    int? Priority,
    double? Weight,
    int? Phases,
    string? Phase,
    double? LaunchCurrent,
    IReadOnlyList<string>? Groups);
