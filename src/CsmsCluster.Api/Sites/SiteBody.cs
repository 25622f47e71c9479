namespace CsmsCluster.Api.Sites;

/// <summary>
/// <c>PUT /sites/{siteId}</c>: the site's electrical model. <c>limit</c> is required; absent optional lists keep their
/// current value, so the sub-resources (grid limits, activation groups, connectors) are not wiped by a PUT.
/// </summary>
/// <param name="Name">A display name (at most 200 characters).</param>
/// <param name="Limit">L_static: A per phase on an A site, W on a W site; required, positive.</param>
/// <param name="Unit"><c>A</c> (default) or <c>W</c>.</param>
/// <param name="Voltage">Nominal phase voltage in (0, 1000] V; 230 V by default.</param>
/// <param name="Margin">Safety margin in [0, 0.5); 0.02 by default.</param>
/// <param name="BaseLoad">Known non-EV load in the site's unit; 0 by default.</param>
/// <param name="TimeZone">IANA (or Windows) time zone id of the activation schedules; UTC by default.</param>
/// <param name="Feeders">Feeders between the site and its chargers.</param>
/// <param name="ChargerFeeders">Charger id to the feeder it hangs from.</param>
/// <param name="ActivationGroups">Up to 10 weekly activation groups.</param>
/// <param name="GridLimits">The grid operator's limit schedule.</param>
/// <param name="PreArmedConnectors">
/// K, an integer from 0 to 1000: how many idle connectors are kept pre-armed with a launch TxDefaultProfile, so a
/// plug-in starts at its launch current at once; their launch currents count as reserve in the effective limit, and
/// fewer are armed when the reserve does not fit above the sessions' minimums. 0 (off) by default; absent keeps the
/// current value.
/// </param>
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
    IReadOnlyList<GridLimitStepBody>? GridLimits,
    int? PreArmedConnectors = null);
