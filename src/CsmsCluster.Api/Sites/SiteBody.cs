namespace CsmsCluster.Api.Sites;

/// <summary>
/// <c>PUT /sites/{siteId}</c>: the site's electrical model. <c>limit</c> is required; absent optional lists keep their
/// current value, so the sub-resources (grid limits, activation groups, connectors) are not wiped by a PUT.
/// </summary>
public sealed record SiteBody(
    string? Name,
    double? Limit,
    string? Unit,
    double? Voltage,
    double? Margin,
    double? BaseLoad,
    string? TimeZone,
    IReadOnlyList<FeederBody>? Feeders,
    IReadOnlyDictionary<string, string>? ChargerFeeders,
    IReadOnlyList<ActivationGroupBody>? ActivationGroups,
    IReadOnlyList<GridLimitStepBody>? GridLimits);
