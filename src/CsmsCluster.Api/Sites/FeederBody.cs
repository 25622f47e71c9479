namespace CsmsCluster.Api.Sites;

/// <summary>A feeder between the site and some chargers: its limit in the site's unit and its parent feeder.</summary>
public sealed record FeederBody(string? Id, double? Limit, string? ParentId);
