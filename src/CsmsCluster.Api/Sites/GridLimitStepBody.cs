namespace CsmsCluster.Api.Sites;

/// <summary>From <c>from</c> on, the grid operator allows at most <c>limit</c> (site unit) until the next step.</summary>
public sealed record GridLimitStepBody(DateTimeOffset? From, double? Limit);
