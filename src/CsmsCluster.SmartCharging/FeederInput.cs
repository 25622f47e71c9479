namespace CsmsCluster.SmartCharging;

/// <summary>
/// A feeder (sub-distribution) between the site connection and some chargers. Feeders form a tree under the site.
/// </summary>
/// <param name="Id">Stable feeder id.</param>
/// <param name="Limit">The feeder's limit in the site's unit (A per phase or W); no safety margin is applied.</param>
/// <param name="ParentId">The parent feeder, or null when the feeder hangs directly under the site.</param>
public sealed record FeederInput(string Id, double Limit, string? ParentId = null);
